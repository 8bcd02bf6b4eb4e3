package fr.vigie.report;

import fr.vigie.audit.model.Finding;
import fr.vigie.audit.result.AuditListener;
import fr.vigie.audit.result.AuditResult;
import fr.vigie.audit.result.AuditScope;
import fr.vigie.audit.result.AuditSummary;
import fr.vigie.audit.result.AuditedDeal;
import fr.vigie.audit.waivers.WaivedFinding;
import fr.vigie.audit.waivers.Waiver;
import fr.vigie.common.VisibleText;
import fr.vigie.deals.input.DealInput;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonFactory;

/** Writes {@code findings.json} as the findings come (schema: docs/findings-json.md). */
public final class FindingsJsonWriter implements AuditListener {

    public static final String SCHEMA = "vigie.findings/1";

    /**
     * Writes the characters that act instead of showing ({@link VisibleText#acts}) as \\u escapes:
     * the data stays exact, and a terminal showing the file obeys no override.
     */
    private static final JsonFactory FACTORY =
            JsonFactory.builder().characterEscapes(new VisibleEscapes()).build();

    private final Path file;
    private OutputStream stream;
    private JsonGenerator json;

    public FindingsJsonWriter(Path file) {
        this.file = file;
    }

    @Override
    public void start(AuditScope scope) {
        try {
            stream = Files.newOutputStream(file);
            json = FACTORY.createGenerator(ObjectWriteContext.empty(), stream);
            json.writeStartObject();
            json.writeStringProperty("schema", SCHEMA);
            json.writeStringProperty("client", scope.workspace().settings().client());
            json.writeName("period");
            json.writeStartObject();
            json.writeStringProperty("label", scope.period().label());
            json.writeStringProperty("start", scope.period().start().toString());
            json.writeStringProperty("end", scope.period().lastDay().toString());
            json.writeEndObject();
            json.writeStringProperty("language", scope.language().getLanguage());
            json.writeName("findings");
            json.writeStartArray();
            write(scope.planFindings());
            scope.planWaived().forEach(w -> write(w.finding(), w.waiver()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void audited(AuditedDeal deal, List<Finding> findings) {
        write(findings);
    }

    @Override
    public void waived(AuditedDeal deal, List<WaivedFinding> waived) {
        waived.forEach(w -> write(w.finding(), w.waiver()));
    }

    private void write(List<Finding> findings) {
        findings.forEach(f -> write(f, null));
    }

    private void write(Finding finding, Waiver waiver) {
        json.writeStartObject();
        json.writeStringProperty("id", finding.id());
        json.writeStringProperty("rule", finding.rule());
        json.writeStringProperty("ruleVersion", finding.ruleVersion());
        json.writeStringProperty("deal", finding.deal());
        json.writeStringProperty("dealName", finding.dealName());
        json.writeStringProperty("account", finding.account());
        json.writeStringProperty("owner", finding.owner());
        json.writeStringProperty("team", finding.team());
        json.writeStringProperty("severity", finding.severity().code());
        json.writeStringProperty("lever", finding.lever().code());
        json.writeStringProperty("stage", finding.stage());
        json.writeStringProperty("title", finding.title());
        json.writeStringProperty("message", finding.message());
        json.writeName("evidence");
        writeValue(finding.evidence());
        json.writeStringProperty("source", finding.source());
        if (finding.causedBy() != null) {
            json.writeStringProperty("causedBy", finding.causedBy());
        }
        if (waiver != null) {
            json.writeName("waiver");
            json.writeStartObject();
            json.writeStringProperty("justification", waiver.justification());
            json.writeStringProperty("acceptedBy", waiver.acceptedBy());
            json.writeStringProperty("until", waiver.until().toString());
            json.writeStringProperty("at", waiver.location().toString());
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private void writeValue(Object value) {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            map.forEach(
                    (k, v) -> {
                        json.writeName(k.toString());
                        writeValue(v);
                    });
            json.writeEndObject();
        } else if (value instanceof Collection<?> items) {
            json.writeStartArray();
            items.forEach(this::writeValue);
            json.writeEndArray();
        } else if (value instanceof BigDecimal decimal) {
            json.writeNumber(decimal);
        } else if (value instanceof Integer || value instanceof Long) {
            json.writeNumber(((Number) value).longValue());
        } else if (value instanceof Boolean bool) {
            json.writeBoolean(bool);
        } else {
            json.writeString(value.toString());
        }
    }

    @Override
    public void finish(AuditResult result) {
        AuditSummary summary = result.summary();
        try {
            json.writeEndArray();
            json.writeName("summary");
            json.writeStartObject();
            json.writeName("reconciliation");
            json.writeStartObject();
            json.writeNumberProperty("read", summary.recordsRead());
            json.writeNumberProperty("audited", summary.dealsAudited());
            json.writeNumberProperty("rejected", summary.recordsRejected());
            json.writeNumberProperty("outsidePeriod", summary.outsidePeriod());
            json.writeBooleanProperty("reconciles", summary.reconciles());
            json.writeName("files");
            json.writeStartArray();
            for (DealInput.FileCount file : summary.files()) {
                json.writeStartObject();
                json.writeStringProperty("file", file.file());
                json.writeStringProperty("kind", file.kind());
                json.writeNumberProperty("rows", file.rows());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeName("coverage");
            json.writeStartObject();
            json.writeName("carried");
            json.writeStartArray();
            summary.coverage().carried().stream().sorted().forEach(e -> json.writeString(e.code()));
            json.writeEndArray();
            json.writeName("notAssessable");
            json.writeStartArray();
            for (var gap : summary.coverage().notAssessable()) {
                json.writeStartObject();
                json.writeStringProperty("rule", gap.rule());
                json.writeNumberProperty("deals", gap.deals());
                json.writeNumberProperty("assessed", gap.assessed());
                json.writeName("missing");
                json.writeStartArray();
                gap.missing().forEach(e -> json.writeString(e.code()));
                json.writeEndArray();
                ReportText text = new ReportText(result.scope().language());
                json.writeStringProperty("reason", text.reason(gap));
                json.writeName("partial");
                json.writeStartArray();
                for (var partial : gap.partial()) {
                    json.writeStartObject();
                    json.writeStringProperty("reason", partial.reason().code());
                    json.writeNumberProperty("deals", partial.deals());
                    json.writeName("examples");
                    json.writeStartArray();
                    partial.examples().forEach(json::writeString);
                    json.writeEndArray();
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeName("failed");
                json.writeStartArray();
                for (var failed : gap.failed()) {
                    json.writeStartObject();
                    json.writeStringProperty("deal", failed.deal());
                    json.writeStringProperty("source", failed.location());
                    json.writeStringProperty("reason", failed.reason());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeNumberProperty("findings", summary.findings());
            json.writeNumberProperty("waived", result.waivers().findings());
            json.writeNumberProperty("conformingDeals", summary.conformingDeals());
            json.writeNumberProperty("conformityRate", summary.conformityRate());
            json.writeName("findingsBySeverity");
            json.writeStartObject();
            summary.findingsBySeverity().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(e -> json.writeNumberProperty(e.getKey().code(), e.getValue()));
            json.writeEndObject();
            json.writeName("findingsByRule");
            json.writeStartArray();
            for (AuditSummary.RuleCount rule : summary.byRule()) {
                json.writeStartObject();
                json.writeStringProperty("rule", rule.rule());
                json.writeNumberProperty("findings", rule.findings());
                json.writeNumberProperty("deals", rule.deals());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndObject();
            json.close();
            stream.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class VisibleEscapes extends CharacterEscapes {
        private final int[] ascii = CharacterEscapes.standardAsciiEscapesForJSON();

        VisibleEscapes() {
            ascii[0x7F] = CharacterEscapes.ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int c) {
            return c <= 0xFFFF && VisibleText.acts((char) c)
                    ? new SerializedString(String.format("\\u%04X", c))
                    : null;
        }
    }
}
