package fr.vigie.server;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.server.runs.RunState;
import fr.vigie.server.security.AccessLog;
import fr.vigie.server.security.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every word of the pages comes from the message bundles, in French and in English alike. */
class ServerMessagesTest {

    static final Path TEMPLATES = Path.of("src/main/resources/fr/vigie/server/templates");

    static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in =
                ServerMessagesTest.class.getResourceAsStream("/fr/vigie/server/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void should_have_the_same_keys_in_french_and_english() throws IOException {
        assertThat(new TreeSet<>(bundle("messages_fr.properties").stringPropertyNames()))
                .isEqualTo(new TreeSet<>(bundle("messages.properties").stringPropertyNames()));
    }

    @Test
    void should_know_every_key_the_templates_and_enums_use() throws IOException {
        Set<String> known = bundle("messages.properties").stringPropertyNames();
        List<String> used = new ArrayList<>();
        Pattern key = Pattern.compile("#\\{([a-zA-Z0-9_.]+)");
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = key.matcher(Files.readString(file));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        for (RunState state : RunState.values()) {
            used.add("state." + state.name());
        }
        for (Role role : Role.values()) {
            used.add("role." + role.name());
        }
        for (AccessLog.Action action : AccessLog.Action.values()) {
            used.add("access.action." + action.name());
        }
        for (String severity : List.of("critical", "major", "minor", "info")) {
            used.add("severity." + severity);
        }
        for (String outcome : List.of("won", "lost", "open")) {
            used.add("deal.outcome." + outcome);
        }
        for (String problem : List.of("wrong", "short", "long", "differ")) {
            used.add("account." + problem);
        }
        assertThat(known).containsAll(used);
    }

    @Test
    void should_write_no_word_in_a_template_outside_the_bundles() throws IOException {
        // Text between tags that Thymeleaf does not replace would reach the page as written: there
        // must be none
        // but punctuation, file names and format names.
        Pattern text = Pattern.compile(">([^<>]*\\p{L}[^<>]*)<");
        List<String> loose = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    if (line.contains("th:text")
                            || line.contains("th:replace")
                            || line.contains("<title")) {
                        continue;
                    }
                    Matcher m = text.matcher(line);
                    while (m.find()) {
                        String words = m.group(1).strip();
                        if (!words.isEmpty()
                                && !words.matches(
                                        "Vigie|HTML|PDF|Salesforce|HubSpot|Pipedrive|XES|·")) {
                            loose.add(TEMPLATES.relativize(file) + ": " + words);
                        }
                    }
                }
            }
        }
        assertThat(loose).isEmpty();
    }
}
