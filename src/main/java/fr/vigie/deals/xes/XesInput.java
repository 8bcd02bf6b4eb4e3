package fr.vigie.deals.xes;

import fr.vigie.common.DisplayPath;
import fr.vigie.common.InvalidInputException;
import fr.vigie.common.Location;
import fr.vigie.deals.imports.ImportContext;
import fr.vigie.deals.imports.People;
import fr.vigie.deals.imports.RowProblem;
import fr.vigie.deals.imports.SourceMapping;
import fr.vigie.deals.input.DealInput;
import fr.vigie.deals.input.InputRecord;
import fr.vigie.deals.input.Values;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * An XES event log (IEEE 1849) read as deals, one per trace, streamed: one trace in memory at a
 * time. The XML is parsed with the JDK's StAX, DTDs and external entities off: a DOCTYPE is refused
 * where it is written, so no entity can be expanded nor any file or URL read. The whole file is
 * checked to be well-formed when it is opened, so that a broken log stops before any deal is
 * audited.
 */
public final class XesInput implements DealInput {

    /** The most events a trace may hold: a trace is read whole. */
    public static final int MAX_EVENTS_PER_TRACE = 100_000;

    /**
     * The longest attribute value, in bytes, as the longest text of a JSON Lines deal; a longer one
     * rejects its trace.
     */
    public static final int MAX_VALUE_BYTES = 100_000;

    /**
     * The most characters of keys and values a trace may hold (it is read whole); beyond, it is
     * rejected.
     */
    public static final int MAX_TRACE_CHARS = 10_000_000;

    private static final Set<String> ATTRIBUTE_TYPES =
            Set.of("string", "date", "int", "float", "boolean", "id");

    private final String shown;
    private final SourceMapping mapping;
    private final ImportContext context;
    private final People people;
    private final InputStream in;
    private final XMLStreamReader xml;
    private long traces;
    private boolean ended;

    private XesInput(Path path, SourceMapping mapping, ImportContext context)
            throws IOException, XMLStreamException {
        this.shown = DisplayPath.of(path);
        this.mapping = mapping;
        this.context = context;
        this.people = mapping.people().people(context, mapping.shown(), null, "the log");
        this.in = bounded(path);
        this.xml = factory().createXMLStreamReader(in);
    }

    /**
     * Opens the log at {@code path}: checks its size and that it is well-formed XES, then stands
     * before its first trace.
     */
    public static DealInput open(Path path, SourceMapping mapping, ImportContext context) {
        String shown = DisplayPath.of(path);
        try {
            long size = Files.size(path);
            if (size > mapping.limits().maxFileBytes()) {
                throw InvalidInputException.at(
                        Location.of(shown),
                        String.format(
                                Locale.ROOT,
                                "the file is %,d MB, more than the %,d MB allowed (limits:"
                                        + " max-file-mb in the mapping): split the log or raise the"
                                        + " limit",
                                size / (1024 * 1024),
                                mapping.limits().maxFileBytes() / (1024 * 1024)));
            }
            checkWellFormed(path, shown);
            XesInput input = new XesInput(path, mapping, context);
            input.enterLog();
            return input;
        } catch (IOException e) {
            throw InvalidInputException.at(Location.of(shown), "cannot read: " + e.getMessage());
        } catch (XMLStreamException e) {
            throw notXml(shown, e);
        } catch (BoundedXml.TooLong e) {
            throw InvalidInputException.at(Location.of(shown, (int) e.line()), e.getMessage());
        }
    }

    private static InputStream bounded(Path path) throws IOException {
        return new BoundedXml(
                fr.vigie.deals.input.ReadMeter.counted(path, Files.newInputStream(path)),
                MAX_VALUE_BYTES);
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        // XES elements have a key and a value, nested a few levels: bounds that keep one element's
        // memory small
        factory.setProperty("jdk.xml.elementAttributeLimit", "100");
        factory.setProperty("jdk.xml.maxElementDepth", "100");
        return factory;
    }

    /** Reads the whole file once: a DOCTYPE, or XML that is not well-formed, stops here. */
    private static void checkWellFormed(Path path, String shown)
            throws IOException, XMLStreamException {
        try (InputStream in = bounded(path)) {
            XMLStreamReader xml = factory().createXMLStreamReader(in);
            try {
                boolean root = false;
                while (xml.hasNext()) {
                    int event = xml.next();
                    if (event == XMLStreamConstants.DTD) {
                        throw InvalidInputException.at(
                                location(shown, xml),
                                "a DOCTYPE is not allowed in an XES log: Vigie reads no DTD and"
                                    + " expands no entity; remove the <!DOCTYPE ...> declaration");
                    }
                    if (event == XMLStreamConstants.START_ELEMENT && !root) {
                        root = true;
                        if (!"log".equals(xml.getLocalName())) {
                            throw InvalidInputException.at(
                                    location(shown, xml),
                                    "not an XES log: the document is <"
                                            + xml.getLocalName()
                                            + ">, where XES starts with <log>");
                        }
                    }
                }
            } finally {
                xml.close();
            }
        }
    }

    private static InvalidInputException notXml(String shown, XMLStreamException e) {
        javax.xml.stream.Location at = e.getLocation();
        String message =
                e.getMessage() == null
                        ? ""
                        : e.getMessage()
                                .replaceFirst(
                                        "(?s)^ParseError at"
                                                + " \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*",
                                        "");
        return InvalidInputException.at(
                at == null ? Location.of(shown) : Location.of(shown, at.getLineNumber()),
                "not well-formed XML: " + message.strip());
    }

