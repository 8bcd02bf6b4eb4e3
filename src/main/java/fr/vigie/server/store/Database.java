package fr.vigie.server.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which database the server runs on, checked at start: on PostgreSQL the row-level security must
 * apply to the server's own role, so a superuser or a role with BYPASSRLS is refused.
 */
@Component
public class Database {

    private final boolean postgres;
    private final String product;

    Database(DataSource dataSource, JdbcClient jdbc, Environment environment) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            product = connection.getMetaData().getDatabaseProductName();
        }
        postgres = product.toLowerCase(java.util.Locale.ROOT).contains("postgres");
        if (!postgres && environment.matchesProfiles("postgres")) {
            throw new IllegalStateException(
                    "the postgres profile is active but the database is "
                            + product
                            + ": set SPRING_DATASOURCE_URL=jdbc:postgresql://HOST:5432/DB (and"
                            + " SPRING_DATASOURCE_USERNAME, SPRING_DATASOURCE_PASSWORD)");
        }
        if (postgres) {
            Boolean bypass =
                    jdbc.sql(
                                    "select rolsuper or rolbypassrls from pg_roles where rolname ="
                                            + " current_user")
                            .query(Boolean.class)
                            .single();
            if (Boolean.TRUE.equals(bypass)) {
                throw new IllegalStateException(
                        "the database role of the server is a superuser or has BYPASSRLS: row-level"
                            + " security would not seal the clients off from each other. Connect as"
                            + " a role without them (see docs/server.md, PostgreSQL)");
            }
        }
    }

    public boolean isPostgres() {
        return postgres;
    }

    /** The database product, for the console and the admin page. */
    public String product() {
        return product;
    }
}
