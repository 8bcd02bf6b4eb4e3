package fr.vigie.server.dashboard;

import fr.vigie.report.ReportText;
import fr.vigie.server.runs.Run;
import fr.vigie.server.web.Fmt;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The conformity rate quarter after quarter, as an SVG line the template draws: one point per
 * quarter (a link to it), the gate's target as a dashed line. The scale runs from {@code low} to
 * {@code high} percent, tens around the rates, written at the left so that nobody over-reads a
 * small change. Shapes only: the figures are text beside the points, as in the report's charts.
 *
 * @param line the polyline's points, "x,y x,y ..."
 * @param gateY where the target's line is drawn; negative when the gate sets no target
 */
public record TrendChart(
        int width,
        int height,
        double left,
        double right,
        double top,
        double bottom,
        List<Point> points,
        String line,
        double gateY,
        String gateLabel,
        String low,
        String high) {

    /** One quarter on the chart. */
    public record Point(
            String period, double x, double y, String rate, String href, boolean passed) {}

    /**
     * The chart of {@code history} (oldest first) with its labels, {@code width} × {@code height}
     * pixels.
     */
    public static TrendChart of(
            List<Run> history, int width, int height, Function<Run, String> href, Locale locale) {
        return of(history, width, height, href, locale, 52, 124, 28, 30);
    }

    /** A sparkline: the same line, small, without labels. */
    public static TrendChart spark(
            List<Run> history, int width, int height, Function<Run, String> href, Locale locale) {
        return of(history, width, height, href, locale, 5, 5, 5, 5);
    }

    private static TrendChart of(
            List<Run> history,
            int width,
            int height,
            Function<Run, String> href,
            Locale locale,
            double left,
            double right,
            double top,
            double bottom) {
        ReportText text = Fmt.text(locale);
        BigDecimal target =
                history.isEmpty()
                        ? null
                        : history.get(history.size() - 1).figures().gateConformity();
        double min =
                history.stream()
                        .mapToDouble(r -> r.figures().conformity().doubleValue())
                        .min()
                        .orElse(0);
        double max =
                history.stream()
                        .mapToDouble(r -> r.figures().conformity().doubleValue())
                        .max()
                        .orElse(100);
        if (target != null) {
            min = Math.min(min, target.doubleValue());
            max = Math.max(max, target.doubleValue());
        }
        double low = Math.max(0, Math.floor((min - 5) / 10) * 10);
        double high = Math.min(100, Math.ceil((max + 5) / 10) * 10);
        double plotWidth = width - left - right;
        double plotHeight = height - top - bottom;
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            Run run = history.get(i);
            double x =
                    history.size() == 1
                            ? left + plotWidth / 2
                            : left + plotWidth * i / (history.size() - 1);
            double y =
                    top
                            + plotHeight
                                    * (high - run.figures().conformity().doubleValue())
                                    / (high - low);
            points.add(
                    new Point(
                            run.period(),
                            round(x),
                            round(y),
                            text.percent(run.figures().conformity()),
                            href.apply(run),
                            run.figures().gatePassed()));
        }
        String line =
                points.stream().map(p -> p.x() + "," + p.y()).collect(Collectors.joining(" "));
        double gateY =
                target == null
                        ? -1
                        : round(top + plotHeight * (high - target.doubleValue()) / (high - low));
        return new TrendChart(
                width,
                height,
                left,
                width - right,
                top,
                height - bottom,
                points,
                line,
                gateY,
                target == null ? "" : text.percent(target),
                text.percent(BigDecimal.valueOf(low)),
                text.percent(BigDecimal.valueOf(high)));
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
