package fr.vigie.deals.imports;

import fr.vigie.common.DidYouMean;
import fr.vigie.deals.input.InvalidValue;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Names the CRM's users as the workspace names its people ({@code c.martin}), so that owners,
 * approvers and reps are the same whatever the source. The mapping says how ({@code people:
 * from:}): by the CRM id as it is, by the part of the user's email before the @, or by the user's
 * name matched with the names of {@code vigie.yaml}'s people; {@code people: map:} lists
 * exceptions.
 */
public final class People {

    /** How a CRM user becomes a person id. */
    public enum From {
        ID("id"),
        EMAIL("email"),
        NAME("name");

        private final String code;

        From(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** What the CRM says of a user: their email, name and job title (any may be null). */
    public record User(String email, String name, String title) {}

    /** Finds a user by their CRM id; null when unknown. */
    public interface Users {
        User find(String crmId);
    }

    /**
     * What the mapping says of people: how users are named, the exceptions, the roles of job
     * titles.
     */
    public record Rule(From from, Map<String, String> exceptions, Translation roles) {

        public Rule {
            exceptions = Map.copyOf(exceptions);
        }

        /**
         * The people of an export whose users are found in {@code users} (read from {@code
         * usersFile}).
         */
        public People people(ImportContext context, String mapping, Users users, String usersFile) {
            return new People(from, exceptions, roles, context, mapping, users, usersFile);
        }
    }

    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final From from;
    private final Map<String, String> exceptions;
    private final Map<String, String> byName = new HashMap<>();
    private final Map<String, String> teams = new HashMap<>();
    private final List<String> names;
    private final Translation roles;
    private final String mapping;
    private final Users users;
    private final String usersFile;

    public People(
            From from,
            Map<String, String> exceptions,
            Translation roles,
            ImportContext context,
            String mapping,
            Users users,
            String usersFile) {
        this.from = from;
        this.exceptions = new HashMap<>();
        exceptions.forEach((crm, person) -> this.exceptions.put(normal(crm), person));
        this.roles = roles;
        this.mapping = mapping;
        this.users = users;
        this.usersFile = usersFile;
        for (ImportContext.Person person : context.people()) {
            if (person.name() != null) {
                byName.put(normal(person.name()), person.id());
            }
            if (!teams.containsKey(person.id())) {
                teams.put(person.id(), person.team());
            }
        }
        this.names =
                context.people().stream()
                        .map(ImportContext.Person::name)
                        .filter(n -> n != null)
                        .toList();
    }

    private static String normal(String text) {
        String plain =
                MARKS.matcher(Normalizer.normalize(text.strip(), Normalizer.Form.NFD))
                        .replaceAll("");
        return SPACES.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ");
    }

    /**
     * The person id of {@code value}: a CRM user id, or a user's name or email when that is what
     * the column holds. Null for null; an {@link InvalidValue} naming {@code field} when it cannot
     * be told.
     */
    public String person(String field, String value) {
        if (value == null) {
            return null;
        }
        String exception = exceptions.get(normal(value));
        if (exception != null) {
            return exception;
        }
        User user = users == null ? null : users.find(value);
        if (user != null) {
            for (String known : new String[] {user.email(), user.name()}) {
                if (known != null && exceptions.containsKey(normal(known))) {
                    return exceptions.get(normal(known));
                }
            }
        }
        return switch (from) {
            case ID -> value;
            case EMAIL -> byEmail(field, value, user);
            case NAME -> byName(field, value, user);
        };
    }

    private String byEmail(String field, String value, User user) {
        String email = user != null ? user.email() : value.contains("@") ? value : null;
        if (email == null) {
            throw new InvalidValue(
                    field,
                    "cannot name the user '"
                            + value
                            + "': "
                            + (user == null ? "not in " + usersFile : "no email in " + usersFile)
                            + ", and "
                            + mapping
                            + " says people: from: email; add them to people: map:");
        }
        return email.substring(0, email.indexOf('@') < 0 ? email.length() : email.indexOf('@'))
                .strip()
                .toLowerCase(Locale.ROOT);
    }

    private String byName(String field, String value, User user) {
        String name = user != null && user.name() != null ? user.name() : value;
        String person = byName.get(normal(name));
        if (person == null) {
            throw new InvalidValue(
                    field,
                    "cannot name the user '"
                            + name
                            + "': not one of the people of vigie.yaml"
                            + DidYouMean.hint(name, names)
                            + "; add them there, or to people: map: of "
                            + mapping);
        }
        return person;
    }

    /**
     * The team of the workspace's person {@code id} (the first listed with that id); null when none
     * or not one of its people.
     */
    public String teamOf(String id) {
        return teams.get(id);
    }

    /**
     * The role of a user with {@code crmId} by their title ({@code roles:}), or null when the table
     * does not list it.
     */
    public String role(String crmId) {
        User user = users == null || crmId == null ? null : users.find(crmId);
        if (user == null || user.title() == null || roles == null || !roles.knows(user.title())) {
            return null;
        }
        return roles.apply("Title", "title", user.title());
    }
}
