package fr.vigie.workspace;

import fr.vigie.process.model.RuleSetting;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

/** What {@code vigie.yaml} says about the client. */
public record WorkspaceSettings(
    String client,
    String currency,
    ZoneId zone,
    Locale language,
    Map<String, Person> people,
    Map<String, RuleSetting> ruleSettings) {

  public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Paris");
  public static final Locale DEFAULT_LANGUAGE = Locale.FRENCH;

  public WorkspaceSettings {
    people = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(people));
    ruleSettings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(ruleSettings));
  }

  public String displayName(String personId) {
    Person person = personId == null ? null : people.get(personId);
    return person == null || person.name() == null ? personId : person.name();
  }
}
