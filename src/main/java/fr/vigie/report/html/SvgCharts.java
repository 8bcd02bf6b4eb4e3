package fr.vigie.report.html;

import fr.vigie.report.outline.Chart;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/**
 * The report's charts as inline SVG: shapes only, no text (the figures are in the HTML beside them,
 * in the reader's language and in the embedded font), so that the same markup draws in a browser
 * and in the PDF. Deviations are hatched, never told by colour alone, so they read in black and
 * white. Decorative for assistive technologies: every figure drawn is also written.
 */
public final class SvgCharts {

    static final String ACCENT = "#1f4e79";
    static final String ACCENT_SOFT = "#c9d8e8";
    static final String TRACK = "#e9ecf0";
    static final String INK = "#1d2433";
    static final String FLAG = "#b4511f";
    static final String MUTED = "#8a93a3";

    private int patterns;

    /**
     * The chart as SVG markup, for the page to insert as it is: it holds shapes, numbers and this
     * class's own colours and ids, never a text from the data nor from the bundle.
     */
    public String svg(Chart chart) {
        if (chart instanceof Chart.Rate rate) {
            return rate(rate.rate(), rate.previous());
        }
        if (chart instanceof Chart.Bullet bullet) {
            return bullet(bullet.won(), bullet.quota(), bullet.max());
        }
        if (chart instanceof Chart.Bar bar) {
            return bar(bar.value(), bar.max(), bar.hatched(), bar.width());
        }
        if (chart instanceof Chart.Funnel funnel) {
            return funnel(funnel.reached(), funnel.flagged(), funnel.widest());
        }
        if (chart instanceof Chart.Timeline timeline) {
            return timeline(timeline.stays());
        }
        Chart.Swatch swatch = (Chart.Swatch) chart;
        return swatch(
                swatch.hatched(),
                switch (swatch.colour()) {
                    case ACCENT -> ACCENT;
                    case INK -> INK;
                    case FLAG -> FLAG;
                });
    }

    /** A bar from 0 to 100 %: the rate filled, the previous period's rate as a tick. */
    String rate(BigDecimal rate, BigDecimal previous) {
        int width = 320;
        StringBuilder svg = open(width, 22);
        svg.append(rect(0, 5, width, 12, 6, TRACK));
        svg.append(rect(0, 5, scale(rate, BigDecimal.valueOf(100), width), 12, 6, ACCENT));
        if (previous != null) {
            double x =
                    Math.max(
                            1,
                            Math.min(width - 1, scale(previous, BigDecimal.valueOf(100), width)));
            svg.append("<line x1=\"")
                    .append(fmt(x))
                    .append("\" y1=\"0\" x2=\"")
                    .append(fmt(x))
                    .append("\" y2=\"22\" stroke=\"")
                    .append(INK)
                    .append("\" stroke-width=\"2\" />");
        }
        return close(svg);
    }

    /**
     * One step of a funnel: a bar as wide as the deals that reached the step (against the widest
     * step), centred, the part with a deviation at this step hatched.
     */
    String funnel(long reached, long flagged, long widest) {
        int width = 240;
        StringBuilder svg = open(width, 18);
        String hatch = hatch(svg, FLAG);
        double bar =
                widest == 0 ? 0 : Math.max(reached == 0 ? 0 : 2, width * (double) reached / widest);
        double x = (width - bar) / 2;
        double ok = reached == 0 ? 0 : bar * (reached - flagged) / reached;
        svg.append(rect(x, 2, ok, 14, 0, ACCENT));
        if (flagged > 0) {
            svg.append(rect(x + ok, 2, bar - ok, 14, 0, "url(#" + hatch + ")"));
            svg.append(outline(x + ok, 2, bar - ok, 14, FLAG));
        }
        return close(svg);
    }

    /**
     * A result against its objective: the bar is what was won, the tick the quota (absent without
     * one).
     */
    String bullet(BigDecimal won, BigDecimal quota, BigDecimal max) {
        int width = 240;
        StringBuilder svg = open(width, 18);
        svg.append(rect(0, 3, width, 12, 0, TRACK));
        svg.append(rect(0, 5, scale(won, max, width), 8, 0, ACCENT));
        if (quota != null) {
            double x = Math.max(1, Math.min(width - 1, scale(quota, max, width)));
            svg.append("<line x1=\"")
                    .append(fmt(x))
                    .append("\" y1=\"0\" x2=\"")
                    .append(fmt(x))
                    .append("\" y2=\"18\" stroke=\"")
                    .append(INK)
                    .append("\" stroke-width=\"2\" />");
        }
        return close(svg);
    }

