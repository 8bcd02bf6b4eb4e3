package fr.vigie.audit.engine.safety;

import com.github.javaparser.Position;
import fr.vigie.audit.engine.safety.JavaFragments.Kind;
import fr.vigie.common.Location;
import fr.vigie.common.Problems;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AnnotatedBaseDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NamedConsequenceDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.PatternSourceDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.drools.drl.ast.descr.TypeFieldDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * Checks a workspace's DRL before it is compiled: a client's rules are code that runs beside the
 * client's data, so they may use the rule author's API ({@link RuleApi}) and nothing else. The rule
 * structure is read with Drools' own DRL parser (the one that compiles it), every Java fragment
 * with a Java parser after unicode escapes are decoded; the checks are an allowlist. Every refusal
 * names the file, line and column, and what to write instead.
 */
public final class DrlSafety {

    /** The metadata a workspace rule may carry, each a plain string. */
    static final Set<String> METADATA =
            Set.of(
                    "id",
                    "version",
                    "severity",
                    "lever",
                    "params",
                    "scope",
                    "topic",
                    "needs",
                    "explainedBy");

    /** The accumulate functions a workspace rule may call. */
    static final Set<String> ACCUMULATE_FUNCTIONS =
            Set.of("count", "sum", "min", "max", "average", "collectList", "collectSet");

    /** The package folders whose facts a rule may import with {@code .*}. */
    static final Set<String> FACT_PACKAGES =
            Set.of(
                    "fr.vigie.deals.model",
                    "fr.vigie.audit.facts",
                    "fr.vigie.process.model",
                    "fr.vigie.strategy.model");

    private static final Pattern BINDING =
            Pattern.compile("^\\s*(\\$?[A-Za-z_][\\w$]*)\\s*:(?![=:])");
    private static final Pattern DROOLS_OPERATOR =
            Pattern.compile("\\b(?:not\\s+)?(?:memberOf|contains|matches|excludes|soundslike)\\b");
    private static final Pattern IN_LIST = Pattern.compile("\\b(?:not\\s+)?in\\s*\\(");

    private final String file;
    private final String text;
    private final Problems problems;
    private final RuleApi api = RuleApi.standard();
    private final JavaFragments fragments = new JavaFragments(api);
    private final Set<String> declared = new HashSet<>();

    private DrlSafety(String file, String text, Problems problems) {
        this.file = file;
        this.text = text;
        this.problems = problems;
    }

    /**
     * Adds a located problem for every construct of {@code text}, the DRL file {@code file}, that a
     * workspace rule may not use.
     */
    public static void check(String file, String text, Problems problems) {
        new DrlSafety(file, text, problems).check();
    }

    private void check() {
        int escape = UnicodeEscapes.first(text);
        if (escape >= 0) {
            refuse(
                    escape,
                    "a unicode escape (\\u...) is not allowed in a workspace rule: write the"
                            + " character itself (rule files are UTF-8)");
        }
        DrlParser parser = new DrlParser();
        PackageDescr drl;
        try {
            drl = parser.parse(null, text);
        } catch (DroolsParserException e) {
            drl = null;
        }
        if (drl == null || parser.hasErrors()) {
            // Not compiled either: the compiler reports the syntax error at its line and column.
            return;
        }
        drl.getTypeDeclarations().forEach(type -> declared.add(type.getTypeName()));
        checkPackage(drl);
        drl.getTypeDeclarations().forEach(this::checkDeclaration);
        drl.getRules().forEach(this::checkRule);
    }

