package fr.vigie.audit.engine.safety;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What a workspace rule may name: Vigie's facts with their public methods, {@code Violation} and
 * its builder, and value types with their pure methods. {@link DrlSafety} checks rules against this
 * list, and docs/writing-rules.md shows {@link #markdown()} (a test keeps them equal).
 */
public final class RuleApi {

    /** A type a rule may name, and the methods it may call on it (static or not). */
    public record Type(Class<?> type, Set<String> methods, boolean constructible, String use) {

        public String simpleName() {
            return type.getSimpleName();
        }

        /** The name the DRL writes for it: {@code TacticItem.Kind} for a nested type. */
        public String name() {
            return type.getEnclosingClass() == null
                    ? simpleName()
                    : type.getEnclosingClass().getSimpleName() + "." + simpleName();
        }

        public String qualifiedName() {
            return type.getCanonicalName();
        }
    }

    private static final List<String> FACT_CLASSES =
            List.of(
                    "fr.vigie.deals.model.Deal",
                    "fr.vigie.deals.model.Account",
                    "fr.vigie.deals.model.Activity",
                    "fr.vigie.deals.model.Decision",
                    "fr.vigie.deals.model.Document",
                    "fr.vigie.deals.model.CloseDateChange",
                    "fr.vigie.deals.model.LineItem",
                    "fr.vigie.deals.model.StageChange",
                    "fr.vigie.audit.facts.StageVisit",
                    "fr.vigie.audit.facts.Move",
                    "fr.vigie.audit.facts.RequiredApproval",
                    "fr.vigie.audit.facts.Param",
                    "fr.vigie.process.model.StageSpec",
                    "fr.vigie.process.model.ApprovalRule",
                    "fr.vigie.process.model.Required",
                    "fr.vigie.process.model.Requirements",
                    "fr.vigie.strategy.model.StrategyItem",
                    "fr.vigie.strategy.model.TacticItem",
                    "fr.vigie.strategy.model.DecisionRight",
                    "fr.vigie.strategy.model.Owner",
                    "fr.vigie.workspace.Period",
                    "fr.vigie.common.Location");

    /**
     * Methods no rule calls, whatever declares them: they reach the class, the lock or the engine.
     */
    private static final Set<String> NEVER =
            Set.of(
                    "getClass",
                    "getDeclaringClass",
                    "wait",
                    "notify",
                    "notifyAll",
                    "finalize",
                    "clone",
                    "describeConstable",
                    "hashCode");

    private static final Map<Class<?>, String> VALUES = new LinkedHashMap<>();

    static {
        VALUES.put(
                String.class,
                "length isEmpty isBlank charAt startsWith endsWith contains equals equalsIgnoreCase"
                    + " compareTo compareToIgnoreCase toLowerCase toUpperCase strip trim substring"
                    + " indexOf lastIndexOf replace valueOf join");
        VALUES.put(
                java.math.BigDecimal.class,
                "compareTo equals add subtract multiply divide negate abs signum scale precision"
                    + " stripTrailingZeros min max intValue longValue doubleValue valueOf ZERO ONE"
                    + " TEN");
        VALUES.put(java.math.RoundingMode.class, "HALF_UP HALF_EVEN DOWN UP FLOOR CEILING");
        VALUES.put(
                Integer.class,
                "intValue longValue compareTo equals valueOf parseInt compare min max MAX_VALUE"
                        + " MIN_VALUE");
        VALUES.put(
                Long.class,
                "intValue longValue compareTo equals valueOf parseLong compare min max MAX_VALUE"
                        + " MIN_VALUE");
        VALUES.put(Double.class, "doubleValue compareTo equals valueOf compare");
        VALUES.put(Boolean.class, "booleanValue equals valueOf TRUE FALSE");
        VALUES.put(Number.class, "intValue longValue doubleValue");
        VALUES.put(Math.class, "min max abs");
        VALUES.put(java.util.Objects.class, "equals isNull nonNull requireNonNullElse");
        VALUES.put(
                java.time.LocalDate.class,
                "isBefore isAfter isEqual equals compareTo plusDays minusDays plusWeeks minusWeeks"
                        + " plusMonths minusMonths getYear getMonthValue getDayOfMonth getDayOfWeek"
                        + " toEpochDay of");
        VALUES.put(
                java.time.LocalDateTime.class,
                "isBefore isAfter isEqual equals compareTo plusDays minusDays plusHours minusHours"
                        + " toLocalDate getHour");
        VALUES.put(
                java.time.OffsetDateTime.class,
                "isBefore isAfter isEqual equals compareTo plusDays minusDays plusHours minusHours"
                        + " toLocalDate toInstant getHour");
        VALUES.put(java.time.Instant.class, "isBefore isAfter equals compareTo plus minus");
        VALUES.put(
                java.time.Duration.class,
                "toDays toHours toMinutes compareTo equals isNegative isZero ofDays ofHours"
                        + " between");
        VALUES.put(java.time.temporal.ChronoUnit.class, "between DAYS WEEKS MONTHS HOURS");
        VALUES.put(
                java.time.DayOfWeek.class,
                "getValue SATURDAY SUNDAY MONDAY TUESDAY WEDNESDAY THURSDAY FRIDAY");
        VALUES.put(java.util.Collection.class, "size isEmpty contains containsAll");
        VALUES.put(java.util.List.class, "size isEmpty contains containsAll get indexOf of copyOf");
        VALUES.put(java.util.Set.class, "size isEmpty contains containsAll of copyOf");
        VALUES.put(
                java.util.Map.class,
                "size isEmpty containsKey containsValue get getOrDefault keySet values of copyOf");
        VALUES.put(java.util.ArrayList.class, "");
        VALUES.put(java.util.TreeSet.class, "first last");
        VALUES.put(java.util.LinkedHashMap.class, "");
    }

    private static final Set<Class<?>> CONSTRUCTIBLE =
            Set.of(
                    java.math.BigDecimal.class,
                    java.util.ArrayList.class,
                    java.util.TreeSet.class,
                    java.util.LinkedHashMap.class);

    private static final RuleApi STANDARD = new RuleApi();

    private final Map<String, Type> byName = new LinkedHashMap<>();
    private final Map<String, Type> byQualifiedName = new LinkedHashMap<>();
    private final Set<String> members = new TreeSet<>();
    private final Set<String> properties = new TreeSet<>();

    private RuleApi() {
        for (String name : FACT_CLASSES) {
            Class<?> type = load(name);
            add(new Type(type, factMethods(type), false, "fact"));
            for (Class<?> nested : type.getDeclaredClasses()) {
                if (Modifier.isPublic(nested.getModifiers()) && nested.isEnum()) {
                    add(new Type(nested, factMethods(nested), false, "fact"));
                }
            }
        }
        add(
                new Type(
                        fr.vigie.audit.facts.Violation.class,
                        factMethods(fr.vigie.audit.facts.Violation.class),
                        false,
                        "violation"));
        VALUES.forEach(
                (type, methods) ->
                        add(new Type(type, words(methods), CONSTRUCTIBLE.contains(type), "value")));
    }

    /** The list every workspace rule is checked against. */
    public static RuleApi standard() {
        return STANDARD;
    }

    private void add(Type type) {
        byName.put(type.name(), type);
        byQualifiedName.put(type.qualifiedName(), type);
        for (String method : type.methods()) {
            members.add(method);
            properties.add(method);
            for (String prefix : List.of("get", "is")) {
                if (method.startsWith(prefix)
                        && method.length() > prefix.length()
                        && Character.isUpperCase(method.charAt(prefix.length()))) {
                    properties.add(
                            Character.toLowerCase(method.charAt(prefix.length()))
                                    + method.substring(prefix.length() + 1));
                }
            }
        }
    }

    /**
     * The type a rule names by its simple (or nested) name, such as {@code Deal} or {@code
     * TacticItem.Kind}.
     */
    public Optional<Type> type(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The type a rule names by its full name, such as {@code java.util.TreeSet}. */
    public Optional<Type> qualified(String name) {
        return Optional.ofNullable(byQualifiedName.get(name));
    }

    /** Whether {@code name} is a method a rule may call on a value it holds. */
    public boolean member(String name) {
        return members.contains(name);
    }

    /** Whether {@code name} is a property a condition may read ({@code amount}, {@code won}...). */
    public boolean property(String name) {
        return properties.contains(name);
    }

    public List<Type> types() {
        return List.copyOf(byName.values());
    }

    private static Set<String> factMethods(Class<?> type) {
        Set<String> methods = new TreeSet<>();
        for (Method method : type.getMethods()) {
            Class<?> owner = method.getDeclaringClass();
            if (method.isSynthetic()
                    || method.isBridge()
                    || NEVER.contains(method.getName())
                    || owner == Object.class
                    || owner == Enum.class
                    || owner == Record.class
                    || owner == Comparable.class) {
                continue;
            }
            methods.add(method.getName());
        }
        if (type.isEnum()) {
            Arrays.stream(type.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name())
                    .forEach(methods::add);
            methods.add("name");
        }
        methods.add("equals");
        methods.add("toString");
        return methods;
    }

    private static Set<String> words(String text) {
        return text.isBlank() ? Set.of() : new HashSet<>(Arrays.asList(text.strip().split("\\s+")));
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, RuleApi.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(
                    "the rule API names a class that does not exist: " + name, e);
        }
    }

    /** The allowed API as a Markdown table, for docs/writing-rules.md. */
    public String markdown() {
        StringBuilder out =
                new StringBuilder("| Type | What a workspace rule may use |\n|---|---|\n");
        List<Type> sorted = new ArrayList<>(byName.values());
        sorted.sort(
                java.util.Comparator.comparing((Type t) -> !t.use().equals("fact"))
                        .thenComparing(t -> !t.use().equals("violation"))
                        .thenComparing(Type::qualifiedName));
        for (Type type : sorted) {
            List<String> methods = new ArrayList<>(type.methods());
            Collections.sort(methods);
            out.append("| `")
                    .append(type.qualifiedName())
                    .append("`")
                    .append(type.constructible() ? " (`new`)" : "")
                    .append(" | ")
                    .append(
                            methods.isEmpty()
                                    ? ""
                                    : methods.stream()
                                            .map(m -> "`" + m + "`")
                                            .collect(Collectors.joining(", ")))
                    .append(" |\n");
        }
        return out.toString();
    }
}
