package fr.vigie.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTest {

    @Test
    void should_show_html_and_markup_from_the_data_as_text() {
        assertThat(Markdown.escape("<script>alert(1)</script> *x* | [y](z)"))
                .isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt; \\*x\\* \\| \\[y\\](z)");
    }

    @Test
    void should_leave_a_plain_ampersand_readable_and_break_only_entities() {
        assertThat(Markdown.escape("Lefort & Cie")).isEqualTo("Lefort & Cie");
        assertThat(Markdown.escape("R&D &lt; &#60;")).isEqualTo("R&D &amp;lt; &amp;\\#60;");
    }
}
