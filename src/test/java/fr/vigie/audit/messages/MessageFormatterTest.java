package fr.vigie.audit.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageFormatterTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void should_write_dates_in_the_clients_zone_and_the_readers_language() {
        // GIVEN a time that is still the 17th in UTC but already the 18th in Paris
        OffsetDateTime late = OffsetDateTime.parse("2026-09-17T22:30:00Z");
        // WHEN / THEN
        assertThat(new MessageFormatter(Locale.FRENCH, PARIS).render("le {at}", Map.of("at", late)))
                .isEqualTo("le 18 sept. 2026");
        assertThat(
                        new MessageFormatter(Locale.ENGLISH, PARIS)
                                .render("on {at}", Map.of("at", late)))
                .isEqualTo("on Sep 18, 2026");
    }

    @Test
    void should_write_numbers_with_the_locales_separators() {
        MessageFormatter french = new MessageFormatter(Locale.FRENCH, PARIS);
        assertThat(french.render("{n} €", Map.of("n", new BigDecimal("12500.5"))))
                .isEqualTo("12\u202f500,5 €");
        assertThat(new MessageFormatter(Locale.ENGLISH, PARIS).render("{n}", Map.of("n", 12500L)))
                .isEqualTo("12,500");
    }

    @Test
    void should_join_lists_and_keep_unknown_placeholders_visible() {
        MessageFormatter french = new MessageFormatter(Locale.FRENCH, PARIS);
        assertThat(
                        french.render(
                                "{roles} {missing}",
                                Map.of("roles", List.of("dirigeant", "directeur-commercial"))))
                .isEqualTo("dirigeant, directeur-commercial {missing}");
        assertThat(french.render("le {d}", Map.of("d", LocalDate.of(2026, 10, 31))))
                .isEqualTo("le 31 oct. 2026");
    }
}