    private void checkPackage(PackageDescr drl) {
        for (AttributeDescr attribute : drl.getAttributes()) {
            refuse(
                    attribute,
                    "'"
                            + attribute.getName()
                            + "' is not allowed in a workspace rule: rules are written in Java's"
                            + " dialect with no package-wide attribute; remove it");
        }
        drl.getFunctions()
                .forEach(
                        function ->
                                refuse(
                                        function,
                                        "'function "
                                                + function.getName()
                                                + "' is not allowed in a workspace rule: write the"
                                                + " computation in the rule's conditions, with the"
                                                + " facts' methods"
                                                + " (docs/writing-rules.md#the-rule-api)"));
        drl.getGlobals()
                .forEach(
                        global ->
                                refuse(
                                        global,
                                        "'global "
                                                + global.getIdentifier()
                                                + "' is not allowed in a workspace rule: a rule"
                                                + " reasons over the deal's facts only; read a"
                                                + " setting with a Param fact"));
        drl.getFunctionImports()
                .forEach(
                        imported ->
                                refuse(
                                        imported,
                                        "'import function "
                                                + imported.getTarget()
                                                + "' is not allowed in a workspace rule: call the"
                                                + " facts' methods instead"
                                                + " (docs/writing-rules.md#the-rule-api)"));
        drl.getAccumulateImports()
                .forEach(
                        imported ->
                                refuse(
                                        imported,
                                        "'import accumulate' is not allowed in a workspace rule:"
                                                + " use one of "
                                                + ACCUMULATE_FUNCTIONS.stream().sorted().toList()));
        drl.getEntryPointDeclarations()
                .forEach(
                        entry -> refuse(entry, "entry points are not allowed in a workspace rule"));
        drl.getWindowDeclarations()
                .forEach(window -> refuse(window, "windows are not allowed in a workspace rule"));
        drl.getEnumDeclarations()
                .forEach(
                        declaration ->
                                refuse(
                                        declaration,
                                        "'declare enum' is not allowed in a workspace rule: compare"
                                                + " with strings"));
        if (drl.getUnit() != null) {
            refuse(drl.getUnit(), "'unit' is not allowed in a workspace rule");
        }
        for (ImportDescr imported : drl.getImports()) {
            String target = imported.getTarget();
            boolean allowed =
                    target.endsWith(".*")
                            ? FACT_PACKAGES.contains(target.substring(0, target.length() - 2))
                            : api.qualified(target).isPresent();
            if (!allowed) {
                refuse(
                        imported,
                        "import of '"
                                + target
                                + "' is not allowed in a workspace rule: rules import Vigie's facts"
                                + " and the value types listed in"
                                + " docs/writing-rules.md#the-rule-api");
            }
        }
    }

    private void checkDeclaration(TypeDeclarationDescr type) {
        refuseAnnotations(type, "a declared type");
        if (!type.getSuperTypes().isEmpty()) {
            refuse(
                    type,
                    "'declare "
                            + type.getTypeName()
                            + " extends' is not allowed in a workspace rule: declare a plain type");
        }
        for (TypeFieldDescr field : type.getFields().values()) {
            refuseAnnotations(field, "a declared field");
            if (field.getInitExpr() != null) {
                refuse(
                        field,
                        "the initial value of '"
                                + field.getFieldName()
                                + "' is not allowed in a workspace rule: a declared field starts"
                                + " empty; give its value with new "
                                + type.getTypeName()
                                + "(...) in the rule that inserts it");
            }
            String fieldType =
                    field.getPattern() == null ? null : field.getPattern().getObjectType();
            if (fieldType != null && !knownType(fieldType) && !isPrimitive(fieldType)) {
                refuse(
                        field,
                        "the type '"
                                + fieldType
                                + "' of '"
                                + field.getFieldName()
                                + "' is not allowed in a workspace rule: use a fact"
                                + " or value type listed in docs/writing-rules.md#the-rule-api");
            }
        }
    }

    private void checkRule(RuleDescr rule) {
        if (rule.isQuery()) {
            refuse(
                    rule,
                    "'query "
                            + rule.getName()
                            + "' is not allowed in a workspace rule: write a rule that inserts a"
                            + " Violation");
            return;
        }
        for (AttributeDescr attribute : rule.getAttributes().values()) {
            if (!attribute.getName().equals("no-loop")) {
                refuse(
                        attribute,
                        "'"
                                + attribute.getName()
                                + "' is not allowed in a workspace rule: rules are independent and"
                                + " the order they fire in never changes a finding; remove it (only"
                                + " no-loop is allowed)");
            }
        }
        for (AnnotationDescr annotation : rule.getAnnotations()) {
            if (!METADATA.contains(annotation.getName())) {
                refuse(
                        annotation.getLine() > 0 ? annotation : rule,
                        "'@"
                                + annotation.getName()
                                + "' is not allowed in a workspace rule: a rule carries "
                                + METADATA.stream().sorted().map(m -> "@" + m).toList());
            } else if (!(annotation.getValue() instanceof String value)
                    || !value.matches("\"[^\"]*\"")) {
                refuse(
                        annotation.getLine() > 0 ? annotation : rule,
                        "'@"
                                + annotation.getName()
                                + "' takes one string in double quotes, such as @"
                                + annotation.getName()
                                + "(\"...\")");
            }
        }
        Set<String> bound = new HashSet<>();
        bindings(rule.getLhs(), bound);
        lhs(rule.getLhs(), bound);
        consequence(rule.getConsequence(), rule.getConsequenceLine(), bound, rule);
        for (Map.Entry<String, Object> named : rule.getNamedConsequences().entrySet()) {
            consequence(named.getValue(), rule.getConsequenceLine(), bound, rule);
        }
    }

