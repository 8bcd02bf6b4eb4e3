package fr.vigie.audit.engine;

import fr.vigie.audit.engine.safety.DrlSafety;
import fr.vigie.audit.messages.MessageCatalog;
import fr.vigie.audit.model.Lever;
import fr.vigie.audit.model.RuleInfo;
import fr.vigie.common.ClientFolder;
import fr.vigie.common.DisplayPath;
import fr.vigie.common.Location;
import fr.vigie.common.Problem;
import fr.vigie.common.Problems;
import fr.vigie.common.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieModuleModel;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;

/**
 * Compiles the DRL files of the rule packs into one rule base, at run time. Compile errors, and
 * rules without the metadata every rule must carry, come back as located problems ({@code
 * rules/x.drl:7:12: ...}), never as a stack trace.
 */
public final class RuleCompiler {

    private static final Pattern PARAM =
            Pattern.compile("\\s*([a-z][a-z0-9-]*)\\s*=\\s*([^,]+?)\\s*");
    private static final String NULL_PACKAGE = "Parser returned a null Package";
    private static final Pattern LINE_PREFIX = Pattern.compile("^\\[ERR \\d+] Line \\d+:\\d+ ");

    private RuleCompiler() {}

    public static RuleBase compile(List<RuleSource> sources) {
        Problems problems = new Problems();
        RuleBase base = compile(sources, problems);
        problems.throwIfErrors();
        return base;
    }

    /**
     * Compiles, adding every problem found to {@code problems}; returns null when there were
     * errors.
     */
    public static RuleBase compile(List<RuleSource> sources, Problems problems) {
        return compile(sources, problems, true);
    }

    /**
     * Compiles without the safety check when {@code checkWorkspaceRules} is false: for the tests
     * that prove what holds even for a rule the check would refuse.
     */
    static RuleBase compile(
            List<RuleSource> sources, Problems problems, boolean checkWorkspaceRules) {
        // The standard pack and a workspace's rules are compiled apart, into two rule bases run in
        // two sessions: a workspace rule never sees, so never changes nor removes, the standard
        // rules' facts.
        Part standard = new Part("standard");
        Part workspace = new Part("workspace");
        MessageCatalog messages = new MessageCatalog();
        RuleLocations locations = new RuleLocations();
        Map<String, String> packOfFile = new HashMap<>();
        for (RuleSource source : sources) {
            try {
                messages.addPack(source.root());
                for (Path file : drlFiles(source.root())) {
                    String display = DisplayPath.of(file);
                    String text = Files.readString(file, StandardCharsets.UTF_8);
                    if (!source.trusted() && checkWorkspaceRules) {
                        int before = problems.all().size();
                        DrlSafety.check(display, text, problems);
                        if (problems.all().size() > before) {
                            continue;
                        }
                    }
                    locations.add(display, text);
                    packOfFile.put(display, source.pack());
                    (source.trusted() ? standard : workspace).add(display, text);
                }
            } catch (IOException e) {
                problems.error(
                        Location.of(DisplayPath.of(source.root())),
                        "cannot read rules: " + e.getMessage());
            }
        }
        List<KieBase> parts = new ArrayList<>();
        for (Part part : List.of(standard, workspace)) {
            KieBase kieBase = part.build(locations, problems);
            if (kieBase != null) {
                parts.add(kieBase);
            }
        }
        if (problems.hasErrors()) {
            return null;
        }
        Map<String, RuleInfo> catalog = new LinkedHashMap<>();
        for (KiePackage kiePackage :
                parts.stream().flatMap(part -> part.getKiePackages().stream()).toList()) {
            Set<String> queries = new HashSet<>();
            kiePackage.getQueries().forEach(query -> queries.add(query.getName()));
            for (Rule rule : kiePackage.getRules()) {
                Location where = locations.of(rule.getPackageName(), rule.getName());
                String keyword = queries.contains(rule.getName()) ? "query" : "rule";
                RuleInfo info = describe(rule, keyword, where, packOfFile, problems);
                if (info == null) {
                    continue;
                }
                RuleInfo same = catalog.putIfAbsent(info.id(), info);
                if (same != null) {
                    problems.error(
                            where,
                            "rule id "
                                    + info.id()
                                    + " is already used by rule '"
                                    + same.name()
                                    + "' at "
                                    + same.location());
                }
            }
        }
        checkMessages(catalog, messages, problems);
        checkCauses(catalog, problems);
        return problems.hasErrors() ? null : new RuleBase(parts, catalog, messages, sources);
    }

