package fr.vigie.server;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL of this machine (127.0.0.1:5432, trust authentication, database {@code test}), for
 * the tests that need it: mandatory when CI=true, skipped with a message otherwise, as {@link
 * fr.vigie.report.ExternalTool} does for programs. Each test class gets a schema of its own, owned
 * by {@value #ROLE}, a role that is neither a superuser nor BYPASSRLS, so that row-level security
 * applies to it as it does to the server in production.
 */
public final class LocalPostgres {

    public static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String ROLE = "vigie_test_app";

    private LocalPostgres() {}

    /**
     * A fresh schema owned by {@value #ROLE}; skips (or fails on CI) when PostgreSQL cannot be
     * reached.
     */
    public static String freshSchema() {
        String schema =
                "vigie_" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = admin();
                Statement sql = admin.createStatement()) {
            try {
                sql.execute("create role " + ROLE + " login nosuperuser nobypassrls");
            } catch (SQLException e) {
                if (!"42710".equals(e.getSQLState())) {
                    throw e;
                }
            }
            sql.execute("create schema " + schema + " authorization " + ROLE);
            return schema;
        } catch (SQLException e) {
            String message =
                    "PostgreSQL is not reachable at "
                            + URL
                            + " as postgres ("
                            + e.getMessage()
                            + "): start it to run this test (pg_ctlcluster <version> main start);"
                            + " it is mandatory when CI=true.";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message);
            }
            System.err.println("SKIPPED: " + message);
            Assumptions.abort(message);
            throw new IllegalStateException("unreachable");
        }
    }

    public static void drop(String schema) {
        if (schema == null) {
            return;
        }
        try (Connection admin = admin();
                Statement sql = admin.createStatement()) {
            sql.execute("drop schema if exists " + schema + " cascade");
        } catch (SQLException e) {
            System.err.println("could not drop the test schema " + schema + ": " + e.getMessage());
        }
    }

    /** A connection as the server's role, in {@code schema}. */
    static Connection asServer(String schema) throws SQLException {
        return DriverManager.getConnection(URL + "?currentSchema=" + schema, ROLE, "");
    }

    static String url(String schema) {
        return URL + "?currentSchema=" + schema;
    }

    private static Connection admin() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        properties.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(URL, properties);
    }
}
