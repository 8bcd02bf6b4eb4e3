package fr.vigie.deals.jsonl;

import fr.vigie.common.InvalidInputException;
import fr.vigie.common.Location;
import fr.vigie.deals.input.DealInput;
import fr.vigie.deals.input.InputRecord;
import fr.vigie.deals.input.LineReader;
import fr.vigie.deals.input.RecordOutcome;
import fr.vigie.deals.input.Rejection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Deals in JSON Lines: one deal per line, blank lines ignored. Parsing is done by the caller's
 * threads.
 */
public final class JsonLinesInput implements DealInput {

    public static final int MAX_LINE_BYTES = 4 * 1024 * 1024;
    private static final ThreadLocal<DealJsonParser> PARSERS =
            ThreadLocal.withInitial(DealJsonParser::new);

    private final String file;
    private final LineReader reader;
    private long rows;

    public JsonLinesInput(Path path, String displayName) {
        this.file = displayName;
        try {
            this.reader =
                    new LineReader(
                            fr.vigie.deals.input.ReadMeter.counted(
                                    path, Files.newInputStream(path)),
                            MAX_LINE_BYTES);
        } catch (IOException e) {
            throw InvalidInputException.at(
                    Location.of(displayName), "cannot read deals: " + e.getMessage());
        }
    }

    @Override
    public InputRecord next() {
        try {
            LineReader.Line line;
            do {
                line = reader.next();
                if (line == null) {
                    return null;
                }
            } while (line.error() == null && line.isBlank());
            rows++;
            return new JsonLine(file, line);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    @Override
    public List<FileCount> files() {
        return List.of(new FileCount(file, "deals", rows));
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record JsonLine(String file, LineReader.Line line) implements InputRecord {

        @Override
        public Location location() {
            return Location.of(file, (int) line.number());
        }

        @Override
        public RecordOutcome read() {
            if (line.error() != null) {
                return new RecordOutcome.Rejected(new Rejection(location(), null, line.error()), 0);
            }
            try {
                return new RecordOutcome.Accepted(
                        PARSERS.get().parse(line.bytes(), 0, line.bytes().length), location(), 0);
            } catch (DealJsonParser.Refusal refusal) {
                return new RecordOutcome.Rejected(
                        new Rejection(
                                location().atColumn(refusal.column()),
                                refusal.dealId(),
                                refusal.reason()),
                        0);
            }
        }
    }
}
