package fr.vigie.server.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.vigie.server.LocalPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.env.MockEnvironment;

/** The server refuses a PostgreSQL role for which row-level security would not apply. */
class DatabaseRoleIT {

    @Test
    void should_refuse_to_start_as_a_superuser() {
        // GIVEN a connection as postgres, a superuser
        LocalPostgres.drop(LocalPostgres.freshSchema());
        DriverManagerDataSource superuser =
                new DriverManagerDataSource(LocalPostgres.URL, "postgres", "");

        // WHEN the server checks its database
        // THEN it stops, saying why and what to do
        assertThatThrownBy(
                        () ->
                                new Database(
                                        superuser,
                                        JdbcClient.create(superuser),
                                        new MockEnvironment()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("superuser or has BYPASSRLS")
                .hasMessageContaining("docs/server.md");
    }
}
