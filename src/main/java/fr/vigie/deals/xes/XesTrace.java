package fr.vigie.deals.xes;

import fr.vigie.common.Location;
import fr.vigie.deals.imports.Cells;
import fr.vigie.deals.imports.RowProblem;
import fr.vigie.deals.imports.ValueFormats;
import fr.vigie.deals.input.InvalidValue;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One trace of an XES log as read, not yet interpreted: its attributes and its events', each with
 * the place it is written, so that every problem points at the attribute at fault; or why it was
 * not kept ({@code refusal}: a value too long, a key written twice), null when it was.
 */
record XesTrace(
        Location location, Attributes attributes, List<Attributes> events, RowProblem refusal) {

    /** One attribute: its XES type (string, date, float...), value and place. */
    record Attribute(String type, String value, Location location) {}

    /** The attributes of a trace or an event, by key, read through the log's formats. */
    record Attributes(Location location, Map<String, Attribute> byKey, ValueFormats formats)
            implements Cells {

        @Override
        public String text(String key) {
            Attribute attribute = byKey.get(key);
            return attribute == null || attribute.value() == null || attribute.value().isBlank()
                    ? null
                    : attribute.value().strip();
        }

        @Override
        public String header(String key) {
            return key;
        }

        @Override
        public <T> T read(String key, Supplier<T> reading) {
            try {
                return reading.get();
            } catch (InvalidValue invalid) {
                throw refuse(key, invalid.getMessage());
            }
        }

        Location at(String key) {
            Attribute attribute = byKey.get(key);
            return attribute == null ? location : attribute.location();
        }

        RowProblem refuse(String key, String message) {
            return new RowProblem(at(key), message);
        }
    }
}
