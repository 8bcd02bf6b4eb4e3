package fr.vigie.deals.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoTimestampsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-07-03T09:12:45+02:00",
                "2026-07-03T07:12:45.000Z",
                "2026-07-03T07:12Z",
                "2026-12-31T23:59:59.123456789-05:30",
                "2026-07-03T09:12:45.5+02:00",
                "2024-02-29T00:00:00Z"
            })
    void should_read_the_common_shapes_exactly_as_the_general_parser(String text) {
        assertThat(IsoTimestamps.parse(text)).isEqualTo(OffsetDateTime.parse(text));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-07-03T09:12:45", "2026-13-03T09:12:45Z", "2026-02-30T09:12:45Z",
                        "2026-07-03 09:12:45Z", "2026-07-03T09:12:45+2:00",
                "2026-07-03T25:12:45Z", "2026-07-03T09:12:45.Z", "2026-07-03T09:12:45+02:00x",
                        "2026-7-03T09:12:45Z", "2026-07-03T09:12:45+19:00"
            })
    void should_leave_anything_else_to_the_general_parser(String text) {
        assertThat(IsoTimestamps.parse(text)).isNull();
    }
}