    private void consequence(Object code, int thenLine, Set<String> bound, RuleDescr rule) {
        if (code == null) {
            return;
        }
        String java = code.toString();
        fragment(
                java,
                Kind.CONSEQUENCE,
                bound,
                find(java.strip(), lineStart(thenLine), rule),
                java.indexOf(java.strip()));
    }

    /** Every name the rule binds: patterns, their constraints, accumulate results. */
    private static void bindings(BaseDescr descr, Set<String> bound) {
        if (descr instanceof PatternDescr pattern) {
            if (pattern.getIdentifier() != null) {
                bound.add(pattern.getIdentifier());
            }
            for (BaseDescr constraint : pattern.getDescrs()) {
                if (constraint instanceof ExprConstraintDescr expr) {
                    Matcher matcher = BINDING.matcher(expr.getExpression());
                    if (matcher.find()) {
                        bound.add(matcher.group(1));
                    }
                }
            }
            if (pattern.getSource() != null) {
                bindings(pattern.getSource(), bound);
            }
        } else if (descr instanceof AccumulateDescr accumulate) {
            accumulate.getFunctions().stream()
                    .filter(f -> f.getBind() != null)
                    .forEach(f -> bound.add(f.getBind()));
            if (accumulate.getInput() != null) {
                bindings(accumulate.getInput(), bound);
            }
        } else if (descr instanceof CollectDescr collect) {
            bindings(collect.getInputPattern(), bound);
        } else if (descr instanceof org.drools.drl.ast.descr.ConditionalElementDescr group) {
            group.getDescrs().forEach(child -> bindings((BaseDescr) child, bound));
        }
    }

    private void lhs(BaseDescr descr, Set<String> bound) {
        if (descr instanceof AndDescr
                || descr instanceof OrDescr
                || descr instanceof NotDescr
                || descr instanceof ExistsDescr
                || descr instanceof ForallDescr) {
            ((org.drools.drl.ast.descr.ConditionalElementDescr) descr)
                    .getDescrs()
                    .forEach(child -> lhs((BaseDescr) child, bound));
        } else if (descr instanceof PatternDescr pattern) {
            pattern(pattern, bound);
        } else if (descr instanceof EvalDescr eval) {
            String code = String.valueOf(eval.getContent());
            fragment(code, Kind.EXPRESSION, bound, find(code, eval.getStartCharacter(), eval), 0);
        } else if (descr instanceof NamedConsequenceDescr) {
            return;
        } else {
            refuse(
                    descr,
                    "this condition ("
                            + descr.getClass().getSimpleName().replace("Descr", "")
                            + ") is not allowed in a workspace rule: use patterns, not, exists,"
                            + " forall, or, eval, from, collect and accumulate with its functions");
        }
    }

    private void pattern(PatternDescr pattern, Set<String> bound) {
        String type = pattern.getObjectType();
        if (!knownType(type)) {
            List<String> known = new java.util.ArrayList<>(declared);
            api.types().forEach(t -> known.add(t.name()));
            refuse(
                    pattern,
                    "the fact type '"
                            + type
                            + "' is not allowed in a workspace rule: match one of Vigie's facts or"
                            + " a type the file declares (docs/writing-rules.md#the-rule-api)"
                            + fr.vigie.common.DidYouMean.hint(type, known));
        }
        refuseAnnotations(pattern, "a pattern");
        if (!pattern.getBehaviors().isEmpty()) {
            refuse(pattern, "windows ('over') are not allowed in a workspace rule");
        }
        for (BaseDescr constraint : pattern.getDescrs()) {
            if (!(constraint instanceof ExprConstraintDescr expr)) {
                refuse(
                        constraint,
                        "this constraint is not allowed in a workspace rule: write a condition on"
                                + " the fact's properties");
                continue;
            }
            String code = expr.getExpression();
            int start = find(code, expr.getStartCharacter(), expr);
            int skip = 0;
            Matcher binding = BINDING.matcher(code);
            if (binding.find()) {
                skip = binding.end();
            }
            String condition = code.substring(skip);
            condition =
                    DROOLS_OPERATOR
                            .matcher(condition)
                            .replaceAll(
                                    m -> "==" + " ".repeat(Math.max(0, m.group().length() - 2)));
            condition = IN_LIST.matcher(condition).replaceAll("== List.of(").replace("!.", " .");
            fragment(condition, Kind.CONSTRAINT, bound, start + skip, 0);
        }
        PatternSourceDescr source = pattern.getSource();
        if (source == null) {
            return;
        }
        if (source instanceof FromDescr from) {
            String code = from.getExpression();
            fragment(
                    code,
                    Kind.EXPRESSION,
                    bound,
                    find(code, pattern.getStartCharacter(), pattern),
                    0);
        } else if (source instanceof CollectDescr collect) {
            lhs(collect.getInputPattern(), bound);
        } else if (source instanceof AccumulateDescr accumulate) {
            accumulate(accumulate, pattern, bound);
        } else {
            refuse(
                    pattern,
                    "this source ('"
                            + source.getText()
                            + "') is not allowed in a workspace rule: facts come from the session,"
                            + " from an expression over a fact, collect or accumulate");
        }
    }

