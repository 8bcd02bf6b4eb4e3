package fr.vigie.cli;

import fr.vigie.common.Location;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a check found, for machines: every located item (a workspace problem, a contradiction)
 * rendered as JSON, JUnit XML, SARIF 2.1.0, TAP 14, GitHub Actions or GitLab Code Quality, so that
 * a consultant's repository sees them on the lines of its YAML and DRL files in CI.
 */
final class Annotations {

    /** The formats of {@code --output}, human being the console's own. */
    static final List<String> FORMATS =
            List.of("human", "json", "junit", "sarif", "tap", "github", "gitlab");

    /**
     * One thing found: where, how serious ({@code error}, {@code warning}, or {@code passed} for a
     * check that held, such as a rule test's case), by which rule (null: a reading problem), and
     * what.
     */
    record Item(String file, int line, int column, String level, String rule, String message) {

        static Item at(Location location, String level, String rule, String message) {
            return new Item(
                    location.file(), location.line(), location.column(), level, rule, message);
        }

        /**
         * {@code file:line:col}, {@code file:line} or {@code file}, as findings write their source.
         */
        static Item at(String source, String level, String rule, String message) {
            Matcher m = SOURCE.matcher(source == null ? "" : source);
            if (m.matches()) {
                return new Item(
                        m.group(1),
                        Integer.parseInt(m.group(2)),
                        m.group(3) == null ? 0 : Integer.parseInt(m.group(3)),
                        level,
                        rule,
                        message);
            }
            return new Item(source, 0, 0, level, rule, message);
        }

        /**
         * A finding at its source (a tactics file's line, an export's record): an error at or above
         * {@code threshold} (none: never), a warning below; the message starts with its severity
         * and, for a deal, the deal's id, then its sentence without the location it starts with.
         */
        static Item of(fr.vigie.audit.model.Finding f, fr.vigie.common.Severity threshold) {
            return at(
                    f.source(),
                    threshold != null && f.severity().compareTo(threshold) >= 0
                            ? "error"
                            : "warning",
                    f.rule(),
                    f.severity().code()
                            + ": "
                            + (f.deal() == null ? "" : f.deal() + ": ")
                            + ValidateCommand.withoutLocation(f));
        }

        boolean error() {
            return "error".equals(level);
        }

        boolean passed() {
            return PASSED.equals(level);
        }
    }

    /**
     * The level of a check that held: JUnit and TAP count it, SARIF says "pass", CI logs omit it.
     */
    static final String PASSED = "passed";

    private static final Pattern SOURCE = Pattern.compile("(.+?):(\\d+)(?::(\\d+))?");
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private Annotations() {}

    /** The format named, or a {@code --output} error naming the known ones. */
    static String format(picocli.CommandLine command, String value) {
        String format = value.toLowerCase(Locale.ROOT);
        if (!FORMATS.contains(format)) {
            throw new picocli.CommandLine.ParameterException(
                    command,
                    "--output must be one of "
                            + String.join(", ", FORMATS)
                            + "; not '"
                            + value
                            + "'"
                            + fr.vigie.common.DidYouMean.hint(value, FORMATS));
        }
        return format;
    }

    /**
     * Writes {@code items} found by {@code command} (validate, test) on {@code subject} in {@code
     * format}, summed up by {@code summary}.
     */
    static void render(
            String format,
            String command,
            String subject,
            String summary,
            List<Item> items,
            PrintWriter out) {
        switch (format) {
            case "json" -> json(command, subject, summary, items, out);
            case "junit" -> junit(command, subject, items, out);
            case "sarif" -> sarif(command, items, out);
            case "tap" -> tap(items, out);
            case "github" ->
                    items.stream()
                            .filter(item -> !item.passed())
                            .forEach(item -> out.println(github(item)));
            case "gitlab" -> gitlab(items, out);
            default -> throw new IllegalArgumentException(format);
        }
        out.flush();
    }

