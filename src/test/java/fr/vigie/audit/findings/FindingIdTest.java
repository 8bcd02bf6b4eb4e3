package fr.vigie.audit.findings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FindingIdTest {

    @Test
    void should_give_the_same_id_to_the_same_deviation() {
        assertThat(FindingId.of("PROC-SKIP-STAGE", "D-1", "proposition", ""))
                .isEqualTo(FindingId.of("PROC-SKIP-STAGE", "D-1", "proposition", ""));
    }

    @Test
    void should_tell_apart_rules_deals_stages_and_keys() {
        String base = FindingId.of("PROC-SKIP-STAGE", "D-1", "proposition", "");
        assertThat(base)
                .matches("F-[0-9A-HJKMNP-TV-Z]{12}")
                .isNotEqualTo(FindingId.of("PROC-STALE-STAGE", "D-1", "proposition", ""))
                .isNotEqualTo(FindingId.of("PROC-SKIP-STAGE", "D-2", "proposition", ""))
                .isNotEqualTo(FindingId.of("PROC-SKIP-STAGE", "D-1", "negociation", ""))
                .isNotEqualTo(FindingId.of("PROC-SKIP-STAGE", "D-1", "proposition", "x"));
    }

    @Test
    void should_not_let_fields_run_into_each_other() {
        assertThat(FindingId.of("R", "D-1", "ab", "c"))
                .isNotEqualTo(FindingId.of("R", "D-1", "a", "bc"));
    }

    @Test
    void should_keep_ids_stable_across_versions_of_vigie_so_that_waivers_keep_working() {
        assertThat(FindingId.of("PROC-SKIP-STAGE", "D-1042", "proposition", ""))
                .isEqualTo("F-BJ76T2YAEBVJ");
    }
}
