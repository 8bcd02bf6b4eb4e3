package fr.vigie.report.formats;

import fr.vigie.audit.result.AuditListener;
import fr.vigie.report.FindingsCsvWriter;
import fr.vigie.report.FindingsJsonWriter;
import fr.vigie.report.RejectedCsvWriter;
import fr.vigie.report.ReportPart;
import fr.vigie.report.ReportText;
import fr.vigie.report.html.HtmlReportWriter;
import fr.vigie.report.html.Medium;
import fr.vigie.report.markdown.MarkdownReportWriter;
import fr.vigie.report.pdf.PdfReportWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The formats {@code vigie audit --format} chooses among, and the files each writes. rejected.csv
 * is written whatever the formats: it is where the reports and the console send the reader for the
 * records that were not audited.
 */
public enum ReportFormat {
    HTML("html", "report.html"),
    PDF("pdf", "report.pdf"),
    MD("md", "report.md"),
    JSON("json", "findings.json"),
    CSV("csv", "findings.csv");

    public static final Set<ReportFormat> ALL =
            Collections.unmodifiableSet(EnumSet.allOf(ReportFormat.class));

    /** Written whatever the formats. */
    public static final String REJECTED = "rejected.csv";

    private final String code;
    private final String file;

    ReportFormat(String code, String file) {
        this.code = code;
        this.file = file;
    }

    public String code() {
        return code;
    }

    public String file() {
        return file;
    }

    /**
     * The formats of a comma-separated list such as {@code html,pdf}, in any case; throws with a
     * message naming the formats known when a value is not one of them.
     */
    public static Set<ReportFormat> parse(String list) {
        Set<ReportFormat> formats = EnumSet.noneOf(ReportFormat.class);
        for (String value : list.split(",", -1)) {
            String code = value.strip().toLowerCase(Locale.ROOT);
            formats.add(
                    Arrays.stream(values())
                            .filter(f -> f.code.equals(code))
                            .findFirst()
                            .orElseThrow(
                                    () ->
                                            new IllegalArgumentException(
                                                    (code.isEmpty()
                                                                    ? "an empty format"
                                                                    : "unknown format '"
                                                                            + value.strip()
                                                                            + "'")
                                                            + " in '"
                                                            + list
                                                            + "'; the formats are "
                                                            + Arrays.stream(values())
                                                                    .map(ReportFormat::code)
                                                                    .collect(
                                                                            Collectors.joining(
                                                                                    ", "))
                                                            + " (comma-separated; default: all)")));
        }
        return formats;
    }

    /**
     * One writer per output file of {@code formats}, plus rejected.csv, writing where {@code place}
     * says.
     */
    public static List<AuditListener> writers(
            Set<ReportFormat> formats, Function<String, Path> place) {
        List<AuditListener> writers = new ArrayList<>();
        for (ReportFormat format : formats) {
            Path path = place.apply(format.file);
            writers.add(
                    switch (format) {
                        case HTML -> new HtmlReportWriter(path, Medium.SCREEN, ReportText::new);
                        case PDF -> new PdfReportWriter(path);
                        case MD -> new MarkdownReportWriter(path);
                        case JSON -> new FindingsJsonWriter(path);
                        case CSV -> new FindingsCsvWriter(path);
                    });
        }
        writers.add(new RejectedCsvWriter(place.apply(REJECTED)));
        return writers;
    }

    /**
     * The files this format writes: the report's formats write the CEO's part and, beside it, the
     * appendix ({@link ReportPart}); the findings' formats one file.
     */
    public List<String> files() {
        return switch (this) {
            case HTML, PDF, MD -> List.of(file, ReportPart.appendixName(file));
            case JSON, CSV -> List.of(file);
        };
    }

    /** Every file an audit may write: those of every format, and rejected.csv. */
    public static List<String> allFiles() {
        List<String> files =
                new ArrayList<>(Arrays.stream(values()).flatMap(f -> f.files().stream()).toList());
        files.add(REJECTED);
        return files;
    }
}
