package fr.vigie.report;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.audit.model.Finding;
import fr.vigie.audit.result.AuditListener;
import fr.vigie.audit.result.AuditResult;
import fr.vigie.audit.result.AuditScope;
import fr.vigie.audit.result.AuditedDeal;
import fr.vigie.audit.waivers.WaivedFinding;
import fr.vigie.deals.input.Rejection;
import fr.vigie.report.html.HtmlReportWriter;
import fr.vigie.report.html.Medium;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Fails on a word of report.html or report.pdf that does not come from the report bundle. The
 * sample is rendered (for the screen and for the PDF) with a bundle whose every sentence is
 * wrapped in ⟦…⟧; then every text the reader sees (text nodes, bookmarks, title and aria-label
 * attributes, CSS generated content) must be, once the wrapped sentences are taken out, made only
 * of values from the data (every string the run's context, deals, findings, rejections, summary
 * and report model hold), dates and numbers in the locale's format, and punctuation. A forgotten
 * "Total" or "page" fails here, naming the text it was found in.
 */
class BundleWordsTest {

  static final Pattern WRAPPED = Pattern.compile("⟦[^⟦⟧]*⟧");
  static final Pattern LETTER = Pattern.compile("\\p{L}");
  static final char SEPARATOR = '\u0001';
  static final Map<Medium, Path> rendered = new java.util.EnumMap<>(Medium.class);
  static final Set<String> data = new HashSet<>();
  static final List<String> dataByLength = new ArrayList<>();

  @BeforeAll
  static void render_the_sample_with_every_sentence_of_the_bundle_wrapped() {
    Path dir = ReportRuns.temp().resolve("bundle-words");
    rendered.put(Medium.SCREEN, dir.resolve("report.html"));
    rendered.put(Medium.PDF, dir.resolve("report-pdf.html"));
    List<AuditListener> listeners = new ArrayList<>();
    for (Map.Entry<Medium, Path> entry : rendered.entrySet()) {
      listeners.add(new HtmlReportWriter(entry.getValue(), entry.getKey(), locale -> new ReportText(locale, wrapped(locale))));
    }
    listeners.add(new DataCollector());
    try {
      Files.createDirectories(dir);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    ReportRuns.audit(ReportRuns.SAMPLE, "2026-Q3", Locale.FRENCH, listeners);
    ReportText dates = new ReportText(Locale.FRENCH);
    for (LocalDate day = LocalDate.of(2024, 1, 1); day.isBefore(LocalDate.of(2028, 1, 1)); day = day.plusDays(1)) {
      data.add(dates.date(day));
    }
    data.removeIf(s -> !LETTER.matcher(s).find());
    dataByLength.addAll(data);
    dataByLength.sort(Comparator.comparingInt(String::length).reversed());
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Medium.class)
  void should_take_every_word_shown_from_the_report_bundle(Medium medium) throws Exception {
    // GIVEN the sample rendered for this medium with every sentence of the bundle wrapped in ⟦…⟧
    Document document = parse(rendered.get(medium));

    // WHEN the texts a reader sees are listed, the wrapped sentences taken out
    StringBuilder all = new StringBuilder();
    collectText(document.getDocumentElement(), all);
    String outside = all.toString();
    for (String before = ""; !before.equals(outside); ) {
      before = outside;
      outside = WRAPPED.matcher(outside).replaceAll(String.valueOf(SEPARATOR));
    }

    // THEN what remains is data, dates, numbers and punctuation
    List<String> hardCoded = new ArrayList<>();
    for (String fragment : outside.split(String.valueOf(SEPARATOR))) {
      String rest = withoutData(fragment);
      if (LETTER.matcher(rest).find()) {
        hardCoded.add("'" + rest.strip() + "' in '" + fragment.strip() + "'");
      }
    }
    assertThat(all).as("wrapped sentences").contains("⟦");
    assertThat(hardCoded).as("texts of the %s rendering not from the report bundle", medium).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Medium.class)
  void should_take_every_word_the_style_sheet_adds_from_the_report_bundle(Medium medium) throws Exception {
    // GIVEN the style sheet of the rendering, where CSS content can add words (page numbers)
    String html = Files.readString(rendered.get(medium), StandardCharsets.UTF_8);
    String css = html.substring(html.indexOf("<style>"), html.indexOf("</style>"));

    // WHEN its content strings are listed
    List<String> words = new ArrayList<>();
    Matcher content = Pattern.compile("content:([^;}]*)").matcher(css);
    while (content.find()) {
      Matcher literal = Pattern.compile("\"([^\"]*)\"").matcher(content.group(1));
      while (literal.find()) {
        words.add(literal.group(1));
      }
    }

    // THEN those with a letter come from the bundle
    assertThat(words).filteredOn(w -> LETTER.matcher(w).find()).allSatisfy(w -> assertThat(w).contains("⟦").as(w));
  }

  /** The fragment with every value from the data taken out, where it stands as whole words. */
  private static String withoutData(String fragment) {
    String rest = fragment.strip();
    if (rest.isEmpty() || data.contains(rest) || !LETTER.matcher(rest).find()) {
      return "";
    }
    for (String value : dataByLength) {
      int at = rest.indexOf(value);
      while (at >= 0) {
        boolean before = at == 0 || !Character.isLetterOrDigit(rest.charAt(at - 1));
        boolean after = at + value.length() == rest.length() || !Character.isLetterOrDigit(rest.charAt(at + value.length()));
        if (before && after) {
          rest = rest.substring(0, at) + SEPARATOR + rest.substring(at + value.length());
          at = rest.indexOf(value, at + 1);
        } else {
          at = rest.indexOf(value, at + 1);
        }
      }
      if (!LETTER.matcher(rest).find()) {
        return "";
      }
    }
    return rest;
  }

  /** Text nodes and the attributes a reader meets, in document order, each ending a fragment; not the style sheet. */
  private static void collectText(Node node, StringBuilder out) {
    if (node.getNodeType() == Node.TEXT_NODE) {
      out.append(node.getNodeValue()).append(SEPARATOR);
      return;
    }
    if (node instanceof Element element) {
      String name = element.getLocalName() == null ? element.getTagName() : element.getLocalName();
      if (name.equals("style") || name.equals("meta")) {
        return;
      }
      NamedNodeMap attributes = element.getAttributes();
      for (int i = 0; i < attributes.getLength(); i++) {
        Node attribute = attributes.item(i);
        String attributeName = attribute.getNodeName();
        if (List.of("title", "alt", "aria-label", "placeholder").contains(attributeName) || (name.equals("bookmark") && attributeName.equals("name"))) {
          out.append(attribute.getNodeValue()).append(SEPARATOR);
        }
      }
    }
    for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
      collectText(child, out);
    }
  }

