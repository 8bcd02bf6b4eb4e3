package fr.vigie.strategy;

import fr.vigie.common.Location;
import fr.vigie.common.Problems;
import fr.vigie.strategy.model.DecisionRight;
import fr.vigie.strategy.model.Owner;
import fr.vigie.strategy.model.Plan;
import fr.vigie.strategy.model.StrategyItem;
import fr.vigie.strategy.model.StrategyItem.Kind;
import fr.vigie.strategy.model.TacticItem;
import fr.vigie.workspace.Period;
import fr.vigie.workspace.Person;
import fr.vigie.yaml.YamlMap;
import fr.vigie.yaml.YamlNode;
import fr.vigie.yaml.YamlObject;
import fr.vigie.yaml.YamlScalar;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the CEO's {@code strategy.yaml} and the sales director's {@code tactics/<period>.yaml} into
 * the facts of a {@link Plan}, with located errors (unknown keys with did-you-mean, wrong values, a
 * tactics file for another period, an owner unknown to vigie.yaml).
 */
public final class PlanReader {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");
    private final Problems problems;
    private final Map<String, Person> people;

    public PlanReader(Problems problems, Map<String, Person> people) {
        this.problems = problems;
        this.people = people;
    }

    /** The plan from the two files' YAML (either may be null when the file is absent). */
    public Plan read(
            YamlNode strategyRoot,
            String strategyFile,
            YamlNode tacticsRoot,
            String tacticsFile,
            Period period) {
        List<StrategyItem> strategy = new ArrayList<>();
        List<DecisionRight> rights = new ArrayList<>();
        List<TacticItem> tactics = new ArrayList<>();
        Optional<Owner> strategyOwner = Optional.empty();
        Optional<Owner> tacticsOwner = Optional.empty();
        if (strategyRoot != null) {
            strategyOwner = readStrategy(strategyRoot, period, strategy, rights);
        }
        if (tacticsRoot != null) {
            tacticsOwner = readTactics(tacticsRoot, period, tactics);
        }
        deriveQuarterTarget(period, strategy);
        if (strategyOwner.isEmpty()) {
            strategyOwner = Optional.of(new Owner(null, "dirigeant", Owner.Plan.STRATEGY));
        }
        if (tacticsOwner.isEmpty()) {
            tacticsOwner = Optional.of(new Owner(null, "directeur-commercial", Owner.Plan.TACTICS));
        }
        return new Plan(
                strategyOwner, tacticsOwner, strategyFile, tacticsFile, strategy, rights, tactics);
    }

    /** Without a target for the quarter audited, a quarter of the year's target stands for it. */
    private static void deriveQuarterTarget(Period period, List<StrategyItem> strategy) {
        if (period == null || !period.label().contains("-Q")) {
            return;
        }
        boolean explicit =
                strategy.stream()
                        .anyMatch(
                                i ->
                                        i.kind() == Kind.QUARTER_REVENUE_TARGET
                                                && period.label().equals(i.subject()));
        strategy.stream()
                .filter(i -> i.kind() == Kind.REVENUE_TARGET)
                .findFirst()
                .filter(yearly -> !explicit)
                .ifPresent(
                        yearly -> {
                            BigDecimal quarter =
                                    yearly.value()
                                            .divide(
                                                    BigDecimal.valueOf(4),
                                                    0,
                                                    java.math.RoundingMode.HALF_EVEN);
                            strategy.add(
                                    new StrategyItem(
                                            Kind.QUARTER_REVENUE_TARGET,
                                            period.label(),
                                            quarter,
                                            "1/4 × " + yearly.text(),
                                            yearly.owner(),
                                            yearly.location()));
                        });
    }

