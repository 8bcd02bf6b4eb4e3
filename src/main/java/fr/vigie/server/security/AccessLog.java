package fr.vigie.server.security;

import fr.vigie.server.store.ClientScope;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Who opened which of a client's pages, reports or findings, and when: the client's CEO reads it.
 */
@Component
public class AccessLog {

    /** What was opened. */
    public enum Action {
        DASHBOARD,
        QUARTER,
        COMPARISON,
        DEAL,
        FINDINGS,
        REPORT,
        RUN
    }

    /** One line of the log. */
    public record Entry(
            OffsetDateTime at, String username, String name, Action action, String subject) {}

    private final ClientScope scope;
    private final Clock clock;

    AccessLog(ClientScope scope, Clock clock) {
        this.scope = scope;
        this.clock = clock;
    }

    public void record(SignedIn who, UUID client, Action action, String subject) {
        scope.update(
                client,
                tx ->
                        tx.jdbc()
                                .sql(
                                        "insert into access_log (client_id, account_id, username,"
                                                + " at, action, subject) values (?, ?, ?, ?, ?, ?)")
                                .params(
                                        tx.client(),
                                        who.id(),
                                        who.getUsername(),
                                        OffsetDateTime.now(clock),
                                        action.name(),
                                        subject)
                                .update());
    }

    /** The last {@code limit} lines, newest first. */
    public List<Entry> latest(UUID client, int limit) {
        return scope.read(
                client,
                tx ->
                        tx.jdbc()
                                .sql(
                                        "select l.at, l.username, a.display_name, l.action,"
                                            + " l.subject from access_log l join account a on a.id"
                                            + " = l.account_id where l.client_id = ? order by l.at"
                                            + " desc, l.id desc limit "
                                                + limit)
                                .param(tx.client())
                                .query(
                                        (rs, n) ->
                                                new Entry(
                                                        rs.getObject(1, OffsetDateTime.class),
                                                        rs.getString(2),
                                                        rs.getString(3),
                                                        Action.valueOf(rs.getString(4)),
                                                        rs.getString(5)))
                                .list());
    }
}
