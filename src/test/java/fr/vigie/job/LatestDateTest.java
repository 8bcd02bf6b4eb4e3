package fr.vigie.job;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.workspace.Period;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * The latest date a deal can hold: the day after the audit runs, or the end of a period not over
 * yet.
 */
class LatestDateTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final Period Q3 = Period.parse("2026-Q3").orElseThrow();

    @Test
    void should_allow_a_day_after_the_audit_when_the_period_is_over() {
        assertThat(AuditingAPeriod.latestDate(Q3, PARIS, Instant.parse("2026-12-03T10:00:00Z")))
                .isEqualTo(OffsetDateTime.parse("2026-12-04T11:00:00+01:00"));
    }

    @Test
    void should_allow_the_end_of_a_period_not_over_yet() {
        assertThat(AuditingAPeriod.latestDate(Q3, PARIS, Instant.parse("2026-08-15T10:00:00Z")))
                .isEqualTo(OffsetDateTime.parse("2026-10-01T00:00:00+02:00"));
    }
}