    private Optional<Owner> readStrategy(
            YamlNode root, Period period, List<StrategyItem> items, List<DecisionRight> rights) {
        YamlObject file =
                YamlObject.of(
                        root,
                        "strategy.yaml",
                        problems,
                        "owner",
                        "role",
                        "year",
                        "targets",
                        "segments",
                        "products",
                        "pricing",
                        "payment-terms",
                        "channels",
                        "strategic-accounts",
                        "decision-rights");
        if (file == null) {
            return Optional.empty();
        }
        Owner owner = owner(file, Owner.Plan.STRATEGY, "dirigeant");
        Integer year = file.integer("year", 2000, 2100);
        if (year == null && !file.has("year")) {
            problems.error(
                    file.location(),
                    "strategy.yaml needs 'year': the year the strategy covers (e.g. year: 2026)");
        } else if (year != null && period != null && period.start().getYear() != year) {
            problems.warning(
                    file.valueLocation("year"),
                    "the strategy is for "
                            + year
                            + " but the period audited is "
                            + period.label()
                            + ": its targets and rules are applied as they are");
        }
        YamlObject targets =
                file.object(
                        "targets",
                        "'targets'",
                        "revenue",
                        "quarters",
                        "margin",
                        "new-customers-share");
        if (targets != null) {
            add(
                    items,
                    Kind.REVENUE_TARGET,
                    null,
                    targets.decimal("revenue", BigDecimal.ZERO, MAX_AMOUNT),
                    owner,
                    targets.valueLocation("revenue"));
            for (YamlMap.Entry quarter : targets.entries("quarters")) {
                if (Period.parse(quarter.key()).isEmpty()) {
                    problems.error(
                            quarter.keyLocation(),
                            "'" + quarter.key() + "' is not a quarter: write 2026-Q3");
                }
                add(
                        items,
                        Kind.QUARTER_REVENUE_TARGET,
                        quarter.key(),
                        number(quarter.value(), "the target of " + quarter.key(), MAX_AMOUNT),
                        owner,
                        quarter.value().location());
            }
            add(
                    items,
                    Kind.MARGIN_TARGET,
                    null,
                    targets.decimal("margin", BigDecimal.ZERO, HUNDRED),
                    owner,
                    targets.valueLocation("margin"));
            add(
                    items,
                    Kind.NEW_CUSTOMERS_SHARE,
                    null,
                    targets.decimal("new-customers-share", BigDecimal.ZERO, HUNDRED),
                    owner,
                    targets.valueLocation("new-customers-share"));
        }
        YamlObject segments = file.object("segments", "'segments'", "focus", "excluded");
        if (segments != null) {
            addNamed(items, Kind.FOCUS_SEGMENT, segments.texts("focus"), owner);
            addNamed(items, Kind.EXCLUDED_SEGMENT, segments.texts("excluded"), owner);
            for (var focus : segments.texts("focus")) {
                segments.texts("excluded").stream()
                        .filter(e -> e.value().equals(focus.value()))
                        .forEach(
                                e ->
                                        problems.error(
                                                e.location(),
                                                "segment '"
                                                        + e.value()
                                                        + "' is both a focus (line "
                                                        + focus.location().line()
                                                        + ") and excluded"));
            }
        }
        YamlObject products = file.object("products", "'products'", "priority");
        if (products != null) {
            addNamed(items, Kind.PRIORITY_PRODUCT, products.texts("priority"), owner);
        }
        YamlObject pricing =
                file.object("pricing", "'pricing'", "max-discount", "min-margin", "product-lines");
        if (pricing != null) {
            add(
                    items,
                    Kind.MAX_DISCOUNT,
                    null,
                    pricing.decimal("max-discount", BigDecimal.ZERO, HUNDRED),
                    owner,
                    pricing.valueLocation("max-discount"));
            add(
                    items,
                    Kind.MIN_MARGIN,
                    null,
                    pricing.decimal("min-margin", BigDecimal.ZERO, HUNDRED),
                    owner,
                    pricing.valueLocation("min-margin"));
            for (YamlMap.Entry line : pricing.entries("product-lines")) {
                YamlObject rules =
                        YamlObject.of(
                                line.value(),
                                "pricing of product line '" + line.key() + "'",
                                problems,
                                "max-discount",
                                "min-margin");
                if (rules != null) {
                    add(
                            items,
                            Kind.MAX_DISCOUNT,
                            line.key(),
                            rules.decimal("max-discount", BigDecimal.ZERO, HUNDRED),
                            owner,
                            rules.valueLocation("max-discount"));
                    add(
                            items,
                            Kind.MIN_MARGIN,
                            line.key(),
                            rules.decimal("min-margin", BigDecimal.ZERO, HUNDRED),
                            owner,
                            rules.valueLocation("min-margin"));
                }
            }
        }
        YamlObject terms = file.object("payment-terms", "'payment-terms'", "max-days");
        if (terms != null) {
            Integer days = terms.integer("max-days", 0, 3650);
            add(
                    items,
                    Kind.MAX_PAYMENT_DAYS,
                    null,
                    days == null ? null : BigDecimal.valueOf(days),
                    owner,
                    terms.valueLocation("max-days"));
        }
        addNamed(items, Kind.CHANNEL, file.texts("channels"), owner);
        addNamed(items, Kind.STRATEGIC_ACCOUNT, file.texts("strategic-accounts"), owner);
        readRights(file, owner, rights);
        return Optional.of(owner);
    }

