package fr.vigie.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.vigie.common.InvalidInputException;
import org.junit.jupiter.api.Test;

class YamlReaderTest {

    @Test
    void should_keep_the_line_and_column_of_every_key_and_value() {
        // GIVEN
        String text = "process: vente\nstages:\n  - id: prospection\n";
        // WHEN
        YamlMap root = (YamlMap) YamlReader.parse(text, "p.yaml");
        // THEN
        assertThat(root.entries().get("stages").keyLocation()).hasToString("p.yaml:2:1");
        YamlMap stage = (YamlMap) ((YamlList) root.get("stages")).items().get(0);
        assertThat(stage.get("id").location()).hasToString("p.yaml:3:9");
    }

    @Test
    void should_refuse_a_duplicate_key_with_both_places() {
        assertThatThrownBy(() -> YamlReader.parse("a: 1\nb: 2\na: 3\n", "x.yaml"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(
                        "x.yaml:3:1: duplicate key 'a' (first written at line 1): keep only one");
    }

    @Test
    void should_say_where_yaml_nests_beyond_the_limit() {
        // GIVEN maps nested 41 deep, block style, then flow style
        StringBuilder block = new StringBuilder("client: X\n");
        for (int i = 0; i < 41; i++) {
            block.append("  ".repeat(i)).append("k").append(i).append(":\n");
        }
        block.append("  ".repeat(41)).append("v: 1\n");
        String flow = "a: " + "[".repeat(45) + "]".repeat(45) + "\n";

        // WHEN / THEN the line and column of the map or list one level too deep
        assertThatThrownBy(() -> YamlReader.parse(block.toString(), "x.yaml"))
                .hasMessage("x.yaml:42:81: nested more than 40 levels deep");
        assertThatThrownBy(() -> YamlReader.parse(flow, "x.yaml"))
                .hasMessage("x.yaml:1:43: nested more than 40 levels deep");
    }

    @Test
    void should_resolve_anchors_and_aliases_to_the_same_value() {
        // GIVEN
        String text = "base: &stages\n  - id: a\nother: *stages\n";
        // WHEN
        YamlMap root = (YamlMap) YamlReader.parse(text, "x.yaml");
        // THEN
        assertThat(root.get("other")).isSameAs(root.get("base")).isInstanceOf(YamlList.class);
    }

    @Test
    void should_merge_mappings_with_the_merge_key_and_let_local_keys_win() {
        // GIVEN
        String text = "base: &b\n  k: 1\n  j: 2\nchild:\n  <<: *b\n  k: 3\n";
        // WHEN
        YamlMap child = (YamlMap) ((YamlMap) YamlReader.parse(text, "x.yaml")).get("child");
        // THEN
        assertThat(((YamlScalar) child.get("k")).value()).isEqualTo("3");
        assertThat(((YamlScalar) child.get("j")).value()).isEqualTo("2");
    }

    @Test
    void should_refuse_an_alias_to_an_unknown_anchor() {
        assertThatThrownBy(() -> YamlReader.parse("a: *nowhere\n", "x.yaml"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("x.yaml:1:4:");
    }

    @Test
    void should_refuse_too_many_aliases_so_that_a_billion_laughs_cannot_start() {
        StringBuilder text = new StringBuilder("a: &a [x]\nb: [");
        for (int i = 0; i <= YamlReader.MAX_ALIASES; i++) {
            text.append(i == 0 ? "" : ", ").append("*a");
        }
        text.append("]\n");
        assertThatThrownBy(() -> YamlReader.parse(text.toString(), "x.yaml"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("more than " + YamlReader.MAX_ALIASES + " aliases");
    }

    @Test
    void should_refuse_nesting_deeper_than_the_limit() {
        String text =
                "a: ".repeat(1)
                        + "[".repeat(YamlReader.MAX_DEPTH + 5)
                        + "]".repeat(YamlReader.MAX_DEPTH + 5)
                        + "\n";
        assertThatThrownBy(() -> YamlReader.parse(text, "x.yaml"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("levels deep");
    }

    @Test
    void should_locate_a_syntax_error_at_the_problem_and_name_what_was_open() {
        assertThatThrownBy(() -> YamlReader.parse("a: [1, 2\nb: 2\n", "x.yaml"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(
                        "x.yaml:2:2: YAML syntax error: expected ',' or ']', but got :")
                .hasMessageContaining("started at line 1, column 4");
    }

    @Test
    void should_refuse_a_second_document() {
        assertThatThrownBy(() -> YamlReader.parse("a: 1\n---\nb: 2\n", "x.yaml"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("one document per file");
    }

    @Test
    void should_read_null_tilde_and_empty_values_as_absent() {
        YamlMap root = (YamlMap) YamlReader.parse("a: ~\nb:\nc: null\n", "x.yaml");
        assertThat(root.entries().values())
                .allSatisfy(e -> assertThat(((YamlScalar) e.value()).isNull()).isTrue());
    }
}