    private void accumulate(AccumulateDescr accumulate, PatternDescr pattern, Set<String> bound) {
        BaseDescr at = accumulate.getLine() > 0 ? accumulate : pattern;
        if (!accumulate.isExternalFunction()
                || accumulate.getInitCode() != null
                || accumulate.getActionCode() != null
                || accumulate.getReverseCode() != null
                || accumulate.getResultCode() != null) {
            refuse(
                    at,
                    "inline accumulate code (init, action, reverse, result) is not allowed in a"
                            + " workspace rule: use one of "
                            + ACCUMULATE_FUNCTIONS.stream().sorted().toList());
        }
        for (AccumulateDescr.AccumulateFunctionCallDescr function : accumulate.getFunctions()) {
            if (!ACCUMULATE_FUNCTIONS.contains(function.getFunction())) {
                refuse(
                        at,
                        "the accumulate function '"
                                + function.getFunction()
                                + "' is not allowed in a workspace rule: use one of "
                                + ACCUMULATE_FUNCTIONS.stream().sorted().toList());
            }
            for (String parameter : function.getParams()) {
                fragment(
                        parameter,
                        Kind.EXPRESSION,
                        bound,
                        find(parameter, at.getStartCharacter(), at),
                        0);
            }
        }
        if (accumulate.getInput() != null) {
            lhs(accumulate.getInput(), bound);
        }
    }

    /**
     * Checks a Java fragment that starts at {@code start} in the file, {@code skip} characters of
     * it not being code.
     */
    private void fragment(String code, Kind kind, Set<String> bound, int start, int skip) {
        String java = code.substring(Math.min(skip, code.length()));
        int origin = start + skip;
        fragments.check(
                java,
                kind,
                bound,
                declared,
                (Position at, String message) -> refuse(offset(java, at, origin), message));
    }

    private static int offset(String code, Position at, int origin) {
        int line = 1;
        int i = 0;
        while (line < at.line && i < code.length()) {
            if (code.charAt(i++) == '\n') {
                line++;
            }
        }
        return origin + Math.min(code.length(), i + at.column - 1);
    }

    /**
     * Where {@code code} starts in the file, looking from {@code from}; {@code near}'s start when
     * it cannot be found.
     */
    private int find(String code, int from, BaseDescr near) {
        int index = from >= 0 ? text.indexOf(code, from) : -1;
        if (index < 0) {
            index = text.indexOf(code, lineStart(near.getLine()));
        }
        return index >= 0
                ? index
                : Math.max(
                        0,
                        near.getStartCharacter() >= 0
                                ? near.getStartCharacter()
                                : lineStart(near.getLine()));
    }

    private int lineStart(int line) {
        int offset = 0;
        for (int current = 1; current < line && offset >= 0; current++) {
            offset = text.indexOf('\n', offset);
            offset = offset < 0 ? -1 : offset + 1;
        }
        return Math.max(0, offset);
    }

    private boolean knownType(String type) {
        String name = type.replaceAll("<.*>", "").strip();
        return api.type(name).isPresent()
                || api.qualified(name).isPresent()
                || declared.contains(name);
    }

    private static boolean isPrimitive(String type) {
        return List.of("int", "long", "double", "boolean").contains(type);
    }

    private void refuseAnnotations(AnnotatedBaseDescr descr, String what) {
        for (AnnotationDescr annotation : descr.getAnnotations()) {
            refuse(
                    annotation.getLine() > 0 ? annotation : descr,
                    "'@"
                            + annotation.getName()
                            + "' on "
                            + what
                            + " is not allowed in a"
                            + " workspace rule");
        }
    }

    private void refuse(BaseDescr descr, String message) {
        if (descr.getStartCharacter() >= 0 && descr.getStartCharacter() < text.length()) {
            refuse(descr.getStartCharacter(), message);
        } else {
            problems.error(
                    new Location(
                            file,
                            Math.max(0, descr.getLine()),
                            descr.getLine() > 0 ? Math.max(1, descr.getColumn() + 1) : 0),
                    message);
        }
    }

    private void refuse(int offset, String message) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        problems.error(new Location(file, line, offset - lineStart + 1), message);
    }
}
