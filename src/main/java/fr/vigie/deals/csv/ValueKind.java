package fr.vigie.deals.csv;

import fr.vigie.deals.input.Values;

/**
 * How the text of a cell is read, with the same rules as every other deal format ({@link Values}).
 */
enum ValueKind {
    TEXT,
    TIMESTAMP,
    DATE,
    AMOUNT,
    OUTCOME,
    CURRENCY;

    /** The value of a cell (null when empty), or an {@link fr.vigie.deals.input.InvalidValue}. */
    Object read(String column, String cell) {
        String text = Values.text(cell);
        return switch (this) {
            case TEXT -> text;
            case TIMESTAMP -> Values.timestamp(column, text);
            case DATE -> Values.date(column, text);
            case AMOUNT -> Values.nonNegative(column, Values.decimal(column, text));
            case OUTCOME -> Values.outcome(column, text);
            case CURRENCY -> Values.currency(column, text);
        };
    }
}
