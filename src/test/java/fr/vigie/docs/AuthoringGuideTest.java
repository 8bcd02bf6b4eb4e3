package fr.vigie.docs;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.cli.Vigie;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/authoring.md cannot rot: this test follows it step by step in an empty folder. A fenced
 * block right after {@code <!-- file: PATH -->} is written to PATH; in a {@code console} block,
 * each {@code $ ./vigie ...} (or {@code $ rm PATH}) line is run, and the lines shown under it must
 * all appear in what it prints ("..." lines stand for anything). A command ending in {@code # exit
 * N} must exit with N, any other with 0.
 */
class AuthoringGuideTest {

    static final Path GUIDE = Path.of("docs/authoring.md");
    private static final Pattern FILE = Pattern.compile("<!-- file: (\\S+) -->");
    private static final Pattern EXIT = Pattern.compile("\\s+# exit (\\d)\\s*$");

    @TempDir Path dir;

    @Test
    void should_do_everything_the_authoring_guide_says() throws IOException {
        List<String> lines = Files.readAllLines(GUIDE, StandardCharsets.UTF_8);
        int commands = 0;
        for (int i = 0; i < lines.size(); i++) {
            Matcher file = FILE.matcher(lines.get(i).strip());
            if (file.matches()) {
                i = writeBlock(lines, i + 1, dir.resolve(file.group(1)));
                continue;
            }
            if (lines.get(i).strip().equals("```console")) {
                int end = i + 1;
                while (!lines.get(end).strip().equals("```")) {
                    end++;
                }
                commands += runConsole(lines.subList(i + 1, end), i + 2);
                i = end;
            }
        }
        assertThat(commands).as("commands run from the guide").isGreaterThanOrEqualTo(8);
    }

    private int writeBlock(List<String> lines, int fence, Path target) throws IOException {
        assertThat(lines.get(fence))
                .as("a fenced block after the file comment at line " + fence)
                .startsWith("```");
        int end = fence + 1;
        StringBuilder content = new StringBuilder();
        while (!lines.get(end).startsWith("```")) {
            content.append(lines.get(end)).append('\n');
            end++;
        }
        Files.createDirectories(target.getParent());
        Files.writeString(target, content.toString(), StandardCharsets.UTF_8);
        return end;
    }

    private int runConsole(List<String> block, int firstLine) throws IOException {
        int commands = 0;
        for (int i = 0; i < block.size(); i++) {
            String line = block.get(i);
            if (!line.startsWith("$ ")) {
                continue;
            }
            List<String> expected = new ArrayList<>();
            int j = i + 1;
            while (j < block.size() && !block.get(j).startsWith("$ ")) {
                expected.add(block.get(j));
                j++;
            }
            run(line.substring(2), expected, firstLine + i);
            commands++;
            i = j - 1;
        }
        return commands;
    }

    private void run(String command, List<String> expected, int line) throws IOException {
        Matcher exit = EXIT.matcher(command);
        int expectedExit = exit.find() ? Integer.parseInt(exit.group(1)) : 0;
        String[] words = EXIT.matcher(command).replaceAll("").strip().split("\\s+");
        if (words[0].equals("rm")) {
            Files.delete(dir.resolve(words[1]));
            return;
        }
        assertThat(words[0])
                .as("guide line " + line + ": commands are ./vigie or rm")
                .isEqualTo("./vigie");
        List<String> args = new ArrayList<>();
        for (int k = 1; k < words.length; k++) {
            args.add(words[k].startsWith("acme") ? dir.resolve(words[k]).toString() : words[k]);
        }
        args.addAll(List.of("--standard-rules", "rules"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code =
                Vigie.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        String printed = (out + err.toString()).replace(dir + "/", "");
        assertThat(code)
                .as(
                        "exit code of guide line "
                                + line
                                + " ("
                                + command
                                + "), which printed:\n"
                                + printed)
                .isEqualTo(expectedExit);
        for (String wanted : expected) {
            if (!wanted.isBlank() && !wanted.strip().equals("...")) {
                assertThat(printed)
                        .as("output of guide line " + line + " (" + command + ")")
                        .contains(wanted.strip());
            }
        }
    }
}
