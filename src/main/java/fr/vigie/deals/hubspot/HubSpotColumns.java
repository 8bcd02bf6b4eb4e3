package fr.vigie.deals.hubspot;

import fr.vigie.common.Problems;
import fr.vigie.deals.imports.ExportFile;
import fr.vigie.yaml.YamlMap;
import fr.vigie.yaml.YamlObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns of HubSpot's exports Vigie reads, by role: each as HubSpot names it in an export of
 * internal names ({@code dealstage}) and of labels ({@code Deal Stage}). An export in another
 * language names its columns in the mapping ({@code columns: stage: Phase de la transaction}).
 */
final class HubSpotColumns {

    static final Map<String, List<String>> DEALS = new LinkedHashMap<>();
    static final Map<String, List<String>> HISTORY = new LinkedHashMap<>();
    static final Map<String, List<String>> OWNERS = new LinkedHashMap<>();
    static final Map<String, List<String>> LINES = new LinkedHashMap<>();
    static final Map<String, List<String>> STAGES = new LinkedHashMap<>();

    static {
        DEALS.put("id", List.of("Record ID", "hs_object_id", "Deal ID"));
        DEALS.put("name", List.of("Deal Name", "dealname"));
        DEALS.put("stage", List.of("Deal Stage", "dealstage"));
        DEALS.put("pipeline", List.of("Pipeline", "pipeline"));
        DEALS.put("amount", List.of("Amount", "amount"));
        DEALS.put("currency", List.of("Currency", "deal_currency_code"));
        DEALS.put("close-date", List.of("Close Date", "closedate"));
        DEALS.put("create-date", List.of("Create Date", "createdate"));
        DEALS.put("owner", List.of("Deal owner", "Deal Owner", "hubspot_owner_id"));
        DEALS.put("type", List.of("Deal Type", "dealtype"));
        DEALS.put("lost-reason", List.of("Closed Lost Reason", "closed_lost_reason"));
        DEALS.put("closed-won", List.of("Is Closed Won", "hs_is_closed_won"));
        DEALS.put("closed", List.of("Is closed", "Is Closed", "hs_is_closed"));
        HISTORY.put("deal", List.of("Record ID", "Deal ID", "hs_object_id", "objectId"));
        HISTORY.put("property", List.of("Property", "Property name", "propertyName"));
        HISTORY.put("value", List.of("Value", "New value", "value"));
        HISTORY.put("timestamp", List.of("Timestamp", "Changed at", "timestamp"));
        HISTORY.put(
                "user", List.of("Updated by user ID", "User ID", "sourceId", "updatedByUserId"));
        OWNERS.put("id", List.of("Owner ID", "ownerId", "id", "ID"));
        OWNERS.put("email", List.of("Email", "email"));
        OWNERS.put("first-name", List.of("First Name", "firstName"));
        OWNERS.put("last-name", List.of("Last Name", "lastName"));
        LINES.put(
                "deal",
                List.of("Associated Deal ID", "Associated Deal IDs", "Deal ID", "hs_deal_id"));
        LINES.put("product", List.of("Name", "name", "SKU", "hs_sku"));
        LINES.put("quantity", List.of("Quantity", "quantity"));
        LINES.put("price", List.of("Unit price", "price"));
        LINES.put("discount-percent", List.of("Discount percentage", "hs_discount_percentage"));
        LINES.put("discount", List.of("Unit discount", "discount"));
        LINES.put("cost", List.of("Unit cost", "hs_cost_of_goods_sold"));
        STAGES.put("id", List.of("Stage ID", "stageId"));
        STAGES.put("label", List.of("Label", "Stage name", "label"));
        STAGES.put("order", List.of("Display order", "displayOrder"));
    }

    private final Map<String, String> stated;

    private HubSpotColumns(Map<String, String> stated) {
        this.stated = stated;
    }

    /** The columns the mapping names ({@code columns: <role>: <header>}) for the deals file. */
    static HubSpotColumns read(YamlObject root, Problems problems) {
        Map<String, String> stated = new LinkedHashMap<>();
        if (root != null) {
            for (YamlMap.Entry entry : root.entries("columns")) {
                if (!DEALS.containsKey(entry.key())) {
                    problems.error(
                            entry.keyLocation(),
                            "unknown column role '"
                                    + entry.key()
                                    + "'"
                                    + fr.vigie.common.DidYouMean.hint(entry.key(), DEALS.keySet())
                                    + "; columns: names "
                                    + String.join(", ", DEALS.keySet()));
                } else if (entry.value() instanceof fr.vigie.yaml.YamlScalar scalar
                        && !scalar.isNull()) {
                    stated.put(entry.key(), scalar.value().strip());
                }
            }
        }
        return new HubSpotColumns(stated);
    }

    /**
     * The header of the deals file for {@code role}: the mapping's, else the first of HubSpot's
     * names the file has; null when none.
     */
    String deals(ExportFile file, String role) {
        String named = stated.get(role);
        return named != null ? named : file.first(DEALS.get(role).toArray(String[]::new));
    }

    static String in(ExportFile file, Map<String, List<String>> columns, String role) {
        return file.first(columns.get(role).toArray(String[]::new));
    }

    /**
     * Whether a header holds a column of {@code role} in {@code columns} (the header's names
     * lower-cased).
     */
    static boolean has(List<String> header, Map<String, List<String>> columns, String role) {
        return columns.get(role).stream()
                .anyMatch(name -> header.contains(name.toLowerCase(java.util.Locale.ROOT)));
    }
}
