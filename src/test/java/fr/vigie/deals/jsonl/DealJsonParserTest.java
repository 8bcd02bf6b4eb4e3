package fr.vigie.deals.jsonl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fr.vigie.common.Outcome;
import fr.vigie.deals.model.Account;
import fr.vigie.deals.model.Deal;
import fr.vigie.deals.model.LineItem;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pins what the JSON Lines reader accepts and the exact text and column of each refusal, so that
 * sharing its value parsing and deal checks with the CSV reader cannot change them.
 */
class DealJsonParserTest {

    private static final String STAGES =
            "\"stages\":[{\"stage\":\"prospection\",\"at\":\"2026-07-01T09:00:00+02:00\"}]";
    private static final String MINIMAL =
            "{\"id\":\"D-1\",\"createdAt\":\"2026-07-01T09:00:00+02:00\"," + STAGES;

    @Test
    void should_read_a_minimal_deal_with_its_defaults() {
        // GIVEN
        String json = MINIMAL + "}";

        // WHEN
        Deal deal = new DealJsonParser().parse(json);

        // THEN
        assertThat(deal.id()).isEqualTo("D-1");
        assertThat(deal.outcome()).isEqualTo(Outcome.OPEN);
        assertThat(deal.account()).isEqualTo(new Account(null, null, null, null, null));
        assertThat(deal.fields()).isEmpty();
        assertThat(deal.stages()).hasSize(1);
    }