    /**
     * The rule catalogue for machines: a JSON array of the rules, or a SARIF log with no result
     * whose {@code tool.driver.rules} describe them.
     */
    static void catalogue(
            String format, List<fr.vigie.job.ListingTheRules.Entry> rules, PrintWriter out) {
        if (format.equals("json")) {
            out.println(JSON.writeValueAsString(rules));
        } else {
            List<Map<String, Object>> descriptors = new ArrayList<>();
            for (var rule : rules) {
                Map<String, Object> descriptor = new LinkedHashMap<>();
                descriptor.put("id", rule.id());
                descriptor.put("shortDescription", Map.of("text", rule.title()));
                if (rule.doc() != null) {
                    descriptor.put("fullDescription", Map.of("text", rule.doc()));
                }
                descriptor.put(
                        "defaultConfiguration", Map.of("level", sarifLevel(rule.severity())));
                Map<String, Object> properties = new LinkedHashMap<>();
                properties.put("severity", rule.severity());
                properties.put("lever", rule.lever());
                properties.put("settings", rule.settings());
                descriptor.put("properties", properties);
                descriptors.add(descriptor);
            }
            out.println(JSON.writeValueAsString(sarifLog("rules", descriptors, List.of())));
        }
        out.flush();
    }

    /** A finding's severity as SARIF's level: critical and major are errors, minor a warning. */
    private static String sarifLevel(String severity) {
        return switch (severity.toLowerCase(Locale.ROOT)) {
            case "critical", "major" -> "error";
            case "minor" -> "warning";
            default -> "note";
        };
    }

