package fr.vigie.deals.jsonl;

import fr.vigie.common.DidYouMean;
import fr.vigie.common.Message;
import fr.vigie.common.Outcome;
import fr.vigie.deals.input.DealChecks;
import fr.vigie.deals.input.DealDraft;
import fr.vigie.deals.input.InvalidValue;
import fr.vigie.deals.input.Values;
import fr.vigie.deals.model.Account;
import fr.vigie.deals.model.Activity;
import fr.vigie.deals.model.CloseDateChange;
import fr.vigie.deals.model.Deal;
import fr.vigie.deals.model.Decision;
import fr.vigie.deals.model.Document;
import fr.vigie.deals.model.LineItem;
import fr.vigie.deals.model.StageChange;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;

/**
 * Parses one deal written as a JSON object in Vigie's canonical form (docs/deal-format.md),
 * streaming, and refuses anything it cannot read exactly: unknown fields, wrong types, dates
 * without offsets, negative amounts. A refusal names the field path and the column.
 */
public final class DealJsonParser {

    private static final JsonFactory FACTORY =
            JsonFactory.builder()
                    .streamReadConstraints(
                            StreamReadConstraints.builder()
                                    .maxNestingDepth(20)
                                    .maxStringLength(100_000)
                                    .build())
                    .build();

    private static final DealChecks.Names NAMES =
            new DealChecks.Names("id", "createdAt", "closedAt", "outcome", "stages", "'stages'");

    private static final Set<String> DEAL_FIELDS =
            Set.of(
                    "id",
                    "name",
                    "account",
                    "owner",
                    "team",
                    "pipeline",
                    "type",
                    "amount",
                    "currency",
                    "createdAt",
                    "closedAt",
                    "expectedCloseDate",
                    "outcome",
                    "lossReason",
                    "fields",
                    "stages",
                    "activities",
                    "decisions",
                    "lines",
                    "closeDateChanges",
                    "documents");

    /** A deal that cannot be read: the column (1-based, 0 unknown), the deal id if read, why. */
    public static final class Refusal extends RuntimeException {
        private final int column;
        private final String dealId;

        private final transient Message reason;

        Refusal(int column, String dealId, Message reason) {
            super(reason.toString(), null, false, false);
            this.column = column;
            this.dealId = dealId;
            this.reason = reason;
        }

        /** Why, to be put in words in the run's language. */
        public Message reason() {
            return reason;
        }

        public int column() {
            return column;
        }

        public String dealId() {
            return dealId;
        }
    }

    private JsonParser parser;
    private String dealId;
    private byte[] bytes;
    private int bytesOffset;
    private int bytesLength;

    /**
     * Parses {@code json} into a deal, or throws a {@link Refusal}. Not thread-safe: one per
     * thread.
     */
    public Deal parse(String json) {
        bytes = null;
        return parse(FACTORY.createParser(ObjectReadContext.empty(), json));
    }

    /**
     * Parses one line of UTF-8 bytes (without its line break); bytes that are not UTF-8 are refused
     * as malformed.
     */
    public Deal parse(byte[] utf8, int offset, int length) {
        bytes = utf8;
        bytesOffset = offset;
        bytesLength = length;
        try {
            return parse(FACTORY.createParser(ObjectReadContext.empty(), utf8, offset, length));
        } finally {
            bytes = null;
        }
    }

