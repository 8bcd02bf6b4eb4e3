package fr.vigie.deals.imports;

import fr.vigie.deals.input.InvalidValue;
import fr.vigie.common.DidYouMean;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A table of a mapping that turns a CRM's values into Vigie's: stage names into the process's
 * stages, activity types, pipeline names... A value is matched trimmed and in any case; a value the
 * table does not list is refused with the table's place and the closest name, never passed on.
 */
public final class Translation {

  private final String key;
  private final String mapping;
  private final Map<String, String> table = new HashMap<>();
  private final List<String> names;

  /**
   * @param key the table's key as written in the mapping ("stages", "values.type")
   * @param mapping the mapping file as shown
   * @param entries CRM value → Vigie's value, in the mapping's order
   */
  public Translation(String key, String mapping, Map<String, String> entries) {
    this.key = key;
    this.mapping = mapping;
    entries.forEach((from, to) -> table.put(normal(from), to));
    this.names = List.copyOf(entries.keySet());
  }

  private static String normal(String value) {
    return value.strip().toLowerCase(Locale.ROOT);
  }

  public boolean isEmpty() {
    return names.isEmpty();
  }

  /** The CRM values the table lists, as written. */
  public List<String> names() {
    return names;
  }

  /** Whether the table lists {@code value}. */
  public boolean knows(String value) {
    return value != null && table.containsKey(normal(value));
  }

  /**
   * Vigie's value for {@code value}, null for null; {@code what} names the value in the message
   * ("stage", "activity type") and {@code field} the column it was read from.
   */
  public String apply(String field, String what, String value) {
    if (value == null) {
      return null;
    }
    String found = table.get(normal(value));
    if (found == null) {
      throw new InvalidValue(field, "unknown " + what + " '" + value + "': not in " + key + ": of " + mapping
          + DidYouMean.hint(value, names) + "; add it there with the value Vigie should read");
    }
    return found;
  }

  /** Like {@link #apply}, but a table left empty passes values on as they are. */
  public String applyIfAny(String field, String what, String value) {
    return isEmpty() ? value : apply(field, what, value);
  }
}
