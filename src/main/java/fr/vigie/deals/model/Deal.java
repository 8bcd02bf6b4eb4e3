package fr.vigie.deals.model;

import fr.vigie.common.Outcome;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * One opportunity as exported from the CRM, in Vigie's canonical form. Lists are in time order;
 * {@code stages} ends with the terminal stage when the deal is closed. {@code partialEvidence}:
 * what its source could not give in full for this deal (HubSpot's history cut at 20 changes), so
 * that the rules needing it do not judge it.
 */
public record Deal(
        String id,
        String name,
        Account account,
        String owner,
        String team,
        String pipeline,
        String type,
        BigDecimal amount,
        String currency,
        OffsetDateTime createdAt,
        OffsetDateTime closedAt,
        LocalDate expectedCloseDate,
        Outcome outcome,
        String lossReason,
        Map<String, String> fields,
        List<StageChange> stages,
        List<Activity> activities,
        List<Decision> decisions,
        List<LineItem> lines,
        List<CloseDateChange> closeDateChanges,
        List<Document> documents,
        List<PartialEvidence> partialEvidence) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Deal {
        fields = Map.copyOf(fields);
        stages = List.copyOf(stages);
        activities = List.copyOf(activities);
        decisions = List.copyOf(decisions);
        lines = List.copyOf(lines);
        closeDateChanges = List.copyOf(closeDateChanges);
        documents = List.copyOf(documents);
        partialEvidence = List.copyOf(partialEvidence);
    }

    public boolean isWon() {
        return outcome == Outcome.WON;
    }

    public boolean isLost() {
        return outcome == Outcome.LOST;
    }

    public boolean isOpen() {
        return outcome == Outcome.OPEN;
    }

    public boolean hasField(String field) {
        String value = fields.get(field);
        return value != null && !value.isBlank();
    }

    /** The discount against list prices over all lines, in percent (0 without lines). */
    public BigDecimal discountPercent() {
        BigDecimal list = BigDecimal.ZERO;
        BigDecimal net = BigDecimal.ZERO;
        for (LineItem line : lines) {
            list = list.add(line.listTotal());
            net = net.add(line.netTotal());
        }
        if (list.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return BigDecimal.ONE
                .subtract(net.divide(list, 8, RoundingMode.HALF_EVEN))
                .multiply(HUNDRED)
                .setScale(2, RoundingMode.HALF_EVEN);
    }

    /** The lines' total at list prices. */
    public BigDecimal listTotal() {
        return lines.stream().map(LineItem::listTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The lines' total after discounts: what the customer pays. */
    public BigDecimal netTotal() {
        return lines.stream().map(LineItem::netTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Whether every line carries its unit cost, so that the margin is known. */
    public boolean hasCosts() {
        return !lines.isEmpty() && lines.stream().allMatch(LineItem::hasCost);
    }

    /** The margin in percent of the net total, or null when costs are not all known. */
    public BigDecimal marginPercent() {
        BigDecimal net = netTotal();
        if (!hasCosts() || net.signum() == 0) {
            return null;
        }
        BigDecimal cost =
                lines.stream().map(LineItem::costTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
        return net.subtract(cost)
                .divide(net, 8, RoundingMode.HALF_EVEN)
                .multiply(HUNDRED)
                .setScale(2, RoundingMode.HALF_EVEN);
    }

    /** Whether the account is {@code idOrName}, by its CRM id or its name. */
    public boolean isAccount(String idOrName) {
        return idOrName != null
                && (idOrName.equals(account.id()) || idOrName.equalsIgnoreCase(account.name()));
    }

    /** What the discount costs against list prices, in the deal's currency. */
    public BigDecimal discountAmount() {
        BigDecimal given = BigDecimal.ZERO;
        for (LineItem line : lines) {
            given = given.add(line.listTotal().subtract(line.netTotal()));
        }
        return given.setScale(2, RoundingMode.HALF_EVEN);
    }

    public boolean hasActivity(String activityType) {
        return activities.stream().anyMatch(a -> a.type().equals(activityType));
    }

    public boolean hasDocument(String documentType) {
        return documents.stream().anyMatch(d -> d.type().equals(documentType));
    }

    public int closeDatePushes() {
        return (int) closeDateChanges.stream().filter(CloseDateChange::isPushedBack).count();
    }

    public String lastStage() {
        return stages.isEmpty() ? null : stages.get(stages.size() - 1).stage();
    }
}
