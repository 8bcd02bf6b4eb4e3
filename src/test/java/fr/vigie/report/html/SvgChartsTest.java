package fr.vigie.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.report.outline.Chart;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

/**
 * The charts are the one markup the page inserts unescaped (th:utext): each must be well-formed SVG
 * holding shapes only, no text at all, whatever the figures.
 */
class SvgChartsTest {

    @Test
    void should_draw_every_chart_as_well_formed_svg_without_any_text() throws Exception {
        // GIVEN one chart of each kind
        List<Chart> charts =
                List.of(
                        new Chart.Rate(new BigDecimal("61.0"), new BigDecimal("58.9")),
                        new Chart.Bullet(BigDecimal.TEN, BigDecimal.ONE, BigDecimal.TEN),
                        new Chart.Bar(null, BigDecimal.ONE, true, 80),
                        new Chart.Funnel(10, 3, 20),
                        new Chart.Timeline(
                                List.of(
                                        new Chart.Stay(3, false, true),
                                        new Chart.Stay(0, true, false))),
                        new Chart.Swatch(true, Chart.Colour.FLAG));
        SvgCharts svg = new SvgCharts();
        for (Chart chart : charts) {
            // WHEN it is drawn
            String markup = svg.svg(chart);

            // THEN it parses as XML, is one svg element, and has no text in it
            var document =
                    DocumentBuilderFactory.newInstance()
                            .newDocumentBuilder()
                            .parse(
                                    new ByteArrayInputStream(
                                            markup.getBytes(StandardCharsets.UTF_8)));
            assertThat(document.getDocumentElement().getTagName()).isEqualTo("svg");
            assertThat(document.getDocumentElement().getTextContent()).as(markup).isBlank();
        }
    }
}
