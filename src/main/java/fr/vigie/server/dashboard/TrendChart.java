package fr.vigie.server.dashboard;

import fr.vigie.server.runs.Run;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import fr.vigie.report.ReportText;
import fr.vigie.server.web.Fmt;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The conformity rate quarter after quarter, as an SVG line drawn by the template: one point per
 * quarter (a link to it), the gate's target as a dashed line. Shapes only: the figures are text
 * beside the points, as in the report's charts.
 *
 * @param line the polyline's points, "x,y x,y ..."
 * @param gateY where the target's line is drawn; negative when the gate sets no target
 */
public record TrendChart(int width, int height, List<Point> points, String line, double gateY, String gateLabel) {

  /** One quarter on the chart. */
  public record Point(String period, double x, double y, String rate, String href, boolean passed) {}

  static final int LEFT = 16;
  static final int RIGHT = 16;
  static final int TOP = 24;
  static final int BOTTOM = 28;

  /** The chart of {@code history} (oldest first), {@code width} × {@code height} pixels; {@code href} gives each point's link. */
  public static TrendChart of(List<Run> history, int width, int height, Function<Run, String> href, Locale locale) {
    ReportText text = Fmt.text(locale);
    List<Point> points = new ArrayList<>();
    int plotWidth = width - LEFT - RIGHT;
    int plotHeight = height - TOP - BOTTOM;
    for (int i = 0; i < history.size(); i++) {
      Run run = history.get(i);
      double x = history.size() == 1 ? LEFT + plotWidth / 2.0 : LEFT + plotWidth * i / (double) (history.size() - 1);
      double y = y(run.figures().conformity(), plotHeight);
      points.add(new Point(run.period(), round(x), round(y), text.percent(run.figures().conformity()), href.apply(run),
          run.figures().gatePassed()));
    }
    String line = points.stream().map(p -> p.x() + "," + p.y()).collect(Collectors.joining(" "));
    BigDecimal target = history.isEmpty() ? null : history.get(history.size() - 1).figures().gateConformity();
    double gateY = target == null ? -1 : round(y(target, plotHeight));
    return new TrendChart(width, height, points, line, gateY, target == null ? "" : text.percent(target));
  }

  private static double y(BigDecimal rate, int plotHeight) {
    return TOP + plotHeight * (100 - rate.doubleValue()) / 100.0;
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
