package fr.vigie.audit.engine.safety;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Position;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.comments.Comment;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.InstanceOfExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.Name;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.TypePatternExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.EmptyStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.VarType;
import com.github.javaparser.ast.type.WildcardType;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Checks one Java fragment of a rule (a condition, an {@code eval}, a {@code from}, an accumulate
 * argument, a consequence) on its syntax tree, after Java's unicode escapes are decoded, against
 * {@link RuleApi}: only the kinds of statement and expression listed here, only the names the rule
 * bound, its own local variables and the API's types, only the API's methods.
 */
final class JavaFragments {

    /** Where a fragment stands in a rule, which decides what a bare name or call may be. */
    enum Kind {
        /** A pattern's constraint: bare names are the fact's properties, bare calls its methods. */
        CONSTRAINT,
        /** {@code eval}, {@code from}, an accumulate function's argument. */
        EXPRESSION,
        /** What follows {@code then}: statements that insert Violations. */
        CONSEQUENCE
    }

    /** Node kinds a fragment may hold; anything else is refused. */
    private static final Set<Class<? extends Node>> ALLOWED_NODES =
            Set.of(
                    BlockStmt.class,
                    ExpressionStmt.class,
                    IfStmt.class,
                    EmptyStmt.class,
                    NameExpr.class,
                    SimpleName.class,
                    Name.class,
                    MethodCallExpr.class,
                    FieldAccessExpr.class,
                    StringLiteralExpr.class,
                    IntegerLiteralExpr.class,
                    LongLiteralExpr.class,
                    DoubleLiteralExpr.class,
                    BooleanLiteralExpr.class,
                    NullLiteralExpr.class,
                    CharLiteralExpr.class,
                    BinaryExpr.class,
                    UnaryExpr.class,
                    ConditionalExpr.class,
                    EnclosedExpr.class,
                    CastExpr.class,
                    InstanceOfExpr.class,
                    ArrayAccessExpr.class,
                    ObjectCreationExpr.class,
                    VariableDeclarationExpr.class,
                    VariableDeclarator.class,
                    AssignExpr.class,
                    ClassOrInterfaceType.class,
                    PrimitiveType.class,
                    VarType.class,
                    Modifier.class,
                    TypePatternExpr.class,
                    WildcardType.class);

    private static final Set<String> ENGINE = Set.of("drools", "kcontext", "kieRuntime");
    private static final Set<String> CHANGES = Set.of("delete", "retract", "update", "modify");

    private final RuleApi api;
    private final JavaParser parser;