    @Test
    void should_sort_activities_by_time_and_default_the_line_item_values() {
        // GIVEN
        String json =
                MINIMAL
                        + ",\"activities\":[{\"type\":\"b\",\"at\":\"2026-07-03T09:00:00Z\"},{\"type\":\"a\",\"at\":\"2026-07-02T09:00:00Z\"}]"
                        + ",\"lines\":[{\"product\":\"P\",\"listPrice\":\"100.50\"}]}";

        // WHEN
        Deal deal = new DealJsonParser().parse(json);

        // THEN
        assertThat(deal.activities()).extracting(a -> a.type()).containsExactly("a", "b");
        assertThat(deal.lines())
                .containsExactly(
                        new LineItem(
                                "P",
                                BigDecimal.ONE,
                                new BigDecimal("100.50"),
                                new BigDecimal("100.50"),
                                BigDecimal.ZERO));
        assertThat(deal.activities().get(0).at())
                .isEqualTo(OffsetDateTime.parse("2026-07-02T09:00:00Z"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            textBlock =
                    """
                    unknown field          | ,"ammount":1}                          | "ammount" | unknown field 'ammount' (did you mean 'amount'?)
                    field twice            | ,"id":"D-2"}                           | "id" | field 'id' is written twice
                    null then a value      | ,"amount":null,"amount":999}           | "amount":999 | field 'amount' is written twice
                    nested field twice     | ,"account":{"segment":"TPE","segment":"PME"}} | "segment":"PME" | field 'account.segment' is written twice
                    item field twice       | ,"activities":[{"type":"appel","type":"email","at":"2026-07-01T09:00:00Z"}]} | "type":"email" | field 'activities[0].type' is written twice
                    set then emptied       | ,"fields":{"budget":"oui","budget":""}} | "budget":"" | field 'fields.budget' is written twice
                    huge amount            | ,"amount":1e999999999}                 | 1e9 | amount has more than 18 digits before the decimal point: too large to be an amount, a price or a quantity
                    huge amount as text    | ,"amount":"1e999999999"}               | "1e9 | amount has more than 18 digits before the decimal point: too large to be an amount, a price or a quantity
                    tiny price             | ,"lines":[{"listPrice":1e-999999999}]} | 1e- | lines[0].listPrice has more than 18 digits after the decimal point: Vigie cannot read it exactly
                    negative amount        | ,"amount":-5}                          | -5 | amount is negative (-5): amounts and prices must be 0 or more
                    amount not a number    | ,"amount":"12,5"}                      | "12,5" | amount must be a number, not '12,5'
                    date without offset    | ,"closedAt":"2026-07-02T10:00"}        | "2026 | bad date: closedAt '2026-07-02T10:00' has no offset: add Z for UTC or the local offset, e.g. 2026-07-02T10:00+02:00
                    not a date-time        | ,"closedAt":"soon"}                    | "soon" | bad date: closedAt 'soon' is not a date-time; write ISO 8601 with an offset, e.g. 2026-07-01T09:30:00+02:00
                    bad date               | ,"expectedCloseDate":"02/07/2026"}     | "02/ | bad date: expectedCloseDate '02/07/2026' is not a date written YYYY-MM-DD
                    bad outcome            | ,"outcome":"gagne"}                    | "gagne" | outcome must be open, won or lost, not 'gagne'
                    bad currency           | ,"currency":"euro"}                    | "euro" | currency must be an ISO 4217 code such as EUR, not 'euro'
                    discount above 100     | ,"lines":[{"listPrice":1,"discount":101}]}  | }]} | discount is a percentage between 0 and 100, not 101
                    quantity zero          | ,"lines":[{"listPrice":1,"quantity":0}]}    | }]} | quantity must be above 0, not 0
                    line without listPrice | ,"lines":[{"product":"P"}]}            | }]} | lines[0] needs 'listPrice'
                    negative price         | ,"lines":[{"listPrice":-1}]}           | -1 | lines[0].listPrice is negative (-1): amounts and prices must be 0 or more
                    activity without at    | ,"activities":[{"type":"appel"}]}      | }]} | activities[0] needs 'at'
                    stage date no offset   | ,"documents":[{"type":"devis","at":"2026-07-01"}]} | "2026 | bad date: documents[0].at '2026-07-01' is not a date-time; write ISO 8601 with an offset, e.g. 2026-07-01T09:30:00+02:00
                    """)
    void should_refuse_a_bad_value_with_its_message_and_column(
            String title, String tail, String pointed, String message) {
        // GIVEN
        String json = MINIMAL + tail;
        int column = MINIMAL.length() + tail.indexOf(pointed) + 1;

        // WHEN
        DealJsonParser.Refusal refusal =
                catchThrowableOfType(
                        DealJsonParser.Refusal.class, () -> new DealJsonParser().parse(json));

        // THEN
        assertThat(refusal.getMessage()).isEqualTo(message);
        assertThat(refusal.column()).isEqualTo(column);
        assertThat(refusal.dealId()).isEqualTo("D-1");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            textBlock =
                    """
                    no id          | {"createdAt":"2026-07-01T09:00:00Z"}               | 1 | the deal has no 'id'
                    no createdAt   | {"id":"D-1"}                                       | 1 | the deal has no 'createdAt' (when it was created, with its offset)
                    no stages      | {"id":"D-1","createdAt":"2026-07-01T09:00:00Z"}    | 1 | the deal has no stage history ('stages'): nothing can be audited
                    stages reversed | {"id":"D-1","createdAt":"2026-07-01T09:00:00Z","stages":[{"stage":"b","at":"2026-07-02T09:00:00Z"},{"stage":"a","at":"2026-07-01T09:00:00Z"}]} | 1 | events out of order: stages[1] (a, 2026-07-01T09:00Z) is dated before stages[0] (b, 2026-07-02T09:00Z); list the stage history in time order
                    won without closedAt | {"id":"D-1","createdAt":"2026-07-01T09:00:00Z","outcome":"won","stages":[{"stage":"a","at":"2026-07-01T09:00:00Z"}]} | 1 | the deal is won but has no 'closedAt'
                    closedAt while open  | {"id":"D-1","createdAt":"2026-07-01T09:00:00Z","closedAt":"2026-07-02T10:00:00Z","stages":[{"stage":"a","at":"2026-07-01T09:00:00Z"}]} | 1 | the deal has a 'closedAt' but its outcome is open: set 'outcome' to won or lost, or remove 'closedAt'
                    not an object  | [1]                                                | 1 | a deal must be a JSON object { ... } on one line
                    """)
    void should_refuse_an_incomplete_deal_with_its_message(
            String title, String json, int column, String message) {
        // WHEN
        DealJsonParser.Refusal refusal =
                catchThrowableOfType(
                        DealJsonParser.Refusal.class, () -> new DealJsonParser().parse(json));

        // THEN
        assertThat(refusal.getMessage()).isEqualTo(message);
        assertThat(refusal.column()).isEqualTo(column);
    }
}
