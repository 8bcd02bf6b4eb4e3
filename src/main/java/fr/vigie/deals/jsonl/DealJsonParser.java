package fr.vigie.deals.jsonl;

import fr.vigie.deals.model.Account;
import fr.vigie.deals.model.Activity;
import fr.vigie.deals.model.CloseDateChange;
import fr.vigie.deals.model.Deal;
import fr.vigie.deals.model.Decision;
import fr.vigie.deals.model.Document;
import fr.vigie.deals.model.LineItem;
import fr.vigie.deals.model.Outcome;
import fr.vigie.deals.model.StageChange;
import fr.vigie.problem.DidYouMean;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
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
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(20).maxStringLength(100_000).build())
          .build();

  private static final Set<String> DEAL_FIELDS =
      Set.of(
          "id", "name", "account", "owner", "team", "pipeline", "type", "amount", "currency", "createdAt",
          "closedAt", "expectedCloseDate", "outcome", "lossReason", "fields", "stages", "activities",
          "decisions", "lines", "closeDateChanges", "documents");

  /** A deal that cannot be read: the column (1-based, 0 unknown), the deal id if read, why. */
  public static final class Refusal extends RuntimeException {
    private final int column;
    private final String dealId;

    Refusal(int column, String dealId, String message) {
      super(message, null, false, false);
      this.column = column;
      this.dealId = dealId;
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

  /** Parses {@code json} into a deal, or throws a {@link Refusal}. Not thread-safe: one per thread. */
  public Deal parse(String json) {
    dealId = null;
    try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), json)) {
      parser = p;
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw refuse("", "a deal must be a JSON object { ... } on one line");
      }
      Deal deal = readDeal();
      if (p.nextToken() != null) {
        throw refuse("", "unexpected text after the deal's closing brace: one deal per line");
      }
      return deal;
    } catch (JacksonException e) {
      int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
      throw new Refusal(column, dealId, "malformed JSON: " + e.getOriginalMessage());
    } finally {
      parser = null;
    }
  }

  private Deal readDeal() {
    Map<String, Object> values = new LinkedHashMap<>();
    int startColumn = column();
    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
      String field = parser.currentName();
      if (!DEAL_FIELDS.contains(field)) {
        throw refuse(field, "unknown field '" + field + "'" + hint(field, DEAL_FIELDS));
      }
      if (values.containsKey(field)) {
        throw refuse(field, "field '" + field + "' is written twice");
      }
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
      case "account" -> readObject("account", this::readAccount);
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
    String id = (String) v.get("id");
    if (id == null) {
      throw new Refusal(column, null, "the deal has no 'id'");
    }
    OffsetDateTime created = (OffsetDateTime) v.get("createdAt");
    if (created == null) {
      throw new Refusal(column, id, "the deal has no 'createdAt' (when it was created, with its offset)");
    }
    List<StageChange> stages = list(v, "stages");
    if (stages.isEmpty()) {
      throw new Refusal(column, id, "the deal has no stage history ('stages'): nothing can be audited");
    }
    for (int i = 1; i < stages.size(); i++) {
      if (stages.get(i).at().isBefore(stages.get(i - 1).at())) {
        throw new Refusal(
            column,
            id,
            "events out of order: stages["
                + i
                + "] ("
                + stages.get(i).stage()
                + ", "
                + stages.get(i).at()
                + ") is dated before stages["
                + (i - 1)
                + "] ("
                + stages.get(i - 1).stage()
                + ", "
                + stages.get(i - 1).at()
                + "); list the stage history in time order");
      }
    }
    Outcome outcome = v.containsKey("outcome") ? (Outcome) v.get("outcome") : Outcome.OPEN;
    OffsetDateTime closed = (OffsetDateTime) v.get("closedAt");
    if (outcome.isClosed() && closed == null) {
      throw new Refusal(column, id, "the deal is " + outcome.name().toLowerCase(Locale.ROOT) + " but has no 'closedAt'");
    }
    if (!outcome.isClosed() && closed != null) {
      throw new Refusal(column, id, "the deal has a 'closedAt' but its outcome is open: set 'outcome' to won or lost, or remove 'closedAt'");
    }
    Account account = v.containsKey("account") ? (Account) v.get("account") : new Account(null, null, null, null, null);
    return new Deal(
        id,
        (String) v.get("name"),
        account,
        (String) v.get("owner"),
        (String) v.get("team"),
        (String) v.get("pipeline"),
        (String) v.get("type"),
        (BigDecimal) v.get("amount"),
        (String) v.get("currency"),
        created,
        closed,
        (LocalDate) v.get("expectedCloseDate"),
        outcome,
        (String) v.get("lossReason"),
        v.containsKey("fields") ? fieldsMap(v) : Map.of(),
        stages,
        sorted(list(v, "activities"), Activity::at),
        sorted(list(v, "decisions"), Decision::at),
        list(v, "lines"),
        sorted(list(v, "closeDateChanges"), CloseDateChange::at),
        sorted(list(v, "documents"), Document::at));
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

  private static <T> List<T> sorted(List<T> items, Function<T, OffsetDateTime> time) {
    List<T> copy = new ArrayList<>(items);
    copy.sort(java.util.Comparator.comparing(time, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())));
    return copy;
  }

  private Account readAccount(String path, Map<String, Object> v) {
    return new Account(
        (String) v.get("id"), (String) v.get("name"), (String) v.get("segment"), (String) v.get("industry"), (String) v.get("region"));
  }

  private StageChange readStage(String path, Map<String, Object> v) {
    return new StageChange(required(path, v, "stage"), required(path, v, "at"), (String) v.get("by"));
  }

  private Activity readActivity(String path, Map<String, Object> v) {
    return new Activity(required(path, v, "type"), required(path, v, "at"), (String) v.get("by"), (String) v.get("outcome"));
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
    BigDecimal unit = v.containsKey("unitPrice") ? (BigDecimal) v.get("unitPrice") : list;
    BigDecimal discount = v.containsKey("discount") ? (BigDecimal) v.get("discount") : BigDecimal.ZERO;
    if (discount.compareTo(BigDecimal.valueOf(100)) > 0) {
      throw refuse(path + ".discount", "discount is a percentage between 0 and 100, not " + discount.toPlainString());
    }
    BigDecimal quantity = v.containsKey("quantity") ? (BigDecimal) v.get("quantity") : BigDecimal.ONE;
    if (quantity.signum() <= 0) {
      throw refuse(path + ".quantity", "quantity must be above 0, not " + quantity.toPlainString());
    }
    return new LineItem((String) v.get("product"), quantity, list, unit, discount);
  }

  private CloseDateChange readCloseDateChange(String path, Map<String, Object> v) {
    return new CloseDateChange(required(path, v, "at"), (LocalDate) v.get("from"), required(path, v, "to"), (String) v.get("by"));
  }

  private Document readDocument(String path, Map<String, Object> v) {
    return new Document(required(path, v, "type"), required(path, v, "at"), (String) v.get("name"));
  }

  @SuppressWarnings("unchecked")
  private <T> T required(String path, Map<String, Object> v, String key) {
    Object value = v.get(key);
    if (value == null) {
      throw refuse(path, path + " needs '" + key + "'");
    }
    return (T) value;
  }

  /** Reads an object whose fields are all simple values of known kinds. */
  private <T> T readObject(String path, ObjectBuilder<T> builder) {
    if (parser.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw refuse(path, path + " must be an object { ... }");
    }
    Map<String, Object> values = new LinkedHashMap<>();
    Set<String> known = knownFields(path);
    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
      String field = parser.currentName();
      String fieldPath = path + "." + field;
      if (!known.contains(field)) {
        throw refuse(fieldPath, "unknown field '" + fieldPath + "'" + hint(field, known));
      }
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
      throw refuse(path, path + " must be a list [ ... ]");
    }
    List<T> items = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      items.add(readObject(path + "[" + items.size() + "]", builder));
    }
    return items;
  }

  private static Set<String> knownFields(String path) {
    String base = path.replaceAll("\\[\\d+]$", "");
    return switch (base) {
      case "account" -> Set.of("id", "name", "segment", "industry", "region");
      case "stages" -> Set.of("stage", "at", "by");
      case "activities" -> Set.of("type", "at", "by", "outcome");
      case "decisions" -> Set.of("type", "value", "by", "role", "at", "comment");
      case "lines" -> Set.of("product", "quantity", "listPrice", "unitPrice", "discount");
      case "closeDateChanges" -> Set.of("at", "from", "to", "by");
      case "documents" -> Set.of("type", "at", "name");
      default -> Set.of();
    };
  }

  private Object readSimple(String path, String field) {
    return switch (field) {
      case "at" -> timestamp(path);
      case "from", "to" -> date(path);
      case "quantity", "listPrice", "unitPrice", "discount" -> nonNegative(path, decimal(path));
      case "value" -> scalarText(path);
      default -> text(path);
    };
  }

  private Map<String, String> readFieldsMap() {
    if (parser.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw refuse("fields", "'fields' must be an object of name: value");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
      String name = parser.currentName();
      parser.nextToken();
      String value = scalarText("fields." + name);
      if (value != null) {
        fields.put(name, value);
      }
    }
    return fields;
  }

  private String text(String path) {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.VALUE_STRING) {
      throw refuse(path, path + " must be a string in double quotes");
    }
    String value = parser.getString().strip();
    return value.isEmpty() ? null : value;
  }

  /** A string, number or boolean, kept as text. */
  private String scalarText(String path) {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (!token.isScalarValue()) {
      throw refuse(path, path + " must be a single value");
    }
    String value = parser.getString().strip();
    return value.isEmpty() ? null : value;
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
      try {
        return new BigDecimal(parser.getString().strip());
      } catch (NumberFormatException e) {
        throw refuse(path, path + " must be a number, not '" + parser.getString() + "'");
      }
    }
    throw refuse(path, path + " must be a number");
  }

  private BigDecimal nonNegative(String path, BigDecimal value) {
    if (value != null && value.signum() < 0) {
      throw refuse(path, path + " is negative (" + value.toPlainString() + "): amounts and prices must be 0 or more");
    }
    return value;
  }

  private OffsetDateTime timestamp(String path) {
    String raw = text(path);
    if (raw == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(raw);
    } catch (DateTimeParseException e) {
      String why =
          raw.matches("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+")
              ? " has no offset: add Z for UTC or the local offset, e.g. " + raw + "+02:00"
              : " is not a date-time; write ISO 8601 with an offset, e.g. 2026-07-01T09:30:00+02:00";
      throw refuse(path, "bad date: " + path + " '" + raw + "'" + why);
    }
  }

  private LocalDate date(String path) {
    String raw = text(path);
    if (raw == null) {
      return null;
    }
    try {
      return LocalDate.parse(raw);
    } catch (DateTimeParseException e) {
      throw refuse(path, "bad date: " + path + " '" + raw + "' is not a date written YYYY-MM-DD");
    }
  }

  private Outcome outcome() {
    String raw = text("outcome");
    if (raw == null) {
      return null;
    }
    return switch (raw.toLowerCase(Locale.ROOT)) {
      case "open" -> Outcome.OPEN;
      case "won" -> Outcome.WON;
      case "lost" -> Outcome.LOST;
      default -> throw refuse("outcome", "outcome must be open, won or lost, not '" + raw + "'");
    };
  }

  private String currency() {
    String raw = text("currency");
    if (raw != null && !raw.matches("[A-Z]{3}")) {
      throw refuse("currency", "currency must be an ISO 4217 code such as EUR, not '" + raw + "'");
    }
    return raw;
  }

  private static String hint(String field, Set<String> known) {
    String hint = DidYouMean.hint(field, known.stream().sorted().toList());
    return hint.isEmpty() ? "; known fields: " + String.join(", ", known.stream().sorted().toList()) : hint;
  }

  private Refusal refuse(String path, String message) {
    return new Refusal(column(), dealId, message);
  }

  private int column() {
    return parser == null ? 0 : parser.currentTokenLocation().getColumnNr();
  }

  @FunctionalInterface
  private interface ObjectBuilder<T> {
    T build(String path, Map<String, Object> values);
  }
}
