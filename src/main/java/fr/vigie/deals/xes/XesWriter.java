package fr.vigie.deals.xes;

import static fr.vigie.deals.xes.XesKeys.*;

import fr.vigie.deals.model.Activity;
import fr.vigie.deals.model.CloseDateChange;
import fr.vigie.deals.model.Deal;
import fr.vigie.deals.model.Decision;
import fr.vigie.deals.model.Document;
import fr.vigie.deals.model.LineItem;
import fr.vigie.deals.model.StageChange;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes deals as an XES event log (IEEE 1849-2016) that process-mining tools (PM4Py, ProM,
 * Celonis) open: one trace per deal, named by its id, with every stage change, activity, decision,
 * document and close date change as an event in time order ({@code concept:name} the stage or type,
 * {@code time:timestamp}, {@code org:resource}). What else the deal holds, and the audit's
 * findings, are attributes of its trace, all flat (docs/importers.md#xes). Streams: one trace in
 * memory at a time.
 */
public final class XesWriter implements AutoCloseable {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final XMLStreamWriter xml;
    private final java.io.Writer out;
    private int traces;

    /** Starts a log named {@code logName} on {@code out}. */
    public XesWriter(OutputStream out, String logName) {
        this.out =
                new AttributeBreaks(
                        new java.io.BufferedWriter(
                                new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8)));
        try {
            xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(this.out);
            xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            newline(0);
            xml.writeStartElement("log");
            xml.writeDefaultNamespace(NAMESPACE);
            xml.writeAttribute("xes.version", "1849-2016");
            xml.writeAttribute("xes.features", "");
            extension("Concept", "concept");
            extension("Time", "time");
            extension("Organizational", "org");
            extension("Lifecycle", "lifecycle");
            newline(1);
            xml.writeStartElement("global");
            xml.writeAttribute("scope", "trace");
            attribute(2, "string", NAME, "");
            newline(1);
            xml.writeEndElement();
            newline(1);
            xml.writeStartElement("global");
            xml.writeAttribute("scope", "event");
            attribute(2, "string", NAME, "");
            attribute(2, "date", TIME, "1970-01-01T00:00:00Z");
            newline(1);
            xml.writeEndElement();
            newline(1);
            xml.writeEmptyElement("classifier");
            xml.writeAttribute("name", "Activity");
            xml.writeAttribute("keys", NAME);
            attribute(1, "string", NAME, logName);
        } catch (XMLStreamException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }

    private void extension(String name, String prefix) throws XMLStreamException {
        newline(1);
        xml.writeEmptyElement("extension");
        xml.writeAttribute("name", name);
        xml.writeAttribute("prefix", prefix);
        xml.writeAttribute("uri", NAMESPACE + prefix + ".xesext");
    }

    /**
     * Writes one deal as a trace, with the audit's findings on it (none when it conforms, or when
     * it was not audited).
     */
    public void write(Deal deal, List<TraceFinding> findings) {
        try {
            newline(1);
            xml.writeStartElement("trace");
            string(2, NAME, deal.id());
            string(2, DEAL_NAME, deal.name());
            string(2, ACCOUNT + "id", deal.account().id());
            string(2, ACCOUNT + "name", deal.account().name());
            string(2, ACCOUNT + "segment", deal.account().segment());
            string(2, ACCOUNT + "industry", deal.account().industry());
            string(2, ACCOUNT + "region", deal.account().region());
            string(2, OWNER, deal.owner());
            string(2, TEAM, deal.team());
            string(2, PIPELINE, deal.pipeline());
            string(2, TYPE, deal.type());
            number(2, AMOUNT, deal.amount());
            string(2, CURRENCY, deal.currency());
            date(2, CREATED_AT, deal.createdAt());
            date(2, CLOSED_AT, deal.closedAt());
            string(
                    2,
                    EXPECTED_CLOSE_DATE,
                    deal.expectedCloseDate() == null ? null : deal.expectedCloseDate().toString());
            string(2, OUTCOME, deal.outcome().name().toLowerCase(java.util.Locale.ROOT));
            string(2, LOSS_REASON, deal.lossReason());
            for (Map.Entry<String, String> field :
                    new java.util.TreeMap<>(deal.fields()).entrySet()) {
                string(2, FIELD + field.getKey(), field.getValue());
            }
            for (int i = 0; i < deal.lines().size(); i++) {
                LineItem line = deal.lines().get(i);
                String prefix = LINE + (i + 1) + ":";
                string(2, prefix + "product", line.product());
                number(2, prefix + "quantity", line.quantity());
                number(2, prefix + "list-price", line.listPrice());
                number(2, prefix + "unit-price", line.unitPrice());
                number(2, prefix + "discount", line.discount());
                number(2, prefix + "unit-cost", line.unitCost());
            }
            findings(findings);
            for (Event event : events(deal)) {
                event.write(this);
            }
            newline(1);
            xml.writeEndElement();
            traces++;
        } catch (XMLStreamException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }

    private void findings(List<TraceFinding> findings) throws XMLStreamException {
        attribute(2, "int", FINDINGS, Integer.toString(findings.size()));
        List<String> order = List.of("critical", "major", "minor", "info");
        String worst =
                findings.stream()
                        .map(TraceFinding::severity)
                        .min(
                                Comparator.comparingInt(
                                        s -> order.indexOf(s) < 0 ? 99 : order.indexOf(s)))
                        .orElse("none");
        string(2, SEVERITY, worst);
        Set<String> rules = new LinkedHashSet<>();
        findings.forEach(f -> rules.add(f.rule()));
        string(2, RULES, rules.isEmpty() ? null : String.join(" ", rules));
        for (int i = 0; i < findings.size(); i++) {
            TraceFinding finding = findings.get(i);
            String prefix = FINDING + (i + 1) + ":";
            string(2, prefix + "id", finding.id());
            string(2, prefix + "rule", finding.rule());
            string(2, prefix + "severity", finding.severity());
            string(2, prefix + "stage", finding.stage());
            string(2, prefix + "message", finding.message());
        }
    }

    /** An event of the trace: when it happened, and how it is written. */
    private record Event(OffsetDateTime at, int kind, Writing writing) {
        void write(XesWriter writer) throws XMLStreamException {
            writer.newline(2);
            writer.xml.writeStartElement("event");
            writing.write(writer);
            writer.newline(2);
            writer.xml.writeEndElement();
        }
    }

    private interface Writing {
        void write(XesWriter writer) throws XMLStreamException;
    }

    /**
     * Every event of the deal in time order; at the same instant, in the order of the deal's lists
     * (stages first).
     */
    private static List<Event> events(Deal deal) {
        List<Event> events = new ArrayList<>();
        for (StageChange stage : deal.stages()) {
            events.add(
                    new Event(
                            stage.at(),
                            0,
                            w -> w.event(stage.stage(), STAGE, stage.at(), stage.by())));
        }
        for (Activity activity : deal.activities()) {
            events.add(
                    new Event(
                            activity.at(),
                            1,
                            w -> {
                                w.event(activity.type(), ACTIVITY, activity.at(), activity.by());
                                w.string(3, OUTCOME, activity.outcome());
                            }));
        }
        for (Decision decision : deal.decisions()) {
            events.add(
                    new Event(
                            decision.at(),
                            2,
                            w -> {
                                w.event(decision.type(), DECISION, decision.at(), decision.by());
                                w.string(3, ROLE, decision.role());
                                w.string(3, VALUE, decision.value());
                                w.string(3, COMMENT, decision.comment());
                            }));
        }
        for (Document document : deal.documents()) {
            events.add(
                    new Event(
                            document.at(),
                            3,
                            w -> {
                                w.event(document.type(), DOCUMENT, document.at(), null);
                                w.string(3, DOCUMENT_NAME, document.name());
                            }));
        }
        for (CloseDateChange change : deal.closeDateChanges()) {
            events.add(
                    new Event(
                            change.at(),
                            4,
                            w -> {
                                w.event(
                                        CLOSE_DATE_CHANGE,
                                        CLOSE_DATE_CHANGE,
                                        change.at(),
                                        change.by());
                                w.string(
                                        3,
                                        FROM,
                                        change.from() == null ? null : change.from().toString());
                                w.string(
                                        3, TO, change.to() == null ? null : change.to().toString());
                            }));
        }
        events.sort(
                Comparator.comparing(Event::at, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparingInt(Event::kind));
        return events;
    }

    private void event(String name, String kind, OffsetDateTime at, String by)
            throws XMLStreamException {
        string(3, NAME, name);
        date(3, TIME, at);
        string(3, RESOURCE, by);
        string(3, LIFECYCLE, "complete");
        string(3, KIND, kind);
    }

    private void string(int depth, String key, String value) throws XMLStreamException {
        if (value != null) {
            attribute(depth, "string", key, value);
        }
    }

    private void number(int depth, String key, BigDecimal value) throws XMLStreamException {
        if (value != null) {
            attribute(depth, "float", key, value.toPlainString());
        }
    }

    private void date(int depth, String key, OffsetDateTime value) throws XMLStreamException {
        if (value != null) {
            attribute(depth, "date", key, TIMESTAMP.format(value));
        }
    }

    private void attribute(int depth, String type, String key, String value)
            throws XMLStreamException {
        newline(depth);
        xml.writeEmptyElement(type);
        xml.writeAttribute("key", key);
        xml.writeAttribute("value", AttributeBreaks.value(value));
    }

    private void newline(int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }

    /** Traces written so far. */
    public int traces() {
        return traces;
    }

    /** Ends the log and closes the stream. */
    @Override
    public void close() {
        try {
            newline(0);
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
            out.close();
        } catch (XMLStreamException | IOException e) {
            throw new UncheckedIOException(e instanceof IOException io ? io : new IOException(e));
        }
    }
}
