package fr.vigie.audit.facts;

import java.math.BigDecimal;

/** The value of a rule parameter for this deal, after workspace and process overrides. */
public record Param(String rule, String name, String value) {

    public int intValue() {
        return Integer.parseInt(value.strip());
    }

    public BigDecimal decimalValue() {
        return new BigDecimal(value.strip());
    }
}