    /**
     * One part of the rule base (the standard pack, or the workspace's own rules), compiled through
     * the public KIE API: its DRL files in a KIE module of its own, built, turned into a rule base,
     * and the module taken out of the KIE repository again so that nothing of a compilation stays
     * behind in the JVM.
     */
    private static final class Part {

        private static final java.util.concurrent.atomic.AtomicLong BUILDS =
                new java.util.concurrent.atomic.AtomicLong();
        private static final String FOLDER = "src/main/resources/vigie/";

        private final String name;
        private final KieServices services = KieServices.Factory.get();
        private final KieFileSystem files = services.newKieFileSystem();
        private final Map<String, String> displayOfPath = new LinkedHashMap<>();

        private Part(String name) {
            this.name = name;
        }

        private void add(String display, String text) {
            String path = FOLDER + name + "/rules-" + displayOfPath.size() + ".drl";
            files.write(path, text);
            displayOfPath.put(path, display);
        }

        /** The part's rule base, or null when it has no rules or they do not compile. */
        private KieBase build(RuleLocations locations, Problems problems) {
            if (displayOfPath.isEmpty()) {
                return null;
            }
            ClassLoader loader = RuleCompiler.class.getClassLoader();
            ReleaseId release =
                    services.newReleaseId(
                            "fr.vigie.rules", name, "1.0." + BUILDS.incrementAndGet());
            KieModuleModel module = services.newKieModuleModel();
            // Rules never modify facts: property reactivity has nothing to track.
            module.setConfigurationProperty("drools.propertySpecific", "ALLOWED");
            files.writeKModuleXML(module.toXML());
            files.generateAndWritePomXML(release);
            KieBuilder builder = services.newKieBuilder(files, loader).buildAll();
            int before = problems.all().size();
            report(builder.getResults().getMessages(Message.Level.ERROR), locations, problems);
            try {
                if (problems.all().size() > before) {
                    return null;
                }
                KieContainer container = services.newKieContainer(release, loader);
                return container.newKieBase(baseConfiguration(services, loader));
            } finally {
                services.getRepository().removeKieModule(release);
            }
        }

        /**
         * Adds the compile errors, without the echoes that follow a real error: "Parser returned a
         * null Package" after a syntax error, "cannot be resolved to a variable" after an unknown
         * fact type.
         */
        private void report(List<Message> errors, RuleLocations locations, Problems problems) {
            List<Problem> all = new ArrayList<>();
            errors.forEach(
                    error ->
                            all.add(
                                    Problem.error(
                                            locate(error, locations), clean(error.getText()))));
            Set<String> unknownTypes = new HashSet<>();
            for (Problem problem : all) {
                if (problem.message().startsWith("Unable to resolve ObjectType")) {
                    unknownTypes.add(problem.location().file());
                }
            }
            for (Problem problem : all) {
                boolean nullPackage = problem.message().equals(NULL_PACKAGE);
                if (nullPackage && all.size() > 1
                        || problem.message().endsWith("cannot be resolved to a variable")
                                && unknownTypes.contains(problem.location().file())) {
                    continue;
                }
                problems.add(
                        nullPackage
                                ? Problem.error(
                                        problem.location(), "the rule file could not be parsed")
                                : problem);
            }
        }

        private Location locate(Message error, RuleLocations locations) {
            String path = error.getPath();
            String file = "rules";
            if (path != null) {
                for (Map.Entry<String, String> entry : displayOfPath.entrySet()) {
                    if (entry.getKey().endsWith(path) || path.endsWith(entry.getKey())) {
                        file = entry.getValue();
                    }
                }
            }
            int line = Math.max(0, error.getLine());
            int column = error.getColumn() > 0 ? error.getColumn() : 0;
            if (line > 0 && column == 0) {
                column = locations.syntaxErrorColumn(file, line);
            }
            return new Location(file, line, line == 0 ? 0 : column);
        }
    }

