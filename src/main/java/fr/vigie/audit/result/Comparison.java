package fr.vigie.audit.result;

import java.math.BigDecimal;

/** The previous period's conformity rate, and the change since, in points. */
public record Comparison(String period, BigDecimal conformityRate, BigDecimal change) {}
