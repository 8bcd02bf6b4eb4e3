package fr.vigie.server.runs;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A deal's stays in each stage, as stored with it, for its timeline. */
record Visits(String stage, String label, String entered, String left, long days) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static List<Visits> read(String json) {
        List<Visits> visits = new ArrayList<>();
        if (json == null) {
            return visits;
        }
        for (JsonNode visit : JSON.readTree(json)) {
            visits.add(
                    new Visits(
                            visit.path("stage").asString(),
                            visit.path("label").asString(null),
                            day(visit.path("entered")),
                            day(visit.path("left")),
                            visit.path("days").asLong()));
        }
        return visits;
    }

    private static String day(JsonNode at) {
        return at.isNull() || at.isMissingNode()
                ? null
                : at.asString().substring(0, Math.min(10, at.asString().length()));
    }
}
