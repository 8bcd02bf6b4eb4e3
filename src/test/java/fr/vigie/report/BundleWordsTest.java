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
import java.io.IOException;
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
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Fails on a word of report.html or report.pdf that does not come from a key of the report bundle,
 * in French and in English. The sample is rendered (for the screen and for the PDF) with its teams
 * renamed and with a bundle that holds only the language's own file (no fallback to another
 * language) and wraps every sentence in ⟦…⟧; then every text the reader sees (text nodes,
 * bookmarks, title and aria-label attributes, CSS generated content) must be, once the wrapped
 * sentences are taken out, made only of values from the data (every string value the run's scope,
 * deals, findings, rejections and result hold; not the names of their fields nor the keys of their
 * maps, such as "stage", "owner", "by" or "from"), dates and numbers in the locale's format, and
 * punctuation. A forgotten "Total", a word such as "stage" or "by", or a team name of the sample
 * written in a template (the rendered sample's teams are not the sample's) fails here, naming the
 * text it was found in. Both bundles have the same keys, with the same placeholders.
 */
class BundleWordsTest {

    static final Pattern WRAPPED = Pattern.compile("⟦[^⟦⟧]*⟧");
    static final Pattern LETTER = Pattern.compile("\\p{L}");
    static final char SEPARATOR = '\u0001';

    /** The sample's teams, and what they are renamed to in the sample rendered here. */
    static final Map<String, String> TEAMS =
            Map.of("Nord", "Borée", "Ouest", "Zéphyr", "Sud-Est", "Notos");

    static final Map<String, Path> rendered = new java.util.HashMap<>();
    static final Map<Locale, Set<String>> keysUsed = new java.util.HashMap<>();
    static final Set<String> data = new HashSet<>();

    /**
     * The names rules give the values of their findings, and those every finding's message may use.
     */
    static final Set<String> RULE_VALUE_NAMES = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static final Set<String> MAP_KEYS = java.util.concurrent.ConcurrentHashMap.newKeySet();
    static final List<String> dataByLength = new ArrayList<>();

    /** The languages the report is written in, and their own bundle file. */
    enum Language {
        FR(Locale.FRENCH, "report_fr.properties"),
        EN(Locale.ENGLISH, "report.properties");

        final Locale locale;
        final String file;

        Language(Locale locale, String file) {
            this.locale = locale;
            this.file = file;
        }
    }

    static Stream<Arguments> renderings() {
        return Stream.of(Language.values())
                .flatMap(l -> Stream.of(Medium.values()).map(m -> Arguments.of(l, m)));
    }

    @BeforeAll
    static void render_the_sample_with_its_teams_renamed_and_every_sentence_of_the_bundle_wrapped()
            throws IOException {
        Path dir = ReportRuns.temp().resolve("bundle-words");
        Path workspace = renamedSample(dir.resolve("workspace"));
        for (Language language : Language.values()) {
            List<AuditListener> listeners = new ArrayList<>();
            Set<String> keys = new java.util.TreeSet<>();
            keysUsed.put(language.locale, keys);
            for (Medium medium : Medium.values()) {
                Path page = dir.resolve(language + "-" + medium + ".html");
                rendered.put(language + "-" + medium, page);
                listeners.add(
                        new HtmlReportWriter(
                                page,
                                medium,
                                locale -> new ReportText(locale, wrapped(language, keys))));
            }
            listeners.add(new DataCollector());
            ReportRuns.audit(workspace, "2026-Q3", language.locale, listeners);
            ReportText dates = new ReportText(language.locale);
            for (LocalDate day = LocalDate.of(2024, 1, 1);
                    day.isBefore(LocalDate.of(2028, 1, 1));
                    day = day.plusDays(1)) {
                data.add(dates.date(day));
            }
        }
        MAP_KEYS.removeAll(RULE_VALUE_NAMES);
        data.addAll(MAP_KEYS);
        data.removeIf(s -> !LETTER.matcher(s).find());
        dataByLength.addAll(data);
        dataByLength.sort(Comparator.comparingInt(String::length).reversed());
    }

