package fr.vigie.deals.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.vigie.deals.input.InvalidValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Values as CRMs and French spreadsheets write them: read when they say what they are, refused when
 * they do not.
 */
class ValueFormatsTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final ValueFormats DETECTING = ValueFormats.detecting(PARIS, "sources/x.yaml");
    static final ValueFormats FRENCH =
            new ValueFormats(',', ValueFormats.DateOrder.DAY_FIRST, PARIS, PARIS, "sources/x.yaml");

    @Test
    void should_read_french_numbers_with_spaces_and_non_breaking_spaces_between_thousands() {
        // WHEN / THEN
        assertThat(DETECTING.number("Montant", "12 500,00")).isEqualTo(new BigDecimal("12500.00"));
        assertThat(DETECTING.number("Montant", "12\u00A0500,5"))
                .isEqualTo(new BigDecimal("12500.5"));
        assertThat(DETECTING.number("Montant", "1\u202F234\u202F567,89 €"))
                .isEqualTo(new BigDecimal("1234567.89"));
        assertThat(DETECTING.number("Amount", "184000.00")).isEqualTo(new BigDecimal("184000.00"));
        assertThat(DETECTING.number("Amount", "1,234,567.5"))
                .isEqualTo(new BigDecimal("1234567.5"));
        assertThat(DETECTING.number("Amount", "-0,500")).isEqualTo(new BigDecimal("-0.500"));
        assertThat(DETECTING.percent("Remise", "12,5 %")).isEqualTo(new BigDecimal("12.5"));
    }

    @Test
    void
            should_refuse_a_number_whose_separator_could_part_thousands_or_decimals_unless_the_mapping_says() {
        // WHEN / THEN
        assertThatThrownBy(() -> DETECTING.number("Montant", "1,500"))
                .isInstanceOf(InvalidValue.class)
                .hasMessage(
                        "Montant '1,500' could be 1.5 or 1500: state the decimal separator in"
                                + " sources/x.yaml (formats: decimal: \",\" if it is the decimal"
                                + " mark)");
        assertThat(FRENCH.number("Montant", "1,500")).isEqualTo(new BigDecimal("1.500"));
        assertThat(FRENCH.number("Montant", "1.500")).isEqualTo(new BigDecimal("1500"));
    }

    @Test
    void should_refuse_what_is_not_a_number() {
        // WHEN / THEN
        assertThatThrownBy(() -> DETECTING.number("Montant", "12 50,00"))
                .hasMessage("Montant must be a number, not '12 50,00'");
        assertThatThrownBy(() -> DETECTING.number("Montant", "douze"))
                .hasMessage("Montant must be a number, not 'douze'");
        assertThatThrownBy(() -> FRENCH.number("Montant", "12,50,00"))
                .hasMessage("Montant must be a number, not '12,50,00'");
    }

    @Test
    void should_read_utc_and_offset_date_times_at_the_workspace_offset() {
        // WHEN
        OffsetDateTime salesforce = DETECTING.instant("CreatedDate", "2026-07-03T09:12:45.000Z");
        OffsetDateTime compact = DETECTING.instant("CreatedDate", "2026-07-03T09:12:45.000+0000");

        // THEN the same instant, at Paris's summer offset
        assertThat(salesforce)
                .isEqualTo(OffsetDateTime.of(2026, 7, 3, 11, 12, 45, 0, ZoneOffset.ofHours(2)));
        assertThat(compact).isEqualTo(salesforce);
    }

    @Test
    void should_read_a_date_alone_as_the_start_of_its_day_in_the_workspace_zone() {
        // WHEN / THEN
        assertThat(DETECTING.instant("ActivityDate", "2026-07-03"))
                .isEqualTo(OffsetDateTime.of(2026, 7, 3, 0, 0, 0, 0, ZoneOffset.ofHours(2)));
        assertThat(DETECTING.instant("Date", "31/07/2026"))
                .isEqualTo(OffsetDateTime.of(2026, 7, 31, 0, 0, 0, 0, ZoneOffset.ofHours(2)));
    }

    @Test
    void should_read_local_times_only_in_the_zone_the_mapping_states() {
        // WHEN / THEN
        assertThatThrownBy(() -> DETECTING.instant("Date", "31/07/2026 14:05"))
                .hasMessage(
                        "bad date: Date '31/07/2026 14:05' has no offset: state the zone of local"
                            + " times in sources/x.yaml (formats: local-times: workspace, to read"
                            + " it in Europe/Paris), or export with offsets");
        assertThat(FRENCH.instant("Date", "31/07/2026 14:05"))
                .isEqualTo(OffsetDateTime.of(2026, 7, 31, 14, 5, 0, 0, ZoneOffset.ofHours(2)));
        assertThat(FRENCH.instant("Date", "2026-12-01 08:00:00"))
                .isEqualTo(OffsetDateTime.of(2026, 12, 1, 8, 0, 0, 0, ZoneOffset.ofHours(1)));
    }

    @Test
    void should_refuse_an_ambiguous_date_unless_the_mapping_states_the_order() {
        // WHEN / THEN
        assertThatThrownBy(() -> DETECTING.date("Date", "03/07/2026"))
                .hasMessage(
                        "ambiguous date: Date '03/07/2026': 03/07/2026 could be day/month or"
                                + " month/day; state the order in sources/x.yaml (formats: dates:"
                                + " day-first, or month-first)");
        assertThat(DETECTING.date("Date", "31/07/2026")).isEqualTo(LocalDate.of(2026, 7, 31));
        assertThat(DETECTING.date("Date", "07/31/2026")).isEqualTo(LocalDate.of(2026, 7, 31));
        assertThat(DETECTING.date("Date", "05/05/2026")).isEqualTo(LocalDate.of(2026, 5, 5));
        assertThat(FRENCH.date("Date", "03/07/2026")).isEqualTo(LocalDate.of(2026, 7, 3));
    }

    @Test
    void should_refuse_a_local_time_the_clocks_skip_or_repeat() {
        // WHEN / THEN
        assertThatThrownBy(() -> FRENCH.instant("Date", "25/10/2026 02:30"))
                .hasMessage(
                        "bad date: Date '25/10/2026 02:30' happened twice in Europe/Paris (the"
                                + " clocks went back): its instant cannot be told");
        assertThatThrownBy(() -> FRENCH.instant("Date", "29/03/2026 02:30"))
                .hasMessage(
                        "bad date: Date '29/03/2026 02:30' does not exist in Europe/Paris (the"
                                + " clocks went forward)");
    }

    @Test
    void should_refuse_what_is_not_a_date() {
        // WHEN / THEN
        assertThatThrownBy(() -> DETECTING.date("Date", "31/13/2026"))
                .isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> DETECTING.instant("Date", "hier"))
                .hasMessageStartingWith("bad date: Date 'hier' is not a date-time");
    }
}