    private void readRights(YamlObject file, Owner owner, List<DecisionRight> rights) {
        for (YamlMap.Entry role : file.entries("decision-rights")) {
            List<YamlNode> decisions =
                    role.value() instanceof fr.vigie.yaml.YamlList list
                            ? list.items()
                            : List.of(role.value());
            for (YamlNode decision : decisions) {
                if (decision instanceof YamlScalar scalar && !scalar.isNull()) {
                    rights.add(
                            new DecisionRight(
                                    role.key(),
                                    scalar.value().strip(),
                                    null,
                                    null,
                                    owner,
                                    scalar.location()));
                } else if (decision instanceof YamlMap map && map.entries().size() == 1) {
                    YamlMap.Entry only = map.entries().values().iterator().next();
                    YamlObject range =
                            YamlObject.of(
                                    only.value(),
                                    "the range of '" + only.key() + "'",
                                    problems,
                                    "above",
                                    "up-to");
                    if (range != null) {
                        BigDecimal above = range.decimal("above", BigDecimal.ZERO, HUNDRED);
                        BigDecimal upTo = range.decimal("up-to", BigDecimal.ZERO, HUNDRED);
                        if (above != null && upTo != null && upTo.compareTo(above) <= 0) {
                            problems.error(
                                    range.valueLocation("up-to"),
                                    "contradictory range: up-to "
                                            + upTo.toPlainString()
                                            + " is not above "
                                            + above.toPlainString());
                        }
                        rights.add(
                                new DecisionRight(
                                        role.key(),
                                        only.key(),
                                        above,
                                        upTo,
                                        owner,
                                        only.keyLocation()));
                    }
                } else {
                    problems.error(
                            decision.location(),
                            "a decision right is a decision type (pricing-policy) or a type with"
                                    + " its range ({ discount-approval: { up-to: 15 } })");
                }
            }
        }
    }