    private Deal parse(JsonParser source) {
        dealId = null;
        try (JsonParser p = source) {
            parser = p;
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw refuse("", Message.of("json.notObject", "{ ... }"));
            }
            Deal deal = readDeal();
            if (p.nextToken() != null) {
                throw refuse("", Message.of("json.textAfter"));
            }
            return deal;
        } catch (JacksonException e) {
            int column =
                    e.getLocation() == null ? 0 : characterColumn(e.getLocation().getColumnNr());
            String message = e.getOriginalMessage();
            if (message != null && message.startsWith("Invalid UTF-8")) {
                throw new Refusal(column, dealId, Message.of("json.notUtf8"));
            }
            throw new Refusal(column, dealId, Message.of("json.malformed", message));
        } finally {
            parser = null;
        }
    }

    private Deal readDeal() {
        Map<String, Object> values = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        int startColumn = column();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String field = parser.currentName();
            if (!DEAL_FIELDS.contains(field)) {
                throw refuse(
                        field, Message.of("json.unknownField", field, hint(field, DEAL_FIELDS)));
            }
            once(seen, field, field);
            parser.nextToken();
            Object value = readDealField(field);
            if (value != null) {
                values.put(field, value);
            }
            if ("id".equals(field)) {
                dealId = (String) value;
            }
        }
        return build(values, startColumn);
    }

    private Object readDealField(String field) {
        return switch (field) {
            case "account" -> readObject("account", KNOWN_FIELDS.get("account"), this::readAccount);
            case "amount" -> nonNegative("amount", decimal("amount"));
            case "createdAt", "closedAt" -> timestamp(field);
            case "expectedCloseDate" -> date(field);
            case "outcome" -> outcome();
            case "fields" -> readFieldsMap();
            case "stages" -> readArray("stages", this::readStage);
            case "activities" -> readArray("activities", this::readActivity);
            case "decisions" -> readArray("decisions", this::readDecision);
            case "lines" -> readArray("lines", this::readLine);
            case "closeDateChanges" -> readArray("closeDateChanges", this::readCloseDateChange);
            case "documents" -> readArray("documents", this::readDocument);
            case "currency" -> currency();
            case "id" -> scalarText(field);
            default -> text(field);
        };
    }

    private Deal build(Map<String, Object> v, int column) {
        DealDraft draft =
                new DealDraft(
                        (String) v.get("id"),
                        (String) v.get("name"),
                        (Account) v.get("account"),
                        (String) v.get("owner"),
                        (String) v.get("team"),
                        (String) v.get("pipeline"),
                        (String) v.get("type"),
                        (BigDecimal) v.get("amount"),
                        (String) v.get("currency"),
                        (OffsetDateTime) v.get("createdAt"),
                        (OffsetDateTime) v.get("closedAt"),
                        (LocalDate) v.get("expectedCloseDate"),
                        (Outcome) v.get("outcome"),
                        (String) v.get("lossReason"),
                        fieldsMap(v),
                        list(v, "stages"),
                        list(v, "activities"),
                        list(v, "decisions"),
                        list(v, "lines"),
                        list(v, "closeDateChanges"),
                        list(v, "documents"),
                        List.of());
        try {
            return DealChecks.complete(draft, NAMES);
        } catch (InvalidValue invalid) {
            throw new Refusal(column, draft.id(), invalid.reason());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> fieldsMap(Map<String, Object> v) {
        return (Map<String, String>) v.get("fields");
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Map<String, Object> v, String key) {
        Object value = v.get(key);
        return value == null ? List.of() : (List<T>) value;
    }

    private Account readAccount(String path, Map<String, Object> v) {
        return new Account(
                (String) v.get("id"),
                (String) v.get("name"),
                (String) v.get("segment"),
                (String) v.get("industry"),
                (String) v.get("region"));
    }

    private StageChange readStage(String path, Map<String, Object> v) {
        return new StageChange(
                required(path, v, "stage"), required(path, v, "at"), (String) v.get("by"));
    }

    private Activity readActivity(String path, Map<String, Object> v) {
        return new Activity(
                required(path, v, "type"),
                required(path, v, "at"),
                (String) v.get("by"),
                (String) v.get("outcome"));
    }

    private Decision readDecision(String path, Map<String, Object> v) {
        return new Decision(
                required(path, v, "type"),
                (String) v.get("value"),
                (String) v.get("by"),
                (String) v.get("role"),
                required(path, v, "at"),
                (String) v.get("comment"));
    }

    private LineItem readLine(String path, Map<String, Object> v) {
        BigDecimal list = required(path, v, "listPrice");
        return checked(
                () ->
                        DealChecks.lineItem(
                                (String) v.get("product"),
                                (BigDecimal) v.get("quantity"),
                                list,
                                (BigDecimal) v.get("unitPrice"),
                                (BigDecimal) v.get("discount"),
                                (BigDecimal) v.get("unitCost")));
    }

    private CloseDateChange readCloseDateChange(String path, Map<String, Object> v) {
        return new CloseDateChange(
                required(path, v, "at"),
                (LocalDate) v.get("from"),
                required(path, v, "to"),
                (String) v.get("by"));
    }

    private Document readDocument(String path, Map<String, Object> v) {
        return new Document(
                required(path, v, "type"), required(path, v, "at"), (String) v.get("name"));
    }

    @SuppressWarnings("unchecked")
    private <T> T required(String path, Map<String, Object> v, String key) {
        Object value = v.get(key);
        if (value == null) {
            throw refuse(path, Message.of("json.needs", path, key));
        }
        return (T) value;
    }

    /**
     * Reads an object whose fields are all simple values of known kinds, those of {@code known}.
     */
    private <T> T readObject(String path, Set<String> known, ObjectBuilder<T> builder) {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw refuse(path, Message.of("json.mustBeObject", path, "{ ... }"));
        }
        Map<String, Object> values = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String field = parser.currentName();
            String fieldPath = path + "." + field;
            if (!known.contains(field)) {
                throw refuse(
                        fieldPath, Message.of("json.unknownField", fieldPath, hint(field, known)));
            }
            once(seen, field, fieldPath);
            parser.nextToken();
            Object value = readSimple(fieldPath, field);
            if (value != null) {
                values.put(field, value);
            }
        }
        return builder.build(path, values);
    }

    private <T> List<T> readArray(String path, ObjectBuilder<T> builder) {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return List.of();
        }
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw refuse(path, Message.of("json.mustBeList", path));
        }
        Set<String> known = KNOWN_FIELDS.get(path);
        List<T> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(readObject(path + "[" + items.size() + "]", known, builder));
        }
        return items;
    }

    private static final Map<String, Set<String>> KNOWN_FIELDS =
            Map.of(
                    "account", Set.of("id", "name", "segment", "industry", "region"),
                    "stages", Set.of("stage", "at", "by"),
                    "activities", Set.of("type", "at", "by", "outcome"),
                    "decisions", Set.of("type", "value", "by", "role", "at", "comment"),
                    "lines",
                            Set.of(
                                    "product",
                                    "quantity",
                                    "listPrice",
                                    "unitPrice",
                                    "discount",
                                    "unitCost"),
                    "closeDateChanges", Set.of("at", "from", "to", "by"),
                    "documents", Set.of("type", "at", "name"));

    private Object readSimple(String path, String field) {
        return switch (field) {
            case "at" -> timestamp(path);
            case "from", "to" -> date(path);
            case "quantity", "listPrice", "unitPrice", "discount", "unitCost" ->
                    nonNegative(path, decimal(path));
            case "value" -> scalarText(path);
            default -> text(path);
        };
    }

    private Map<String, String> readFieldsMap() {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw refuse("fields", Message.of("json.fieldsObject"));
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            once(seen, name, "fields." + name);
            parser.nextToken();
            String value = scalarText("fields." + name);
            if (value != null) {
                fields.put(name, value);
            }
        }
        return fields;
    }

    /**
     * Refuses a key written twice in one object, whatever its values (null then 999 included):
     * which one would count?
     */
    private void once(Set<String> seen, String key, String path) {
        if (!seen.add(key)) {
            throw refuse(path, Message.of("json.twice", path));
        }
    }

    private String text(String path) {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.VALUE_STRING) {
            throw refuse(path, Message.of("json.mustBeString", path));
        }
        return Values.text(parser.getString());
    }

    /** A string, number or boolean, kept as text. */
    private String scalarText(String path) {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (!token.isScalarValue()) {
            throw refuse(path, Message.of("json.mustBeSingle", path));
        }
        return Values.text(parser.getString());
    }

    private BigDecimal decimal(String path) {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            return parser.getDecimalValue();
        }
        if (token == JsonToken.VALUE_STRING) {
            return checked(() -> Values.decimal(path, parser.getString()));
        }
        throw refuse(path, Message.of("json.mustBeNumber", path));
    }

    private BigDecimal nonNegative(String path, BigDecimal value) {
        return checked(() -> Values.nonNegative(path, value));
    }

    private OffsetDateTime timestamp(String path) {
        String raw = text(path);
        return checked(() -> Values.timestamp(path, raw));
    }

    private LocalDate date(String path) {
        String raw = text(path);
        return checked(() -> Values.date(path, raw));
    }

    private Outcome outcome() {
        String raw = text("outcome");
        return checked(() -> Values.outcome("outcome", raw));
    }

    private String currency() {
        String raw = text("currency");
        return checked(() -> Values.currency("currency", raw));
    }

    /** Runs a shared value check, refusing at the current token when it fails. */
    private <T> T checked(Supplier<T> read) {
        try {
            return read.get();
        } catch (InvalidValue invalid) {
            throw refuse(invalid.field(), invalid.reason());
        }
    }

    private static Message hint(String field, Set<String> known) {
        List<String> names = known.stream().sorted().toList();
        return DidYouMean.closest(field, names)
                .map(name -> Message.of("hint.didYouMean", name))
                .orElseGet(() -> Message.of("hint.knownFields", String.join(", ", names)));
    }

    private Refusal refuse(String path, Message reason) {
        return new Refusal(column(), dealId, reason);
    }

    private int column() {
        return parser == null ? 0 : characterColumn(parser.currentTokenLocation().getColumnNr());
    }

    /** Jackson counts columns in bytes when it reads bytes; people count characters. */
    private int characterColumn(int column) {
        if (bytes == null || column <= 1) {
            return column;
        }
        int prefix = Math.min(column - 1, bytesLength);
        return new String(bytes, bytesOffset, prefix, java.nio.charset.StandardCharsets.UTF_8)
                        .length()
                + 1;
    }

    @FunctionalInterface
    private interface ObjectBuilder<T> {
        T build(String path, Map<String, Object> values);
    }
}
