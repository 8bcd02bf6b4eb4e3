package fr.vigie.deals.csv;

import fr.vigie.common.DisplayPath;
import fr.vigie.deals.input.DealInput;
import fr.vigie.deals.input.InputRecord;
import fr.vigie.deals.input.RecordOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A CSV bundle written by a test, file by file, and what reading it gives. */
final class Bundle {

    private final Path folder;

    Bundle(Path folder) {
        this.folder = folder;
    }

    Path folder() {
        return folder;
    }

    /** Writes a file of the bundle, one argument per line. */
    Bundle file(String name, String... lines) {
        return bytes(name, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    Bundle bytes(String name, byte[] content) {
        try {
            Files.write(folder.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** "file:line:column" as rejections and problems show it. */
    String at(String file, int line, int column) {
        return DisplayPath.of(folder.resolve(file)) + ":" + line + (column > 0 ? ":" + column : "");
    }

    /** Every record of the bundle, read. */
    List<RecordOutcome> read(DealInput input) {
        List<RecordOutcome> outcomes = new ArrayList<>();
        InputRecord record;
        while ((record = input.next()) != null) {
            outcomes.add(record.read());
        }
        return outcomes;
    }

    List<RecordOutcome> read() {
        try (DealInput input = CsvBundleInput.open(folder)) {
            return read(input);
        }
    }
}