    private Optional<Owner> readTactics(YamlNode root, Period period, List<TacticItem> items) {
        YamlObject file =
                YamlObject.of(
                        root,
                        "the tactics file",
                        problems,
                        "owner",
                        "role",
                        "period",
                        "campaigns",
                        "discount-grid",
                        "quotas",
                        "territories",
                        "incentives",
                        "payment-terms",
                        "stage-rules");
        if (file == null) {
            return Optional.empty();
        }
        Owner owner = owner(file, Owner.Plan.TACTICS, "directeur-commercial");
        String periodText = file.requiredText("period");
        if (periodText != null && period != null && !periodText.equalsIgnoreCase(period.label())) {
            problems.error(
                    file.valueLocation("period"),
                    "these tactics are for "
                            + periodText
                            + ", not for "
                            + period.label()
                            + ": name the file after its period");
        }
        for (YamlNode node : file.list("campaigns")) {
            YamlObject c =
                    YamlObject.of(
                            node,
                            "a campaign",
                            problems,
                            "id",
                            "name",
                            "segments",
                            "products",
                            "offer",
                            "from",
                            "to");
            if (c == null) {
                continue;
            }
            YamlObject offer = c.object("offer", "the campaign's 'offer'", "discount");
            BigDecimal discount =
                    offer == null ? null : offer.decimal("discount", BigDecimal.ZERO, HUNDRED);
            LocalDate from = c.date("from");
            LocalDate to = c.date("to");
            if (from != null && to != null && to.isBefore(from)) {
                problems.error(
                        c.valueLocation("to"),
                        "the campaign ends (" + to + ") before it starts (" + from + ")");
            }
            String id = c.requiredText("id");
            items.add(
                    new TacticItem(
                            TacticItem.Kind.CAMPAIGN,
                            id,
                            c.text("name") == null ? id : c.text("name"),
                            values(c, "segments"),
                            values(c, "products"),
                            discount,
                            null,
                            null,
                            null,
                            from,
                            to,
                            null,
                            owner,
                            c.location()));
        }
        BigDecimal previous = null;
        for (YamlNode node : file.list("discount-grid")) {
            YamlObject band =
                    YamlObject.of(
                            node, "a band of the discount grid", problems, "up-to", "approver");
            if (band == null) {
                continue;
            }
            BigDecimal upTo = band.decimal("up-to", BigDecimal.ZERO, HUNDRED);
            if (upTo != null && previous != null && upTo.compareTo(previous) <= 0) {
                problems.error(
                        band.valueLocation("up-to"),
                        "the discount grid goes up band by band: "
                                + upTo.toPlainString()
                                + " is not above "
                                + previous.toPlainString());
            }
            previous = upTo == null ? previous : upTo;
            items.add(
                    new TacticItem(
                            TacticItem.Kind.DISCOUNT_BAND,
                            null,
                            null,
                            List.of(),
                            List.of(),
                            upTo,
                            band.requiredText("approver"),
                            null,
                            null,
                            null,
                            null,
                            null,
                            owner,
                            band.location()));
        }
        for (YamlNode node : file.list("quotas")) {
            YamlObject q = YamlObject.of(node, "a quota", problems, "person", "team", "amount");
            if (q == null) {
                continue;
            }
            if (q.has("person") == q.has("team")) {
                problems.error(q.location(), "a quota is for one 'person' or one 'team'");
            }
            String person = q.text("person");
            checkPerson(person, q.valueLocation("person"));
            items.add(
                    new TacticItem(
                            TacticItem.Kind.QUOTA,
                            null,
                            q.text("team"),
                            List.of(),
                            List.of(),
                            q.decimal("amount", BigDecimal.ZERO, MAX_AMOUNT),
                            null,
                            person,
                            null,
                            null,
                            null,
                            null,
                            owner,
                            q.location()));
        }
        for (YamlNode node : file.list("territories")) {
            YamlObject t =
                    YamlObject.of(node, "a territory", problems, "person", "regions", "segments");
            if (t == null) {
                continue;
            }
            String person = t.requiredText("person");
            checkPerson(person, t.valueLocation("person"));
            items.add(
                    new TacticItem(
                            TacticItem.Kind.TERRITORY,
                            null,
                            String.join(", ", values(t, "regions")),
                            values(t, "segments"),
                            List.of(),
                            null,
                            null,
                            person,
                            null,
                            null,
                            null,
                            null,
                            owner,
                            t.location()));
        }
        for (YamlNode node : file.list("incentives")) {
            YamlObject i =
                    YamlObject.of(
                            node,
                            "an incentive",
                            problems,
                            "name",
                            "pays-on",
                            "segments",
                            "products",
                            "min-margin");
            if (i == null) {
                continue;
            }
            String paysOn = i.choice("pays-on", "revenue", "margin", "deals", "new-customers");
            items.add(
                    new TacticItem(
                            TacticItem.Kind.INCENTIVE,
                            null,
                            i.requiredText("name"),
                            values(i, "segments"),
                            values(i, "products"),
                            i.decimal("min-margin", BigDecimal.ZERO, HUNDRED),
                            null,
                            null,
                            paysOn,
                            null,
                            null,
                            null,
                            owner,
                            i.location()));
        }
        YamlObject terms = file.object("payment-terms", "'payment-terms'", "max-days");
        if (terms != null) {
            Integer days = terms.integer("max-days", 0, 3650);
            if (days != null) {
                items.add(
                        new TacticItem(
                                TacticItem.Kind.PAYMENT_TERMS,
                                null,
                                null,
                                List.of(),
                                List.of(),
                                BigDecimal.valueOf(days),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                owner,
                                terms.valueLocation("max-days")));
            }
        }
        for (YamlNode node : file.list("stage-rules")) {
            YamlObject r =
                    YamlObject.of(
                            node,
                            "a stage rule change",
                            problems,
                            "process",
                            "stage",
                            "max-days",
                            "reason");
            if (r == null) {
                continue;
            }
            Integer days = r.integer("max-days", 1, 3650);
            if (r.text("reason") == null) {
                problems.error(r.location(), "a change of stage rule needs a 'reason'");
            }
            items.add(
                    new TacticItem(
                            TacticItem.Kind.STAGE_RULE_CHANGE,
                            r.requiredText("stage"),
                            r.text("reason"),
                            List.of(),
                            List.of(),
                            days == null ? null : BigDecimal.valueOf(days),
                            null,
                            null,
                            null,
                            null,
                            null,
                            r.text("process"),
                            owner,
                            r.location()));
        }
        return Optional.of(owner);
    }