    /** A copy of the sample whose teams (in vigie.yaml and in the deals) have other names. */
    static Path renamedSample(Path copy) throws IOException {
        try (Stream<Path> files = Files.walk(ReportRuns.SAMPLE)) {
            Path reports = ReportRuns.SAMPLE.resolve("out");
            for (Path file : files.filter(f -> !f.startsWith(reports)).toList()) {
                // The reports of a run of the README's command (out/) are not the sample's input.
                Path target = copy.resolve(ReportRuns.SAMPLE.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                    continue;
                }
                String text = Files.readString(file, StandardCharsets.UTF_8);
                for (Map.Entry<String, String> team : TEAMS.entrySet()) {
                    text =
                            text.replace(
                                            "team: " + team.getKey() + " }",
                                            "team: " + team.getValue() + " }")
                                    .replace(
                                            "\"team\":\"" + team.getKey() + "\"",
                                            "\"team\":\"" + team.getValue() + "\"");
                }
                Files.writeString(target, text, StandardCharsets.UTF_8);
            }
        }
        return copy;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("renderings")
    void should_take_every_word_shown_from_the_report_bundle(Language language, Medium medium)
            throws Exception {
        // GIVEN the sample rendered in this language for this medium with every sentence of the
        // bundle wrapped in ⟦…⟧
        Path page = rendered.get(language + "-" + medium);

        // WHEN the texts a reader sees are listed, in the CEO's part and in the appendix, the
        // wrapped sentences taken out
        StringBuilder all = new StringBuilder();
        collectText(parse(page).getDocumentElement(), all);
        collectText(parse(ReportPart.appendixOf(page)).getDocumentElement(), all);

        // THEN what remains is data, dates, numbers and punctuation
        assertThat(all).as("wrapped sentences").contains("⟦");
        assertThat(all).as("the renamed teams").contains(TEAMS.get("Nord"));
        assertThat(hardCoded(all.toString()))
                .as("texts of the %s %s rendering not from the report bundle", language, medium)
                .isEmpty();
    }

    @org.junit.jupiter.api.Test
    void should_catch_a_word_or_a_team_name_written_outside_the_bundle() {
        // GIVEN texts a template could write around a wrapped sentence: field names, a word, a team
        // of the sample
        String page =
                String.join(
                        String.valueOf(SEPARATOR),
                        "⟦Étape⟧ stage",
                        "owner",
                        "⟦de⟧ by",
                        "from ⟦Qualification⟧",
                        "Nord",
                        "Total",
                        TEAMS.get("Nord"),
                        "⟦Équipe⟧ " + TEAMS.get("Sud-Est"));

        // WHEN they are checked against the data of the rendered sample
        List<String> hardCoded = hardCoded(page);

        // THEN each word is caught, the renamed teams (data) are not
        assertThat(hardCoded)
                .containsExactly(
                        "'stage' in 'stage'",
                        "'owner' in 'owner'",
                        "'by' in 'by'",
                        "'from' in 'from'",
                        "'Nord' in 'Nord'",
                        "'Total' in 'Total'");
    }

    @org.junit.jupiter.api.Test
    void should_use_the_same_keys_in_both_languages() {
        // GIVEN the keys the sample's report read in French and in English
        // WHEN they are compared
        // THEN they are the same
        assertThat(keysUsed.get(Locale.FRENCH))
                .isNotEmpty()
                .isEqualTo(keysUsed.get(Locale.ENGLISH));
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {"fr/vigie/report/report", "fr/vigie/server/messages"})
    void should_keep_the_same_keys_and_placeholders_in_the_french_and_english_bundles(String bundle)
            throws IOException {
        // GIVEN the English (default) and French files of the bundle
        Properties english = properties(bundle + ".properties");
        Properties french = properties(bundle + "_fr.properties");

        // WHEN their keys and each key's placeholders are compared
        Map<String, Set<String>> englishPlaceholders = placeholders(english);
        Map<String, Set<String>> frenchPlaceholders = placeholders(french);

        // THEN they are the same
        assertThat(frenchPlaceholders.keySet())
                .as("keys of %s_fr against %s", bundle, bundle)
                .containsExactlyInAnyOrderElementsOf(englishPlaceholders.keySet());
        assertThat(frenchPlaceholders)
                .as("placeholders of %s_fr against %s", bundle, bundle)
                .isEqualTo(englishPlaceholders);
    }

    private static Properties properties(String resource) throws IOException {
        Properties properties = new Properties();
        try (var in = BundleWordsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static Map<String, Set<String>> placeholders(Properties properties) {
        Map<String, Set<String>> placeholders = new java.util.TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            Set<String> found = new java.util.TreeSet<>();
            Matcher m = Pattern.compile("\\{(\\w+)[^}]*}").matcher(properties.getProperty(key));
            while (m.find()) {
                found.add(m.group(1));
            }
            placeholders.put(key, found);
        }
        return placeholders;
    }

    /**
     * The texts of {@code page} (fragments ending at SEPARATOR) that hold words neither from the
     * bundle nor from the data.
     */
    static List<String> hardCoded(String page) {
        String separator = String.valueOf(SEPARATOR);
        String outside = page;
        for (String before = ""; !before.equals(outside); ) {
            before = outside;
            outside = WRAPPED.matcher(outside).replaceAll(separator);
        }
        List<String> hardCoded = new ArrayList<>();
        for (String fragment : outside.split(separator)) {
            String rest = withoutData(fragment);
            if (LETTER.matcher(rest).find()) {
                hardCoded.add("'" + rest.strip() + "' in '" + fragment.strip() + "'");
            }
        }
        return hardCoded;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("renderings")
    void should_take_every_word_the_style_sheet_adds_from_the_report_bundle(
            Language language, Medium medium) throws Exception {
        // GIVEN the style sheet of the rendering, where CSS content can add words (page numbers)
        String html =
                Files.readString(rendered.get(language + "-" + medium), StandardCharsets.UTF_8);
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
        assertThat(words)
                .filteredOn(w -> LETTER.matcher(w).find())
                .allSatisfy(w -> assertThat(w).contains("⟦").as(w));
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
                boolean after =
                        at + value.length() == rest.length()
                                || !Character.isLetterOrDigit(rest.charAt(at + value.length()));
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

    /**
     * Text nodes and the attributes a reader meets, in document order, each ending a fragment; not
     * the style sheet.
     */
    private static void collectText(Node node, StringBuilder out) {
        if (node.getNodeType() == Node.TEXT_NODE) {
            out.append(node.getNodeValue()).append(SEPARATOR);
            return;
        }
        if (node instanceof Element element) {
            String name =
                    element.getLocalName() == null ? element.getTagName() : element.getLocalName();
            if (name.equals("style") || name.equals("meta")) {
                return;
            }
            NamedNodeMap attributes = element.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Node attribute = attributes.item(i);
                String attributeName = attribute.getNodeName();
                if (List.of("title", "alt", "aria-label", "placeholder").contains(attributeName)
                        || (name.equals("bookmark") && attributeName.equals("name"))) {
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

    /**
     * The language's own report bundle file (no fallback), every sentence wrapped in ⟦…⟧, the keys
     * read recorded in {@code keys}.
     */
    static ResourceBundle wrapped(Language language, Set<String> keys) {
        Properties real;
        try {
            real = properties("fr/vigie/report/" + language.file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new ResourceBundle() {
            @Override
            protected Object handleGetObject(String key) {
                String value = real.getProperty(key);
                if (value == null) {
                    throw new java.util.MissingResourceException(
                            "no key " + key + " in " + language.file, language.file, key);
                }
                synchronized (keys) {
                    keys.add(key);
                }
                return "⟦" + value + "⟧";
            }

            @Override
            public Enumeration<String> getKeys() {
                return java.util.Collections.enumeration(real.stringPropertyNames());
            }
        };
    }

    /**
     * Every string the writers are given: the values from the data the report may show, and the
     * keys of their maps (a rule's parameter, a field of the CRM) except the names rules give the
     * values of their findings (evidence: "stage", "owner", "by", "from"...), which are code, not
     * data.
     */
    static final class DataCollector implements AuditListener {
        private final Map<Object, Boolean> seen = new IdentityHashMap<>();

        @Override
        public void start(AuditScope scope) {
            collect(scope, 0);
        }

        @Override
        public void audited(AuditedDeal deal, List<Finding> findings) {
            findings.forEach(f -> RULE_VALUE_NAMES.addAll(f.evidence().keySet()));
            RULE_VALUE_NAMES.addAll(List.of("deal", "dealName", "account", "owner"));
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
            // Why a record was refused comes from the readers' own catalogue (messages*.properties)
            data.add(rejection.why().in(Locale.FRENCH));
            data.add(rejection.why().in(Locale.ENGLISH));
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
            if (value instanceof Finding finding) {
                data.add(ForTheReader.sentence(finding));
            }
            if (value instanceof Path || value instanceof fr.vigie.common.Location) {
                data.add(value.toString());
            }
            Class<?> type = value.getClass();
            if (type.isPrimitive()
                    || type.isEnum()
                    || value instanceof Number
                    || value instanceof Boolean
                    || value instanceof Character
                    || type.getName().startsWith("java.time")
                    || value instanceof Locale
                    || value instanceof Class
                    || type.isSynthetic()
                    || type.isArray() && type.getComponentType().isPrimitive()
                    || seen.put(value, Boolean.TRUE) != null) {
                return;
            }
            if (value instanceof Optional<?> optional) {
                optional.ifPresent(v -> collect(v, depth + 1));
            } else if (value instanceof Collection<?> collection) {
                collection.forEach(v -> collect(v, depth + 1));
            } else if (value instanceof Map<?, ?> map) {
                map.forEach(
                        (k, v) -> {
                            if (k instanceof String key) {
                                MAP_KEYS.add(key);
                            } else {
                                collect(k, depth + 1);
                            }
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
                for (Class<?> c = type;
                        c != null && c.getName().startsWith("fr.vigie.");
                        c = c.getSuperclass()) {
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