    private static void json(
            String command, String subject, String summary, List<Item> items, PrintWriter out) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("command", command);
        root.put("subject", subject);
        root.put("summary", summary);
        root.put("errors", items.stream().filter(Item::error).count());
        root.put("warnings", items.stream().filter(i -> !i.error() && !i.passed()).count());
        if (items.stream().anyMatch(Item::passed)) {
            root.put("passed", items.stream().filter(Item::passed).count());
        }
        root.put("items", items);
        out.println(JSON.writeValueAsString(root));
    }

    private static void junit(String command, String subject, List<Item> items, PrintWriter out) {
        long failures = items.stream().filter(Item::error).count();
        out.println("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        out.printf(
                "<testsuites name=\"vigie %s\" tests=\"%d\" failures=\"%d\" errors=\"0\">%n",
                xml(command), Math.max(1, items.size()), failures);
        out.printf(
                "  <testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"0\""
                        + " skipped=\"0\">%n",
                xml(subject), Math.max(1, items.size()), failures);
        if (items.isEmpty()) {
            out.printf(
                    "    <testcase name=\"%s\" classname=\"vigie.%s\"/>%n",
                    xml(subject), xml(command));
        }
        for (Item item : items) {
            String where = where(item);
            out.printf(
                    "    <testcase name=\"%s\" classname=\"%s\" file=\"%s\" line=\"%d\">%n",
                    xml(where + (item.rule() == null ? "" : " " + item.rule())),
                    xml(item.file()),
                    xml(item.file()),
                    item.line());
            if (item.error()) {
                out.printf(
                        "      <failure message=\"%s\" type=\"%s\">%s</failure>%n",
                        xml(item.message()),
                        xml(item.rule() == null ? "problem" : item.rule()),
                        xml(where + ": " + item.message()));
            } else if (!item.passed()) {
                out.printf(
                        "      <system-out>%s</system-out>%n",
                        xml("warning: " + where + ": " + item.message()));
            }
            out.println("    </testcase>");
        }
        out.println("  </testsuite>");
        out.println("</testsuites>");
    }

    private static void sarif(String command, List<Item> items, PrintWriter out) {
        List<Map<String, Object>> results = new ArrayList<>();
        for (Item item : items) {
            Map<String, Object> region = new LinkedHashMap<>();
            if (item.line() > 0) {
                region.put("startLine", item.line());
                if (item.column() > 0) {
                    region.put("startColumn", item.column());
                }
            }
            Map<String, Object> physical = new LinkedHashMap<>();
            physical.put("artifactLocation", Map.of("uri", item.file().replace('\\', '/')));
            if (!region.isEmpty()) {
                physical.put("region", region);
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("ruleId", item.rule() == null ? "VIGIE-INPUT" : item.rule());
            if (item.passed()) {
                result.put("kind", "pass");
                result.put("level", "none");
            } else {
                result.put("level", item.error() ? "error" : "warning");
            }
            result.put("message", Map.of("text", item.message()));
            result.put("locations", List.of(Map.of("physicalLocation", physical)));
            results.add(result);
        }
        out.println(JSON.writeValueAsString(sarifLog(command, List.of(), results)));
    }

    private static Map<String, Object> sarifLog(
            String command, List<Map<String, Object>> rules, List<Map<String, Object>> results) {
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "vigie");
        if (!rules.isEmpty()) {
            driver.put("rules", rules);
        }
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", driver));
        run.put("automationDetails", Map.of("id", "vigie/" + command + "/"));
        run.put("results", results);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        root.put("runs", List.of(run));
        return root;
    }

    private static void tap(List<Item> items, PrintWriter out) {
        out.println("TAP version 14");
        out.println("1.." + items.size());
        int n = 0;
        for (Item item : items) {
            n++;
            String description =
                    (where(item) + (item.rule() == null ? "" : " " + item.rule()))
                            .replace("#", "\\#");
            out.println(
                    (item.error() ? "not ok " : "ok ")
                            + n
                            + " - "
                            + description
                            + (item.error() || item.passed() ? "" : " # warning"));
            if (item.passed()) {
                continue;
            }
            out.println("  ---");
            out.println("  message: " + yamlString(item.message()));
            out.println("  severity: " + (item.error() ? "fail" : "comment"));
            out.println("  ...");
        }
    }

    /**
     * {@code ::error file=F,line=L,col=C,title=RULE::message}, GitHub Actions' workflow command.
     */
    static String github(Item item) {
        StringBuilder line =
                new StringBuilder("::")
                        .append(item.error() ? "error" : "warning")
                        .append(" file=")
                        .append(property(item.file()));
        if (item.line() > 0) {
            line.append(",line=").append(item.line());
            if (item.column() > 0) {
                line.append(",col=").append(item.column());
            }
        }
        if (item.rule() != null) {
            line.append(",title=").append(property(item.rule()));
        }
        return line.append("::").append(data(item.message())).toString();
    }

    private static void gitlab(List<Item> items, PrintWriter out) {
        List<Map<String, Object>> issues = new ArrayList<>();
        for (Item item : items) {
            if (item.passed()) {
                continue;
            }
            Map<String, Object> issue = new LinkedHashMap<>();
            issue.put("description", item.message());
            issue.put("check_name", item.rule() == null ? "VIGIE-INPUT" : item.rule());
            issue.put("fingerprint", fingerprint(item));
            issue.put("severity", item.error() ? "major" : "minor");
            issue.put(
                    "location",
                    Map.of(
                            "path",
                            item.file(),
                            "lines",
                            Map.of("begin", Math.max(1, item.line()))));
            issues.add(issue);
        }
        out.println(JSON.writeValueAsString(issues));
    }

    private static String fingerprint(Item item) {
        try {
            byte[] digest =
                    java.security.MessageDigest.getInstance("SHA-256")
                            .digest(
                                    (item.file()
                                                    + ":"
                                                    + item.line()
                                                    + ":"
                                                    + item.column()
                                                    + ":"
                                                    + item.rule()
                                                    + ":"
                                                    + item.message())
                                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String where(Item item) {
        return item.line() <= 0
                ? item.file()
                : item.column() <= 0
                        ? item.file() + ":" + item.line()
                        : item.file() + ":" + item.line() + ":" + item.column();
    }

    private static String xml(String text) {
        StringBuilder escaped = new StringBuilder();
        text.codePoints()
                .forEach(
                        c -> {
                            switch (c) {
                                case '<' -> escaped.append("&lt;");
                                case '>' -> escaped.append("&gt;");
                                case '&' -> escaped.append("&amp;");
                                case '"' -> escaped.append("&quot;");
                                case '\'' -> escaped.append("&apos;");
                                default -> {
                                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r'
                                            || c == 0xFFFE
                                            || c == 0xFFFF) {
                                        escaped.append('\uFFFD');
                                    } else {
                                        escaped.appendCodePoint(c);
                                    }
                                }
                            }
                        });
        return escaped.toString();
    }

    private static String yamlString(String text) {
        return JSON.writeValueAsString(text);
    }

    private static String data(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String property(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }
}