    /**
     * A plain bar for a value against the largest of its group; hatched for the deals that
     * deviated.
     */
    String bar(BigDecimal value, BigDecimal max, boolean deviated, int width) {
        StringBuilder svg = open(width, 14);
        svg.append(rect(0, 2, width, 10, 0, TRACK));
        if (value != null) {
            double w = scale(value, max, width);
            if (deviated) {
                svg.append(rect(0, 2, w, 10, 0, "url(#" + hatch(svg, INK) + ")"));
                svg.append(outline(0, 2, w, 10, INK));
            } else {
                svg.append(rect(0, 2, w, 10, 0, ACCENT));
            }
        }
        return close(svg);
    }

    /**
     * A deal's history as a strip: one segment per stay, as long as the days spent (a closing stage
     * a short mark), the stays where it deviated hatched.
     */
    String timeline(List<Chart.Stay> stays) {
        int width = 600;
        StringBuilder svg = open(width, 20);
        String hatch = hatch(svg, FLAG);
        double total = 0;
        for (Chart.Stay stay : stays) {
            total += weight(stay);
        }
        double gap = 3;
        double usable = width - gap * Math.max(0, stays.size() - 1);
        double x = 0;
        for (Chart.Stay stay : stays) {
            double w = total == 0 ? 0 : usable * weight(stay) / total;
            if (stay.flagged()) {
                svg.append(rect(x, 3, w, 14, 0, "url(#" + hatch + ")"))
                        .append(outline(x, 3, w, 14, FLAG));
            } else {
                svg.append(rect(x, 3, w, 14, 0, stay.terminal() ? INK : ACCENT_SOFT));
            }
            x += w + gap;
        }
        return close(svg);
    }

    /** A legend's sample of a bar: solid, or hatched in {@code colour}. */
    String swatch(boolean hatched, String colour) {
        StringBuilder svg =
                new StringBuilder(256)
                        .append(
                                "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"swatch\""
                                        + " width=\"22\" height=\"10\" ")
                        .append("viewBox=\"0 0 22 10\" aria-hidden=\"true\" focusable=\"false\">");
        if (hatched) {
            svg.append(rect(0, 0, 22, 10, 0, "url(#" + hatch(svg, colour) + ")"))
                    .append(outline(0, 0, 22, 10, colour));
        } else {
            svg.append(rect(0, 0, 22, 10, 0, colour));
        }
        return close(svg);
    }

    private static double weight(Chart.Stay stay) {
        return stay.terminal() ? 2 : Math.max(1, stay.days());
    }

    private String hatch(StringBuilder svg, String colour) {
        String id = "vigie-hatch-" + (++patterns);
        svg.append("<defs><pattern id=\"")
                .append(id)
                .append(
                        "\" width=\"5\" height=\"5\" patternUnits=\"userSpaceOnUse\""
                                + " patternTransform=\"rotate(45)\">")
                .append("<rect x=\"0\" y=\"0\" width=\"5\" height=\"5\" fill=\"#ffffff\" />")
                .append("<rect x=\"0\" y=\"0\" width=\"2.5\" height=\"5\" fill=\"")
                .append(colour)
                .append("\" /></pattern></defs>");
        return id;
    }

    private static StringBuilder open(int width, int height) {
        return new StringBuilder(512)
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(height)
                .append("\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\" aria-hidden=\"true\" focusable=\"false\">");
    }

    private static String close(StringBuilder svg) {
        return svg.append("</svg>").toString();
    }

    private static String rect(double x, double y, double w, double h, double r, String fill) {
        return "<rect x=\""
                + fmt(x)
                + "\" y=\""
                + fmt(y)
                + "\" width=\""
                + fmt(Math.max(0, w))
                + "\" height=\""
                + fmt(h)
                + "\""
                + (r > 0 ? " rx=\"" + fmt(Math.min(r, w / 2)) + "\"" : "")
                + " fill=\""
                + fill
                + "\" />";
    }

    private static String outline(double x, double y, double w, double h, String colour) {
        return "<rect x=\""
                + fmt(x + 0.5)
                + "\" y=\""
                + fmt(y + 0.5)
                + "\" width=\""
                + fmt(Math.max(0, w - 1))
                + "\" height=\""
                + fmt(h - 1)
                + "\" fill=\"none\" stroke=\""
                + colour
                + "\" stroke-width=\"1\" />";
    }

    private static double scale(BigDecimal value, BigDecimal max, int width) {
        if (value == null || max == null || max.signum() <= 0 || value.signum() <= 0) {
            return 0;
        }
        return Math.min(
                width,
                value.multiply(BigDecimal.valueOf(width))
                        .divide(max, 2, RoundingMode.HALF_EVEN)
                        .doubleValue());
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