    /** An {@code @explainedBy} names another deal rule of the catalogue, never the rule itself. */
    private static void checkCauses(Map<String, RuleInfo> catalog, Problems problems) {
        for (RuleInfo rule : catalog.values()) {
            String cause = rule.explainedBy();
            if (cause == null) {
                continue;
            }
            RuleInfo explaining = catalog.get(cause);
            if (explaining == null
                    || cause.equals(rule.id())
                    || explaining.scope() != RuleInfo.Scope.DEAL
                    || rule.scope() != RuleInfo.Scope.DEAL) {
                problems.error(
                        rule.location(),
                        "rule "
                                + rule.id()
                                + ": @explainedBy must name another rule judging deals, not '"
                                + cause
                                + "'"
                                + fr.vigie.common.DidYouMean.hint(cause, catalog.keySet()));
                continue;
            }
            Set<String> seen = new java.util.LinkedHashSet<>(List.of(rule.id()));
            for (RuleInfo at = explaining;
                    at != null;
                    at = at.explainedBy() == null ? null : catalog.get(at.explainedBy())) {
                if (!seen.add(at.id())) {
                    problems.error(
                            rule.location(),
                            "rule "
                                    + rule.id()
                                    + ": @explainedBy goes round in a circle ("
                                    + String.join(" → ", seen)
                                    + "): a cause cannot be explained by its own consequence");
                    break;
                }
            }
        }
    }

    /**
     * The rule base loads fact classes through Vigie's class loader, also inside the Spring Boot
     * jar. Node sharing is set on, whatever the JVM says ({@code -Ddrools.shareAlphaNodes=false}):
     * without it Drools 10.2.0 drops rules' conditions and the findings change
     * (docs/performance.md, "Node sharing and the findings").
     */
    private static org.kie.api.KieBaseConfiguration baseConfiguration(
            KieServices services, ClassLoader loader) {
        Properties options = new Properties();
        options.setProperty("drools.shareAlphaNodes", "true");
        options.setProperty("drools.shareBetaNodes", "true");
        return services.newKieBaseConfiguration(options, loader);
    }

    private static List<Path> drlFiles(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        return ClientFolder.of(root).walk(root, name -> name.endsWith(".drl"));
    }

    private static String clean(String message) {
        String text = LINE_PREFIX.matcher(message.strip()).replaceFirst("");
        text = text.replace("Rule Compilation error ", "");
        return String.join(
                "; ",
                text.lines().map(String::strip).filter(l -> !l.isEmpty()).distinct().toList());
    }

    private static RuleInfo describe(
            Rule rule,
            String keyword,
            Location where,
            Map<String, String> packOfFile,
            Problems problems) {
        Map<String, Object> meta = rule.getMetaData();
        String id = text(meta.get("id"));
        if (id == null) {
            problems.error(
                    where,
                    keyword
                            + " '"
                            + rule.getName()
                            + "' has no @id(\"...\"): every rule needs a stable id such as"
                            + " @id(\"ACME-DISCOUNT-MEMO\")");
            return null;
        }
        String severityCode = text(meta.get("severity"));
        Severity severity =
                severityCode == null ? null : Severity.fromCode(severityCode).orElse(null);
        if (severity == null) {
            problems.error(
                    where,
                    "rule "
                            + id
                            + " needs @severity with one of "
                            + String.join(", ", Severity.codes())
                            + (severityCode == null ? "" : ", not '" + severityCode + "'"));
        }
        String leverCode = text(meta.get("lever"));
        Lever lever = leverCode == null ? null : Lever.fromCode(leverCode).orElse(null);
        if (lever == null) {
            problems.error(
                    where,
                    "rule "
                            + id
                            + " needs @lever with one of "
                            + String.join(", ", Lever.codes())
                            + (leverCode == null ? "" : ", not '" + leverCode + "'"));
        }
        Map<String, String> params = params(text(meta.get("params")), where, id, problems);
        String version = text(meta.get("version"));
        RuleInfo.Scope scope =
                choice(
                        RuleInfo.Scope.class,
                        text(meta.get("scope")),
                        RuleInfo.Scope.DEAL,
                        "scope",
                        id,
                        where,
                        problems);
        RuleInfo.Topic topic =
                choice(
                        RuleInfo.Topic.class,
                        text(meta.get("topic")),
                        RuleInfo.Topic.PROCESS,
                        "topic",
                        id,
                        where,
                        problems);
        java.util.Set<fr.vigie.common.Evidence> needs =
                needs(text(meta.get("needs")), where, id, problems);
        if (severity == null || lever == null || scope == null || topic == null) {
            return null;
        }
        return new RuleInfo(
                id,
                rule.getName(),
                version == null ? "1" : version,
                severity,
                lever,
                params,
                scope,
                topic,
                where,
                packOfFile.getOrDefault(where.file(), "?"),
                text(meta.get("explainedBy")),
                needs);
    }