    private Owner owner(YamlObject file, Owner.Plan plan, String defaultRole) {
        String person = file.requiredText("owner");
        checkPerson(person, file.valueLocation("owner"));
        String role = file.text("role");
        if (role == null && person != null && people.containsKey(person)) {
            role = people.get(person).role();
        }
        return new Owner(person, role == null ? defaultRole : role, plan);
    }

    private void checkPerson(String person, Location where) {
        Person.checkKnown(person, people, where, problems);
    }

    private static List<String> values(YamlObject object, String key) {
        return object.texts(key).stream().map(YamlObject.Located::value).toList();
    }

    private BigDecimal number(YamlNode node, String what, BigDecimal max) {
        if (node instanceof YamlScalar scalar && !scalar.isNull()) {
            try {
                BigDecimal value = new BigDecimal(scalar.value().strip());
                if (value.signum() >= 0 && value.compareTo(max) <= 0) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        problems.error(node.location(), what + " must be a number of 0 or more");
        return null;
    }

    /** One item of {@code kind} per name listed (a segment, a product, a channel...). */
    private static void addNamed(
            List<StrategyItem> items,
            Kind kind,
            List<YamlObject.Located<String>> names,
            Owner owner) {
        for (YamlObject.Located<String> name : names) {
            items.add(
                    new StrategyItem(
                            kind, name.value(), null, name.value(), owner, name.location()));
        }
    }

    private static void add(
            List<StrategyItem> items,
            Kind kind,
            String subject,
            BigDecimal value,
            Owner owner,
            Location location) {
        if (value != null) {
            items.add(
                    new StrategyItem(
                            kind,
                            subject,
                            value,
                            value.stripTrailingZeros().toPlainString(),
                            owner,
                            location));
        }
    }
}
