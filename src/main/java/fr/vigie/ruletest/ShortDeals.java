package fr.vigie.ruletest;

import fr.vigie.common.InvalidInputException;
import fr.vigie.common.Location;
import fr.vigie.common.Outcome;
import fr.vigie.process.model.SalesProcess;
import fr.vigie.process.model.StageSpec;
import fr.vigie.yaml.YamlList;
import fr.vigie.yaml.YamlMap;
import fr.vigie.yaml.YamlNode;
import fr.vigie.yaml.YamlScalar;
import java.io.StringWriter;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Expands a test deal written in short form into the canonical JSON form, so that test deals are
 * read by the same parser as real ones. Short forms: {@code "qualification 2026-07-05"} for a stage
 * change, activity or document; dates without time (09:00 in the client's zone) or {@code
 * "2026-07-05 14:30"}; {@code discount: 15} for one line at 15%; {@code outcome} and {@code
 * closedAt} inferred from the last stage; everything else defaulted.
 */
final class ShortDeals {

    private static final Set<String> TIMESTAMPS = Set.of("at", "createdAt", "closedAt");
    private static final Map<String, String> SHORT_LISTS =
            Map.of("stages", "stage", "activities", "type", "documents", "type");
    private final ZoneId zone;
    private final Map<String, Outcome> terminals = new HashMap<>();

    ShortDeals(ZoneId zone, List<SalesProcess> processes) {
        this.zone = zone;
        for (SalesProcess process : processes) {
            process.versions()
                    .forEach(
                            v ->
                                    v.stages().stream()
                                            .filter(StageSpec::isTerminal)
                                            .forEach(s -> terminals.put(s.id(), s.terminal())));
        }
    }

    /**
     * The canonical JSON line for the test deal {@code node}, numbered {@code index} in its case.
     */
    String toJson(YamlNode node, int index) {
        if (!(node instanceof YamlMap deal)) {
            throw InvalidInputException.at(
                    node.location(), "a test deal must be a mapping (id:, stages: ...)");
        }
        StringWriter text = new StringWriter();
        try (JsonGenerator json =
                new JsonFactory().createGenerator(ObjectWriteContext.empty(), text)) {
            json.writeStartObject();
            String id = scalar(deal, "id", "D-" + (index + 1));
            json.writeStringProperty("id", id);
            if (deal.get("name") == null) {
                json.writeStringProperty("name", "Affaire " + id);
            }
            if (deal.get("account") == null) {
                json.writeName("account");
                json.writeStartObject();
                json.writeStringProperty("name", "Client test");
                json.writeStringProperty("segment", "PME");
                json.writeEndObject();
            }
            if (deal.get("owner") == null) {
                json.writeStringProperty("owner", "rep");
            }
            if (deal.get("amount") == null) {
                json.writeNumberProperty("amount", 10000);
            }
            List<String[]> stages = stageTimes(deal);
            if (deal.get("createdAt") == null && !stages.isEmpty()) {
                json.writeStringProperty("createdAt", stages.get(0)[1]);
            }
            if (!stages.isEmpty() && deal.get("outcome") == null) {
                String[] last = stages.get(stages.size() - 1);
                Outcome outcome = terminals.getOrDefault(last[0], Outcome.OPEN);
                if (outcome != Outcome.OPEN) {
                    json.writeStringProperty(
                            "outcome", outcome.name().toLowerCase(java.util.Locale.ROOT));
                    if (deal.get("closedAt") == null) {
                        json.writeStringProperty("closedAt", last[1]);
                    }
                }
            }
            for (YamlMap.Entry entry : deal.entries().values()) {
                if (entry.key().equals("id")) {
                    continue;
                }
                if (entry.key().equals("discount")) {
                    writeDiscountLine(json, entry.value());
                    continue;
                }
                json.writeName(entry.key());
                write(json, entry.key(), entry.value());
            }
            json.writeEndObject();
        }
        return text.toString();
    }

    private void writeDiscountLine(JsonGenerator json, YamlNode value) {
        json.writeName("lines");
        json.writeStartArray();
        json.writeStartObject();
        json.writeStringProperty("product", "P-1");
        json.writeNumberProperty("listPrice", 10000);
        json.writeName("discount");
        json.writeNumber(new java.math.BigDecimal(text(value)));
        json.writeEndObject();
        json.writeEndArray();
    }

    private List<String[]> stageTimes(YamlMap deal) {
        YamlNode stages = deal.get("stages");
        if (!(stages instanceof YamlList list)) {
            return List.of();
        }
        return list.items().stream()
                .map(
                        item -> {
                            if (item instanceof YamlScalar scalar) {
                                String[] parts = splitShort(scalar);
                                return new String[] {
                                    parts[0], timestamp(parts[1], scalar.location())
                                };
                            }
                            YamlMap map = (YamlMap) item;
                            return new String[] {
                                text(map.get("stage")),
                                timestamp(text(map.get("at")), map.location())
                            };
                        })
                .toList();
    }

    private void write(JsonGenerator json, String key, YamlNode value) {
        if (value instanceof YamlMap map) {
            json.writeStartObject();
            for (YamlMap.Entry entry : map.entries().values()) {
                json.writeName(entry.key());
                write(json, entry.key(), entry.value());
            }
            json.writeEndObject();
        } else if (value instanceof YamlList list) {
            json.writeStartArray();
            for (YamlNode item : list.items()) {
                if (item instanceof YamlScalar scalar && SHORT_LISTS.containsKey(key)) {
                    String[] parts = splitShort(scalar);
                    json.writeStartObject();
                    json.writeStringProperty(SHORT_LISTS.get(key), parts[0]);
                    json.writeStringProperty("at", timestamp(parts[1], scalar.location()));
                    json.writeEndObject();
                } else {
                    write(json, key, item);
                }
            }
            json.writeEndArray();
        } else {
            YamlScalar scalar = (YamlScalar) value;
            if (scalar.isNull()) {
                json.writeNull();
            } else if (TIMESTAMPS.contains(key)) {
                json.writeString(timestamp(scalar.value(), scalar.location()));
            } else {
                json.writeString(scalar.value());
            }
        }
    }

    private static String[] splitShort(YamlScalar scalar) {
        String[] parts = scalar.value().strip().split("\\s+", 2);
        if (parts.length < 2) {
            throw InvalidInputException.at(
                    scalar.location(),
                    "write '<name> <date>', e.g. 'qualification 2026-07-05', not '"
                            + scalar.value()
                            + "'");
        }
        return parts;
    }

    private String timestamp(String raw, Location where) {
        String value = raw.strip();
        try {
            if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(value)
                        .atTime(9, 0)
                        .atZone(zone)
                        .toOffsetDateTime()
                        .toString();
            }
            if (value.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}")) {
                return LocalDateTime.parse(value.replace(' ', 'T'))
                        .atZone(zone)
                        .toOffsetDateTime()
                        .toString();
            }
            return OffsetDateTime.parse(value).toString();
        } catch (DateTimeParseException e) {
            throw InvalidInputException.at(
                    where,
                    "'"
                            + raw
                            + "' is not a date: write 2026-07-05, 2026-07-05 14:30 or an ISO"
                            + " date-time with offset");
        }
    }

    private static String scalar(YamlMap map, String key, String otherwise) {
        YamlNode node = map.get(key);
        return node instanceof YamlScalar scalar && !scalar.isNull()
                ? scalar.value().strip()
                : otherwise;
    }

    private static String text(YamlNode node) {
        return node instanceof YamlScalar scalar && !scalar.isNull() ? scalar.value().strip() : "";
    }
}