    private static <E extends Enum<E>> E choice(
            Class<E> type,
            String code,
            E otherwise,
            String name,
            String id,
            Location where,
            Problems problems) {
        if (code == null) {
            return otherwise;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(code)) {
                return constant;
            }
        }
        problems.error(
                where,
                "rule "
                        + id
                        + ": @"
                        + name
                        + " must be one of "
                        + java.util.Arrays.stream(type.getEnumConstants())
                                .map(e -> e.name().toLowerCase(Locale.ROOT))
                                .collect(java.util.stream.Collectors.joining(", "))
                        + ", not '"
                        + code
                        + "'");
        return null;
    }

    /**
     * {@code @needs("stage-history, activities")}: what an export must carry for the rule to judge
     * a deal.
     */
    private static java.util.Set<fr.vigie.common.Evidence> needs(
            String declaration, Location where, String id, Problems problems) {
        java.util.Set<fr.vigie.common.Evidence> needs =
                java.util.EnumSet.noneOf(fr.vigie.common.Evidence.class);
        if (declaration == null) {
            return needs;
        }
        for (String part : declaration.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            fr.vigie.common.Evidence.fromCode(part)
                    .ifPresentOrElse(
                            needs::add,
                            () ->
                                    problems.error(
                                            where,
                                            "rule "
                                                    + id
                                                    + ": @needs names '"
                                                    + part.strip()
                                                    + "', which is not evidence an export carries;"
                                                    + " write some of "
                                                    + String.join(
                                                            ", ", fr.vigie.common.Evidence.codes())
                                                    + fr.vigie.common.DidYouMean.hint(
                                                            part.strip(),
                                                            fr.vigie.common.Evidence.codes())));
        }
        return needs;
    }

    private static Map<String, String> params(
            String declaration, Location where, String id, Problems problems) {
        Map<String, String> params = new LinkedHashMap<>();
        if (declaration == null) {
            return params;
        }
        for (String part : declaration.split(",")) {
            Matcher matcher = PARAM.matcher(part);
            if (!matcher.matches()) {
                problems.error(
                        where,
                        "rule "
                                + id
                                + ": @params must read \"name=default, other=default\", not '"
                                + part.strip()
                                + "'");
                continue;
            }
            params.put(matcher.group(1), matcher.group(2));
        }
        return params;
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1);
        }
        return text.isEmpty() ? null : text;
    }

    private static void checkMessages(
            Map<String, RuleInfo> catalog, MessageCatalog messages, Problems problems) {
        for (RuleInfo rule : catalog.values()) {
            for (Locale language : MessageCatalog.LANGUAGES) {
                for (String part : List.of("title", "message")) {
                    if (messages.get(language, rule.id() + "." + part).isEmpty()) {
                        problems.error(
                                rule.location(),
                                "rule "
                                        + rule.id()
                                        + " has no "
                                        + part
                                        + " in "
                                        + MessageCatalog.fileName(language)
                                        + " beside its rules: add "
                                        + rule.id()
                                        + "."
                                        + part
                                        + "=...");
                    }
                }
            }
        }
    }
}
