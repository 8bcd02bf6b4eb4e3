package fr.vigie.server;

import org.junit.jupiter.api.Test;

/** Clients sealed off from each other on H2, where every query's scope is the only seal. */
class ClientIsolationTest extends ServerTest {

    @Test
    void should_answer_not_found_to_anyone_asking_for_another_clients_pages_files_and_ids()
            throws Exception {
        new Isolation(mvc, testClients).check(this::signIn, this::settled, "h2");
    }
}