    /**
     * Where the reader stands, as a line: the column StAX gives is that of the next character it
     * will read, sometimes one further, so problems in a log are told by line only.
     */
    private static Location location(String shown, XMLStreamReader xml) {
        return Location.of(shown, xml.getLocation().getLineNumber());
    }

    private void enterLog() throws XMLStreamException {
        while (xml.hasNext() && xml.next() != XMLStreamConstants.START_ELEMENT) {
            // the prolog: declaration, comments
        }
    }

    @Override
    public InputRecord next() {
        if (ended) {
            return null;
        }
        try {
            while (xml.hasNext()) {
                Location before = location(shown, xml);
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if ("trace".equals(xml.getLocalName())) {
                        if (++traces > mapping.limits().maxRows()) {
                            throw InvalidInputException.at(
                                    before,
                                    String.format(
                                            Locale.ROOT,
                                            "more than %,d traces in this log (limits: max-rows in"
                                                + " the mapping): split the log or raise the limit",
                                            mapping.limits().maxRows()));
                        }
                        return new TraceRecord(readTrace(before), mapping, context, people);
                    }
                    skipElement();
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    ended = true;
                    return null;
                }
            }
            ended = true;
            return null;
        } catch (XMLStreamException e) {
            throw notXml(shown, e);
        }
    }

    /**
     * Reads the trace the reader stands on, to its end: its attributes and its events'. A value cut
     * at {@link #MAX_VALUE_BYTES}, a key written twice, or more than {@link #MAX_TRACE_CHARS} in
     * all make the trace's refusal; what follows is read past, not kept.
     */
    private XesTrace readTrace(Location at) throws XMLStreamException {
        TraceReading reading = new TraceReading();
        Map<String, XesTrace.Attribute> attributes = new LinkedHashMap<>();
        List<XesTrace.Attributes> events = new ArrayList<>();
        while (xml.hasNext()) {
            Location before = location(shown, xml);
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String element = xml.getLocalName();
            if ("event".equals(element)) {
                if (events.size() >= MAX_EVENTS_PER_TRACE) {
                    throw InvalidInputException.at(
                            before,
                            String.format(
                                    Locale.ROOT,
                                    "more than %,d events in this trace: a trace is read whole",
                                    MAX_EVENTS_PER_TRACE));
                }
                Map<String, XesTrace.Attribute> read = readEvent(reading);
                if (reading.refusal == null) {
                    events.add(new XesTrace.Attributes(before, read, mapping.formats()));
                }
            } else {
                attribute(element, before, attributes, reading);
            }
        }
        if (reading.refusal != null) {
            return new XesTrace(
                    at,
                    new XesTrace.Attributes(at, attributes, mapping.formats()),
                    List.of(),
                    reading.refusal);
        }
        return new XesTrace(
                at, new XesTrace.Attributes(at, attributes, mapping.formats()), events, null);
    }

    /** What reading one trace has kept so far, and the first reason to refuse it. */
    private static final class TraceReading {
        long chars;
        RowProblem refusal;

        void refuse(Location at, String message) {
            if (refusal == null) {
                refusal = new RowProblem(at, message);
            }
        }
    }

    private Map<String, XesTrace.Attribute> readEvent(TraceReading reading)
            throws XMLStreamException {
        Map<String, XesTrace.Attribute> attributes = new LinkedHashMap<>();
        while (xml.hasNext()) {
            Location before = location(shown, xml);
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                attribute(xml.getLocalName(), before, attributes, reading);
            }
        }
        return attributes;
    }

    /**
     * Keeps a typed attribute (its nested attributes, lists and containers are not read) and moves
     * past its end.
     */
    private void attribute(
            String element,
            Location at,
            Map<String, XesTrace.Attribute> attributes,
            TraceReading reading)
            throws XMLStreamException {
        if (ATTRIBUTE_TYPES.contains(element) && reading.refusal == null) {
            String key = xml.getAttributeValue(null, "key");
            String value = xml.getAttributeValue(null, "value");
            if (key != null) {
                reading.chars += key.length() + (value == null ? 0 : value.length());
                XesTrace.Attribute first = attributes.get(key);
                if (key.endsWith(BoundedXml.CUT)
                        || value != null && value.endsWith(BoundedXml.CUT)) {
                    reading.refuse(
                            at,
                            String.format(
                                    Locale.ROOT,
                                    "attribute '%s' is longer than %,d bytes: Vigie reads no value"
                                            + " this long",
                                    Values.quoted(key.replace(BoundedXml.CUT, "")),
                                    MAX_VALUE_BYTES));
                } else if (first != null) {
                    reading.refuse(
                            at,
                            "attribute '"
                                    + key
                                    + "' is written twice (first at line "
                                    + first.location().line()
                                    + "): keep only one");
                } else if (reading.chars > MAX_TRACE_CHARS) {
                    reading.refuse(
                            at,
                            String.format(
                                    Locale.ROOT,
                                    "this trace holds more than %,d characters: a trace is read"
                                            + " whole; split it",
                                    MAX_TRACE_CHARS));
                } else {
                    attributes.put(key, new XesTrace.Attribute(element, value, at));
                }
            }
        }
        skipElement();
    }

    /** Moves to the end of the element the reader stands on. */
    private void skipElement() throws XMLStreamException {
        int depth = 1;
        while (depth > 0 && xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    @Override
    public List<FileCount> files() {
        return List.of(new FileCount(shown, "traces", traces));
    }

    @Override
    public void close() {
        try {
            xml.close();
            in.close();
        } catch (XMLStreamException | IOException e) {
            // Only read: nothing is lost when the log cannot be closed.
        }
    }
}
