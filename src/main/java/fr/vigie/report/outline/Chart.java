package fr.vigie.report.outline;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/**
 * A chart as data: what to draw, never how. The page draws it (SVG); the text renderings leave it
 * out, because every figure drawn is also written beside it.
 */
public sealed interface Chart extends Serializable {

    /** A bar from 0 to 100 %: the rate filled, the previous period's rate as a tick. */
    record Rate(BigDecimal rate, BigDecimal previous) implements Chart {}

    /** A result against its objective: the bar what was won, the tick the quota (if any). */
    record Bullet(BigDecimal won, BigDecimal quota, BigDecimal max) implements Chart {}

    /** A bar for a value against the largest of its group; hatched for deals that deviated. */
    record Bar(BigDecimal value, BigDecimal max, boolean hatched, int width) implements Chart {}

    /** One step of a funnel: the deals that reached it, those with a finding there hatched. */
    record Funnel(long reached, long flagged, long widest) implements Chart {}

    /** A deal's stays, as long as the days spent there, those with a finding hatched. */
    record Timeline(List<Stay> stays) implements Chart {

        public Timeline {
            stays = List.copyOf(stays);
        }
    }

    record Stay(long days, boolean terminal, boolean flagged) implements Serializable {}

    /** A legend's sample of a bar: solid, or hatched; in the accent, the ink or the flag colour. */
    record Swatch(boolean hatched, Colour colour) implements Chart {}

    enum Colour {
        ACCENT,
        INK,
        FLAG
    }
}
