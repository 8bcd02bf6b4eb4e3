package fr.vigie.yaml;

import fr.vigie.common.InvalidInputException;
import fr.vigie.common.Location;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * Reads a YAML file into located nodes, safely: bounded size and depth, duplicate keys refused,
 * anchors and aliases resolved (never turned into strings), at most {@link #MAX_ALIASES} aliases.
 * Only one document per file.
 */
public final class YamlReader {

    public static final long MAX_FILE_BYTES = 2L * 1024 * 1024;
    public static final int MAX_DEPTH = 40;
    public static final int MAX_ALIASES = 100;
    private static final String MERGE_KEY = "<<";

    private static final YAMLFactory FACTORY =
            YAMLFactory.builder()
                    .streamReadConstraints(
                            StreamReadConstraints.builder()
                                    // one level more than checkDepth allows, so that checkDepth,
                                    // which knows the line, speaks first
                                    .maxNestingDepth(MAX_DEPTH + 1)
                                    .maxStringLength(256 * 1024)
                                    .maxDocumentLength(MAX_FILE_BYTES)
                                    .build())
                    .build();

    private final String displayName;
    private final Map<String, YamlNode> anchors = new HashMap<>();
    private int aliases;

    private YamlReader(String displayName) {
        this.displayName = displayName;
    }

    /**
     * Reads {@code file}; locations name it as {@code displayName} (usually workspace-relative).
     */
    public static YamlNode read(Path file, String displayName) {
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw InvalidInputException.at(
                        Location.of(displayName),
                        "file is "
                                + size
                                + " bytes, more than the "
                                + MAX_FILE_BYTES
                                + " allowed for a YAML file: split it");
            }
            String text = decodeUtf8(Files.readAllBytes(file), displayName);
            return parse(text, displayName);
        } catch (IOException e) {
            throw InvalidInputException.at(
                    Location.of(displayName), "cannot read file: " + e.getMessage());
        }
    }

    /** Reads {@code file}, or adds its problems to {@code problems} and returns null. */
    public static YamlNode readInto(
            Path file, String displayName, fr.vigie.common.Problems problems) {
        try {
            return read(file, displayName);
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    public static YamlNode parse(String text, String displayName) {
        return new YamlReader(displayName).parseDocument(text);
    }

    private static String decodeUtf8(byte[] bytes, String displayName) {
        try {
            String text =
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(java.nio.ByteBuffer.wrap(bytes))
                            .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw InvalidInputException.at(
                    Location.of(displayName), "file is not valid UTF-8: save it as UTF-8");
        }
    }

    private YamlNode parseDocument(String text) {
        try (Reader reader = new java.io.StringReader(text);
                JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), reader)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new YamlMap(new Location(displayName, 1, 1), Map.of());
            }
            YamlNode root = readValue((YAMLParser) parser, first, 1);
            if (parser.nextToken() != null) {
                throw InvalidInputException.at(
                        location(parser.currentTokenLocation()),
                        "a second YAML document starts here ('---'): keep one document per file");
            }
            return root;
        } catch (InvalidInputException e) {
            throw e;
        } catch (JacksonException e) {
            throw syntaxError(e);
        } catch (IOException e) {
            throw InvalidInputException.at(
                    Location.of(displayName), "cannot read file: " + e.getMessage());
        }
    }

    private YamlNode readValue(YAMLParser parser, JsonToken token, int depth) {
        Location here = location(parser.currentTokenLocation());
        String anchor = parser.getObjectId();
        YamlNode node =
                switch (token) {
                    case START_OBJECT -> readMap(parser, here, depth);
                    case START_ARRAY -> readList(parser, here, depth);
                    case VALUE_NULL -> new YamlScalar(here, null);
                    default -> {
                        if (parser.isCurrentAlias()) {
                            yield resolveAlias(parser.getString(), here);
                        }
                        String value = parser.getString();
                        yield new YamlScalar(here, "~".equals(value) ? null : value);
                    }
                };
        if (anchor != null) {
            anchors.put(anchor, node);
        }
        return node;
    }

    private YamlNode resolveAlias(String name, Location here) {
        if (++aliases > MAX_ALIASES) {
            throw InvalidInputException.at(
                    here,
                    "more than "
                            + MAX_ALIASES
                            + " aliases in one file: write the values out instead");
        }
        YamlNode target = anchors.get(name);
        if (target == null) {
            throw InvalidInputException.at(
                    here, "alias *" + name + " refers to no anchor &" + name);
        }
        return target;
    }

    private YamlMap readMap(YAMLParser parser, Location here, int depth) {
        checkDepth(here, depth);
        Map<String, YamlMap.Entry> entries = new LinkedHashMap<>();
        Map<String, YamlMap.Entry> merged = new LinkedHashMap<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_OBJECT) {
            Location keyLocation = location(parser.currentTokenLocation());
            String key = parser.currentName();
            JsonToken valueToken = parser.nextToken();
            YamlNode value = readValue(parser, valueToken, depth + 1);
            if (MERGE_KEY.equals(key)) {
                mergeInto(merged, value, keyLocation);
                continue;
            }
            YamlMap.Entry previous = entries.get(key);
            if (previous != null) {
                throw InvalidInputException.at(
                        keyLocation,
                        "duplicate key '"
                                + key
                                + "' (first written at line "
                                + previous.keyLocation().line()
                                + "): keep only one");
            }
            entries.put(key, new YamlMap.Entry(key, keyLocation, value));
        }
        if (merged.isEmpty()) {
            return new YamlMap(here, entries);
        }
        Map<String, YamlMap.Entry> all = new LinkedHashMap<>(merged);
        all.putAll(entries);
        return new YamlMap(here, all);
    }

    private static void mergeInto(
            Map<String, YamlMap.Entry> merged, YamlNode value, Location keyLocation) {
        List<YamlNode> sources = value instanceof YamlList list ? list.items() : List.of(value);
        for (YamlNode source : sources) {
            if (!(source instanceof YamlMap map)) {
                throw InvalidInputException.at(
                        keyLocation, "'<<' merges mappings only, but was given " + source.kind());
            }
            map.entries().forEach(merged::putIfAbsent);
        }
    }

    private YamlList readList(YAMLParser parser, Location here, int depth) {
        checkDepth(here, depth);
        List<YamlNode> items = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            items.add(readValue(parser, token, depth + 1));
        }
        return new YamlList(here, items);
    }

    private void checkDepth(Location here, int depth) {
        if (depth > MAX_DEPTH) {
            throw InvalidInputException.at(here, "nested more than " + MAX_DEPTH + " levels deep");
        }
    }

    private Location location(TokenStreamLocation location) {
        return new Location(displayName, location.getLineNr(), location.getColumnNr());
    }

    private InvalidInputException syntaxError(JacksonException e) {
        Throwable cause = e.getCause();
        if (cause instanceof MarkedYamlEngineException marked
                && marked.getProblemMark().isPresent()) {
            var mark = marked.getProblemMark().get();
            String context =
                    marked.getContext() == null
                            ? ""
                            : " ("
                                    + marked.getContext()
                                    + marked.getContextMark()
                                            .map(
                                                    m ->
                                                            " started at line "
                                                                    + (m.getLine() + 1)
                                                                    + ", column "
                                                                    + (m.getColumn() + 1))
                                            .orElse("")
                                    + ")";
            return InvalidInputException.at(
                    new Location(displayName, mark.getLine() + 1, mark.getColumn() + 1),
                    "YAML syntax error: " + marked.getProblem() + context);
        }
        TokenStreamLocation location = e.getLocation();
        String message = e.getOriginalMessage();
        if (message != null && message.startsWith("Document nesting depth")) {
            message = "nested more than " + MAX_DEPTH + " levels deep";
        } else if (message != null && message.contains("exceeds the maximum allowed")) {
            message = "value too long: " + message;
        } else {
            message = "YAML syntax error: " + message;
        }
        return InvalidInputException.at(
                location == null
                        ? Location.of(displayName)
                        : new Location(displayName, location.getLineNr(), location.getColumnNr()),
                message);
    }
}