    JavaFragments(RuleApi api) {
        this.api = api;
        this.parser =
                new JavaParser(
                        new ParserConfiguration()
                                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)
                                .setAttributeComments(false));
    }

    /**
     * Checks {@code code}; {@code report} receives each refusal with its position in {@code code}
     * (line and column from 1).
     *
     * @param bound the names the rule bound ({@code $deal}...), and the types it declared
     * @param declared the types the DRL file declares
     */
    void check(
            String code,
            Kind kind,
            Set<String> bound,
            Set<String> declared,
            BiConsumer<Position, String> report) {
        String decoded = UnicodeEscapes.decode(code);
        Optional<Node> tree = parse(decoded, kind, report);
        if (tree.isEmpty()) {
            return;
        }
        Set<String> locals = new HashSet<>();
        tree.get()
                .walk(
                        node -> {
                            if (node instanceof VariableDeclarator variable) {
                                locals.add(variable.getNameAsString());
                            } else if (node instanceof TypePatternExpr pattern) {
                                locals.add(pattern.getNameAsString());
                            }
                        });
        new Walk(kind, bound, declared, locals, report).node(tree.get());
    }

    private Optional<Node> parse(String code, Kind kind, BiConsumer<Position, String> report) {
        ParseResult<? extends Node> result =
                kind == Kind.CONSEQUENCE
                        ? parser.parseBlock("{" + code + "\n}")
                        : parser.parseExpression(code);
        if (result.isSuccessful() && result.getResult().isPresent()) {
            return Optional.of(result.getResult().get());
        }
        Position at =
                result.getProblems().stream()
                        .flatMap(p -> p.getLocation().stream())
                        .flatMap(l -> l.getBegin().getRange().stream())
                        .map(r -> r.begin)
                        .findFirst()
                        .orElse(new Position(1, 1));
        if (kind == Kind.CONSEQUENCE && at.line == 1) {
            at = new Position(1, Math.max(1, at.column - 1));
        }
        report.accept(
                at,
                kind == Kind.CONSTRAINT
                        ? "this condition is not plain Java, so it cannot be checked: write each"
                              + " comparison in full (`amount > 10 && amount < 20`), without inline"
                              + " casts, `str[...]`, temporal operators or paths"
                        : "this code is not plain Java, so it cannot be checked: a rule's code is"
                                + " Java expressions and statements that insert Violations (no"
                                + " `modify` block: a workspace rule never changes a fact)");
        return Optional.empty();
    }

    private final class Walk {
        private final Kind kind;
        private final Set<String> bound;
        private final Set<String> declared;
        private final Set<String> locals;
        private final BiConsumer<Position, String> report;
        private final int shift;

        Walk(
                Kind kind,
                Set<String> bound,
                Set<String> declared,
                Set<String> locals,
                BiConsumer<Position, String> report) {
            this.kind = kind;
            this.bound = bound;
            this.declared = declared;
            this.locals = locals;
            this.report = report;
            this.shift = kind == Kind.CONSEQUENCE ? 1 : 0;
        }

        private void refuse(Node node, String message) {
            Position at = node.getBegin().orElse(new Position(1, 1 + shift));
            report.accept(
                    at.line == 1 ? new Position(1, Math.max(1, at.column - shift)) : at, message);
        }

        void node(Node node) {
            if (node instanceof Comment) {
                return;
            }
            if (!ALLOWED_NODES.contains(node.getClass())
                    && !(kind == Kind.CONSTRAINT && node instanceof ThisExpr)) {
                refuse(
                        node,
                        what(node) + " is not allowed in a workspace rule: " + insteadOf(node));
                return;
            }
            boolean descend;
            if (node instanceof NameExpr name) {
                descend = name(name);
            } else if (node instanceof FieldAccessExpr access) {
                descend = fieldAccess(access);
            } else if (node instanceof MethodCallExpr call) {
                descend = call(call);
            } else if (node instanceof ObjectCreationExpr creation) {
                descend = creation(creation);
            } else if (node instanceof ClassOrInterfaceType type) {
                descend = type(type);
            } else if (node instanceof AssignExpr assign) {
                descend = assign(assign);
            } else {
                descend = true;
            }
            if (descend) {
                for (Node child : node.getChildNodes()) {
                    node(child);
                }
            }
        }

        private boolean name(NameExpr expr) {
            String name = expr.getNameAsString();
            if (bound.contains(name)
                    || locals.contains(name)
                    || api.type(name).isPresent()
                    || declared.contains(name)) {
                return false;
            }
            if (kind == Kind.CONSTRAINT && api.property(name)) {
                return false;
            }
            if (ENGINE.contains(name)) {
                refuse(
                        expr,
                        "'"
                                + name
                                + "' is not allowed in a workspace rule: it reaches the rule engine"
                                + " itself; a rule inserts Violations with"
                                + " insert(Violation.on($deal)...)");
            } else {
                refuse(
                        expr,
                        "'"
                                + name
                                + "' is not allowed in a workspace rule: it is none of the rule's"
                                + " bindings, of the facts' properties or of the types listed in"
                                + " docs/writing-rules.md#the-rule-api");
            }
            return false;
        }

        /**
         * {@code a.b.c}: a property of a bound fact, a constant or nested type of an allowed type,
         * or a full type name.
         */
        private boolean fieldAccess(FieldAccessExpr access) {
            Optional<String> dotted = dotted(access);
            if (dotted.isPresent()) {
                String[] parts = dotted.get().split("\\.");
                String first = parts[0];
                if (!bound.contains(first)
                        && !locals.contains(first)
                        && !(kind == Kind.CONSTRAINT && api.property(first))) {
                    return staticAccess(access, parts);
                }
            }
            String field = access.getNameAsString();
            if (!api.property(field)) {
                refuse(
                        access.getName(),
                        "'"
                                + field
                                + "' is not a property a workspace rule may read (see"
                                + " docs/writing-rules.md#the-rule-api)");
            }
            node(access.getScope());
            return false;
        }

        private boolean staticAccess(Node node, String[] parts) {
            if (ENGINE.contains(parts[0])) {
                refuse(
                        node,
                        "'"
                                + parts[0]
                                + "' is not allowed in a workspace rule: it reaches the rule engine"
                                + " itself; a rule inserts Violations with"
                                + " insert(Violation.on($deal)...)");
                return false;
            }
            for (int i = parts.length; i >= 1; i--) {
                String prefix = String.join(".", java.util.Arrays.copyOf(parts, i));
                Optional<RuleApi.Type> type = api.qualified(prefix).or(() -> api.type(prefix));
                if (type.isEmpty() && i == 1 && declared.contains(prefix)) {
                    return false;
                }
                if (type.isPresent()) {
                    if (i == parts.length
                            || i == parts.length - 1 && type.get().methods().contains(parts[i])) {
                        return false;
                    }
                    refuse(
                            node,
                            "'"
                                    + String.join(".", parts)
                                    + "' is not allowed in a workspace rule: "
                                    + type.get().name()
                                    + " offers "
                                    + type.get().methods().stream().sorted().toList()
                                    + " (docs/writing-rules.md#the-rule-api)");
                    return false;
                }
            }
            refuse(
                    node,
                    "'"
                            + String.join(".", parts)
                            + "' is not allowed in a workspace rule: a rule names only Vigie's"
                            + " facts and the value types listed in"
                            + " docs/writing-rules.md#the-rule-api");
            return false;
        }

        private boolean call(MethodCallExpr call) {
            String method = call.getNameAsString();
            call.getTypeArguments().ifPresent(arguments -> arguments.forEach(this::node));
            if (call.getScope().isEmpty()) {
                if (kind == Kind.CONSEQUENCE
                        && (method.equals("insert") || method.equals("insertLogical"))) {
                    call.getArguments().forEach(this::node);
                    return false;
                }
                if (CHANGES.contains(method)) {
                    refuse(
                            call,
                            "'"
                                    + method
                                    + "' is not allowed in a workspace rule: a workspace rule never"
                                    + " changes or removes a fact; it inserts a Violation"
                                    + " (insert(Violation.on($deal)...))");
                } else if (kind == Kind.CONSTRAINT && api.member(method)) {
                    call.getArguments().forEach(this::node);
                } else {
                    refuse(
                            call,
                            "'"
                                    + method
                                    + "(...)' is not allowed in a workspace rule: functions are not"
                                    + " allowed; call a method of a fact or of a value type listed"
                                    + " in docs/writing-rules.md#the-rule-api");
                }
                return false;
            }
            Expression scope = call.getScope().get();
            Optional<String> dotted = dotted(scope);
            if (dotted.isPresent()) {
                String first = dotted.get().split("\\.")[0];
                if (!bound.contains(first)
                        && !locals.contains(first)
                        && !(kind == Kind.CONSTRAINT && api.property(first))) {
                    String[] parts = (dotted.get() + "." + method).split("\\.");
                    staticAccess(call, parts);
                    call.getArguments().forEach(this::node);
                    return false;
                }
            }
            if (!api.member(method)) {
                refuse(
                        call.getName(),
                        "'"
                                + method
                                + "' is not allowed in a workspace rule: it is not a method of the"
                                + " facts or value types listed in"
                                + " docs/writing-rules.md#the-rule-api");
            }
            node(scope);
            call.getArguments().forEach(this::node);
            return false;
        }

        private boolean creation(ObjectCreationExpr creation) {
            if (creation.getAnonymousClassBody().isPresent()) {
                refuse(creation, "an anonymous class is not allowed in a workspace rule");
                return false;
            }
            String name = creation.getType().getNameWithScope();
            Optional<RuleApi.Type> type = api.qualified(name).or(() -> api.type(name));
            if (type.map(RuleApi.Type::constructible).orElse(false) || declared.contains(name)) {
                creation.getType()
                        .getTypeArguments()
                        .ifPresent(arguments -> arguments.forEach(this::node));
                creation.getArguments().forEach(this::node);
            } else {
                refuse(
                        creation,
                        "'new "
                                + name
                                + "' is not allowed in a workspace rule: a rule creates only"
                                + " Violations (Violation.on($deal)), the types its file declares,"
                                + " and "
                                + api.types().stream()
                                        .filter(RuleApi.Type::constructible)
                                        .map(RuleApi.Type::name)
                                        .toList());
            }
            return false;
        }

        private boolean type(ClassOrInterfaceType type) {
            String name = type.getNameWithScope();
            if (api.qualified(name).or(() -> api.type(name)).isEmpty()
                    && !declared.contains(name)) {
                refuse(
                        type,
                        "the type '"
                                + name
                                + "' is not allowed in a workspace rule: a rule names only Vigie's"
                                + " facts and the value types listed in"
                                + " docs/writing-rules.md#the-rule-api");
                return false;
            }
            type.getTypeArguments().ifPresent(arguments -> arguments.forEach(this::node));
            return false;
        }

        private boolean assign(AssignExpr assign) {
            if (!(assign.getTarget() instanceof NameExpr target)
                    || !locals.contains(target.getNameAsString())) {
                refuse(
                        assign,
                        "a workspace rule assigns only its own local variables: it never changes a"
                                + " fact");
                return false;
            }
            node(assign.getValue());
            return false;
        }
    }

    /** {@code a.b.c} when the expression is only names and dots. */
    private static Optional<String> dotted(Expression expr) {
        if (expr instanceof NameExpr name) {
            return Optional.of(name.getNameAsString());
        }
        if (expr instanceof FieldAccessExpr access && access.getTypeArguments().isEmpty()) {
            return dotted(access.getScope()).map(scope -> scope + "." + access.getNameAsString());
        }
        return Optional.empty();
    }

    private static final java.util.Map<Class<? extends Node>, String> NAMES =
            java.util.Map.ofEntries(
                    java.util.Map.entry(LambdaExpr.class, "a lambda"),
                    java.util.Map.entry(MethodReferenceExpr.class, "a method reference"),
                    java.util.Map.entry(ClassExpr.class, "'.class' (reflection)"),
                    java.util.Map.entry(ArrayCreationExpr.class, "creating an array"),
                    java.util.Map.entry(ArrayInitializerExpr.class, "an array"),
                    java.util.Map.entry(TextBlockLiteralExpr.class, "a text block"),
                    java.util.Map.entry(ThisExpr.class, "'this'"),
                    java.util.Map.entry(SuperExpr.class, "'super'"),
                    java.util.Map.entry(
                            com.github.javaparser.ast.stmt.ForStmt.class, "a 'for' loop"),
                    java.util.Map.entry(
                            com.github.javaparser.ast.stmt.ForEachStmt.class, "a 'for' loop"),
                    java.util.Map.entry(
                            com.github.javaparser.ast.stmt.WhileStmt.class, "a 'while' loop"),
                    java.util.Map.entry(com.github.javaparser.ast.stmt.DoStmt.class, "a 'do' loop"),
                    java.util.Map.entry(com.github.javaparser.ast.stmt.TryStmt.class, "'try'"),
                    java.util.Map.entry(com.github.javaparser.ast.stmt.ThrowStmt.class, "'throw'"),
                    java.util.Map.entry(
                            com.github.javaparser.ast.stmt.SynchronizedStmt.class,
                            "'synchronized'"),
                    java.util.Map.entry(
                            com.github.javaparser.ast.stmt.LocalClassDeclarationStmt.class,
                            "a class"),
                    java.util.Map.entry(
                            com.github.javaparser.ast.stmt.ReturnStmt.class, "'return'"),
                    java.util.Map.entry(SwitchExpr.class, "'switch'"),
                    java.util.Map.entry(
                            com.github.javaparser.ast.stmt.SwitchStmt.class, "'switch'"));

    private static String what(Node node) {
        String name = NAMES.get(node.getClass());
        return name != null ? name : "'" + node.toString().lines().findFirst().orElse("") + "'";
    }

    private static String insteadOf(Node node) {
        String name = NAMES.getOrDefault(node.getClass(), "");
        if (name.endsWith("loop")) {
            return "a rule fires once per match, so write the condition as a pattern";
        }
        if (node instanceof TextBlockLiteralExpr) {
            return "write an ordinary string";
        }
        if (node instanceof ClassExpr) {
            return "a rule reasons over the facts' values, not their classes";
        }
        return "a rule's code is plain expressions and statements over the facts"
                + " (docs/writing-rules.md#the-rule-api)";
    }
}
