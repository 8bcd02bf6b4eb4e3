package fr.vigie.audit.result;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WinRateTest {

    @Test
    void should_give_the_wilson_interval_of_a_rate() {
        // GIVEN 5 deals won of 10, none of 20 / WHEN / THEN (values from the Wilson score formula,
        // z = 1.96)
        assertThat(new WinRate(5, 10).low()).isEqualByComparingTo("23.7");
        assertThat(new WinRate(5, 10).high()).isEqualByComparingTo("76.3");
        assertThat(new WinRate(0, 20).low()).isEqualByComparingTo("0.0");
        assertThat(new WinRate(0, 20).high()).isEqualByComparingTo("16.1");
        assertThat(new WinRate(0, 0).percent()).isNull();
    }

    @Test
    void should_call_a_difference_significant_only_beyond_chance() {
        // 60 % of 100 against 40 % of 100: z = 2.83; 6 of 10 against 4 of 10: z = 0.89
        assertThat(new WinRate(60, 100).differsFrom(new WinRate(40, 100))).isTrue();
        assertThat(new WinRate(6, 10).differsFrom(new WinRate(4, 10))).isFalse();
        assertThat(new WinRate(6, 10).differsFrom(new WinRate(0, 0))).isFalse();
    }
}
