package fr.vigie.job;

import fr.vigie.audit.model.Finding;
import fr.vigie.audit.result.AuditListener;
import fr.vigie.audit.result.AuditResult;
import fr.vigie.audit.result.AuditSummary;
import fr.vigie.audit.result.AuditedDeal;
import fr.vigie.common.CannotWriteException;
import fr.vigie.common.DisplayPath;
import fr.vigie.common.Location;
import fr.vigie.common.Problem;
import fr.vigie.deals.input.DealInput;
import fr.vigie.deals.input.InputRecord;
import fr.vigie.deals.input.RecordOutcome;
import fr.vigie.deals.input.Rejection;
import fr.vigie.deals.model.Deal;
import fr.vigie.deals.xes.TraceFinding;
import fr.vigie.deals.xes.XesWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code vigie export --xes}: audits the period's deals and writes them as an XES event log, with
 * each deal's findings on its trace, for process-mining tools. Deals that are rejected are not in
 * the log (the audit's rejected.csv lists them). The log is written beside and moved in place when
 * complete.
 */
public final class ExportingALog {

    /** What was written. */
    public record Result(
            AuditSummary summary,
            Path file,
            long traces,
            List<String> notes,
            List<Problem> warnings) {}

    /**
     * Runs the audit of {@code request} and writes the log to {@code file} (default:
     * WORKSPACE/out/PERIOD/deals.xes).
     */
    public Result export(AuditingAPeriod.Request request, Path file) {
        AuditingAPeriod job = new AuditingAPeriod();
        AuditingAPeriod.Prepared prepared = job.prepare(request);
        Path target = file != null ? file : prepared.outDir().resolve("deals.xes");
        OutputFolder.checkOutside(
                target.toAbsolutePath().getParent(),
                AuditingAPeriod.inputFolders(prepared.workspace().workspace(), prepared.deals()));
        Path partial;
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            partial =
                    Files.createTempFile(
                            target.toAbsolutePath().getParent(), ".vigie-", ".xes.part");
        } catch (IOException e) {
            throw cannotWrite(target, e);
        }
        try {
            String name =
                    prepared.workspace().workspace().settings().client()
                            + " "
                            + prepared.period().label();
            AuditSummary summary;
            long traces;
            List<String> notes;
            List<Problem> warnings;
            try (OutputStream out = Files.newOutputStream(partial);
                    DealInput source = prepared.source().open()) {
                XesWriter writer;
                try {
                    writer = new XesWriter(out, name);
                } catch (UncheckedIOException e) {
                    throw cannotWrite(target, e);
                }
                Capture capture = new Capture(source);
                FirstRejections rejections = new FirstRejections(prepared.language());
                summary =
                        job.audit(
                                        prepared,
                                        capture,
                                        List.of(
                                                new Writing(
                                                        new TraceListener(capture, writer),
                                                        e -> cannotWrite(target, e)),
                                                rejections))
                                .summary();
                rejections.requireAudited(prepared.deals(), summary);
                traces = writer.traces();
                notes = source.notes();
                warnings = source.warnings();
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            return new Result(summary, target, traces, notes, warnings);
        } catch (IOException e) {
            throw cannotWrite(target, e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                // The partial file is hidden; a leftover harms nothing.
            }
        }
    }

    /**
     * The input, keeping each deal read until the audit hands its result over: the audit's
     * listeners see a summary of the deal, the log needs all of it. The results come in input
     * order, one per record, so the n-th result is about the n-th record; at most the records in
     * flight are kept.
     */
    private static final class Capture implements DealInput {
        private final DealInput source;
        private final Map<Long, Deal> deals = new ConcurrentHashMap<>();
        private final AtomicLong read = new AtomicLong();

        Capture(DealInput source) {
            this.source = source;
        }

        @Override
        public InputRecord next() {
            InputRecord record = source.next();
            if (record == null) {
                return null;
            }
            long index = read.getAndIncrement();
            return new InputRecord() {
                @Override
                public Location location() {
                    return record.location();
                }

                @Override
                public RecordOutcome read() {
                    RecordOutcome outcome = record.read();
                    if (outcome instanceof RecordOutcome.Accepted accepted) {
                        deals.put(index, accepted.deal());
                    }
                    return outcome;
                }
            };
        }

        Deal take(long index) {
            return deals.remove(index);
        }

        @Override
        public List<Rejection> orphans() {
            return source.orphans();
        }

        @Override
        public List<FileCount> files() {
            return source.files();
        }

        @Override
        public void close() {
            source.close();
        }
    }

    /** Writes each audited deal as a trace, with its findings. */
    private static final class TraceListener implements AuditListener {
        private final Capture capture;
        private final XesWriter writer;
        private long results;

        TraceListener(Capture capture, XesWriter writer) {
            this.capture = capture;
            this.writer = writer;
        }

        @Override
        public void audited(AuditedDeal audited, List<Finding> findings) {
            Deal deal = capture.take(results++);
            if (deal == null || !deal.id().equals(audited.id())) {
                throw new IllegalStateException(
                        "the audit's results are not in the order of the records read");
            }
            writer.write(
                    deal,
                    findings.stream()
                            .map(
                                    f ->
                                            new TraceFinding(
                                                    f.id(),
                                                    f.rule(),
                                                    f.severity().code(),
                                                    f.stage(),
                                                    f.message()))
                            .toList());
        }

        @Override
        public void rejected(Rejection rejection) {
            capture.take(results++);
        }

        @Override
        public void finish(AuditResult result) {
            writer.close();
        }
    }

    private static CannotWriteException cannotWrite(Path target, Exception e) {
        return new CannotWriteException(
                Location.of(DisplayPath.of(target)),
                "cannot write the log here (" + e.getMessage() + "); the previous log is as it was",
                e);
    }
}
