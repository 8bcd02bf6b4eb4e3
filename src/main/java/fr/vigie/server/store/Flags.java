package fr.vigie.server.store;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The admin's switches, kept in the database (no client data). */
@Component
public class Flags {

    /** Whether audits may run a workspace's own DRL rules without confinement (off by default). */
    public static final String UNCONFINED_RULES = "unconfined-rules";

    /** Set once the sample client was imported, so that deleting it does not bring it back. */
    public static final String SAMPLE_IMPORTED = "sample-imported";

    private final JdbcClient jdbc;

    Flags(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean on(String name) {
        return jdbc.sql("select setting from server_setting where name = ?")
                .param(name)
                .query(String.class)
                .optional()
                .map("true"::equals)
                .orElse(false);
    }

    public void set(String name, boolean on) {
        if (jdbc.sql("update server_setting set setting = ? where name = ?")
                        .params(String.valueOf(on), name)
                        .update()
                == 0) {
            jdbc.sql("insert into server_setting (name, setting) values (?, ?)")
                    .params(name, String.valueOf(on))
                    .update();
        }
    }
}
