package fr.vigie.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.MessagePattern;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The catalogues of what the console and the readers say hold every key in French and English, with
 * the same arguments, and every key the code asks for.
 */
class MessageCatalogueTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fr/vigie/common/messages", "fr/vigie/cli/console"})
    void should_hold_every_key_in_both_languages_with_the_same_arguments(String bundle)
            throws IOException {
        Properties english = load(bundle + ".properties");
        Properties french = load(bundle + "_fr.properties");

        assertThat(french.stringPropertyNames())
                .as("keys of %s in French and English", bundle)
                .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        for (String key : english.stringPropertyNames()) {
            assertThat(arguments(french.getProperty(key)))
                    .as("the arguments of %s in French", key)
                    .isEqualTo(arguments(english.getProperty(key)));
        }
    }

    @Test
    void should_hold_every_key_the_code_asks_for() throws IOException {
        Properties english = load("fr/vigie/common/messages.properties");
        Pattern asked = Pattern.compile("Message\\.of\\(\\s*\"([a-zA-Z.-]*[a-zA-Z])\"");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = asked.matcher(Files.readString(file));
                while (m.find()) {
                    if (!english.containsKey(m.group(1))) {
                        missing.add(m.group(1) + " (" + file.getFileName() + ")");
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void should_put_a_reason_in_words_in_each_language_with_its_plurals() {
        Message one = Message.of("nothing.allRejected", 1L, 0);
        Message many = Message.of("nothing.allRejected", 12L, 5);

        assertThat(one.in(Locale.ENGLISH))
                .startsWith("nothing could be audited: 1 record read, rejected (above);");
        assertThat(many.in(Locale.ENGLISH))
                .startsWith(
                        "nothing could be audited: 12 records read, all rejected (the first 5"
                                + " above);");
        assertThat(one.in(Locale.FRENCH))
                .startsWith("rien n'a pu être audité : 1 enregistrement lu, rejeté (ci-dessus) ;");
        assertThat(many.in(Locale.FRENCH))
                .startsWith(
                        "rien n'a pu être audité : 12 enregistrements lus, tous rejetés (les 5"
                                + " premiers ci-dessus) ;");
    }

    @Test
    void should_put_a_nested_message_in_the_same_language() {
        Message reason =
                Message.of("deal.closedWithoutDate", Message.of("outcome.won"), "closedAt");

        assertThat(reason.in(Locale.ENGLISH)).isEqualTo("the deal is won but has no 'closedAt'");
        assertThat(reason.in(Locale.FRENCH))
                .isEqualTo("l'affaire est gagnée mais n'a pas de « closedAt »");
    }

    /** The argument numbers a pattern uses, as ICU reads it (apostrophes as letters). */
    private static Set<Integer> arguments(String pattern) {
        MessagePattern parsed = new MessagePattern(pattern.replace("'", "''"));
        Set<Integer> numbers = new TreeSet<>();
        for (int i = 0; i < parsed.countParts(); i++) {
            MessagePattern.Part part = parsed.getPart(i);
            if (part.getType() == MessagePattern.Part.Type.ARG_NUMBER) {
                numbers.add(part.getValue());
            }
        }
        return numbers;
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in =
                MessageCatalogueTest.class.getClassLoader().getResourceAsStream(resource)) {
            properties.load(
                    new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return properties;
    }
}