  private static Document parse(Path html) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(html.toFile());
  }

  /** The report bundle with every sentence wrapped in ⟦…⟧. */
  static ResourceBundle wrapped(Locale locale) {
    ResourceBundle real = ResourceBundle.getBundle("fr.vigie.report.report", locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    return new ResourceBundle() {
      @Override
      protected Object handleGetObject(String key) {
        return "⟦" + real.getString(key) + "⟧";
      }

      @Override
      public Enumeration<String> getKeys() {
        return real.getKeys();
      }
    };
  }

  /** Every string the writers are given: the values from the data the report may show. */
  static final class DataCollector implements AuditListener {
    private final Map<Object, Boolean> seen = new IdentityHashMap<>();

    @Override
    public void start(AuditScope scope) {
      collect(scope, 0);
    }

    @Override
    public void audited(AuditedDeal deal, List<Finding> findings) {
      collect(deal, 0);
      collect(findings, 0);
    }

    @Override
    public void waived(AuditedDeal deal, List<WaivedFinding> waived) {
      collect(waived, 0);
    }

    @Override
    public void rejected(Rejection rejection) {
      collect(rejection, 0);
    }

    @Override
    public void finish(AuditResult result) {
      collect(result, 0);
    }

    private void collect(Object value, int depth) {
      if (value == null || depth > 14) {
        return;
      }
      if (value instanceof String s) {
        data.add(s);
        return;
      }
      if (value instanceof Path || value instanceof fr.vigie.common.Location) {
        data.add(value.toString());
      }
      Class<?> type = value.getClass();
      if (type.isPrimitive() || type.isEnum() || value instanceof Number || value instanceof Boolean || value instanceof Character
          || type.getName().startsWith("java.time") || value instanceof Locale || value instanceof Class || type.isSynthetic()
          || type.isArray() && type.getComponentType().isPrimitive() || seen.put(value, Boolean.TRUE) != null) {
        return;
      }
      if (value instanceof Optional<?> optional) {
        optional.ifPresent(v -> collect(v, depth + 1));
      } else if (value instanceof Collection<?> collection) {
        collection.forEach(v -> collect(v, depth + 1));
      } else if (value instanceof Map<?, ?> map) {
        map.forEach((k, v) -> {
          collect(k, depth + 1);
          collect(v, depth + 1);
        });
      } else if (value instanceof Object[] array) {
        for (Object v : array) {
          collect(v, depth + 1);
        }
      } else if (type.isRecord()) {
        for (RecordComponent component : type.getRecordComponents()) {
          try {
            collect(component.getAccessor().invoke(value), depth + 1);
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
          }
        }
      } else if (type.getName().startsWith("fr.vigie.")) {
        for (Class<?> c = type; c != null && c.getName().startsWith("fr.vigie."); c = c.getSuperclass()) {
          for (Field field : c.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()) {
              try {
                field.setAccessible(true);
                collect(field.get(value), depth + 1);
              } catch (ReflectiveOperationException | RuntimeException e) {
                // a field the test cannot read holds nothing the report shows
              }
            }
          }
        }
      }
    }
  }
}
