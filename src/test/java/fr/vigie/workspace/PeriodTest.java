package fr.vigie.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodTest {

    @Test
    void should_read_quarters_months_and_years() {
        assertThat(Period.parse("2026-Q3"))
                .contains(
                        new Period("2026-Q3", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 10, 1)));
        assertThat(Period.parse("2026-q4").orElseThrow().end()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(Period.parse("2026-02"))
                .contains(
                        new Period("2026-02", LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1)));
        assertThat(Period.parse("2026").orElseThrow().lastDay())
                .isEqualTo(LocalDate.of(2026, 12, 31));
    }

    @Test
    void should_refuse_what_is_not_a_period() {
        assertThat(Period.parse("2026-Q5")).isEmpty();
        assertThat(Period.parse("2026-13")).isEmpty();
        assertThat(Period.parse("Q3")).isEmpty();
    }
}
