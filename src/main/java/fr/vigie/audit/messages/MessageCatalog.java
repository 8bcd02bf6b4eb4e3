package fr.vigie.audit.messages;

import fr.vigie.common.ClientFolder;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The rules' titles, messages and documentation sentences, in every language Vigie writes: {@code
 * messages_fr.properties} and {@code messages_en.properties} (UTF-8) at the root of each rule pack,
 * keyed {@code <RULE-ID>.title}, {@code .message}, {@code .doc}.
 */
public final class MessageCatalog {

    public static final List<Locale> LANGUAGES = List.of(Locale.FRENCH, Locale.ENGLISH);

    private final Map<String, Map<String, String>> byLanguage = new HashMap<>();

    public static String fileName(Locale language) {
        return "messages_" + language.getLanguage() + ".properties";
    }

    /**
     * Adds the messages of the pack rooted at {@code packRoot}; later packs override earlier ones.
     */
    public void addPack(Path packRoot) throws IOException {
        if (!Files.isDirectory(packRoot)) {
            return;
        }
        ClientFolder pack = ClientFolder.of(packRoot);
        for (Locale language : LANGUAGES) {
            Path file = pack.find(fileName(language));
            if (file != null && Files.isRegularFile(file)) {
                Properties properties = new Properties();
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    properties.load(reader);
                }
                Map<String, String> messages =
                        byLanguage.computeIfAbsent(language.getLanguage(), l -> new HashMap<>());
                properties.forEach(
                        (key, value) -> messages.put((String) key, ((String) value).strip()));
            }
        }
    }

    public Optional<String> get(Locale language, String key) {
        Map<String, String> messages = byLanguage.get(language.getLanguage());
        return Optional.ofNullable(messages == null ? null : messages.get(key));
    }

    public String title(Locale language, String rule) {
        return get(language, rule + ".title").orElse(rule);
    }

    public String message(Locale language, String rule) {
        return get(language, rule + ".message").orElse(rule);
    }
}
