package fr.vigie.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTest {

  @Test
  void should_show_html_and_markup_from_the_data_as_text() {
    assertThat(Markdown.escape("<script>alert(1)</script> *x* | [y](z)"))
        .isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt; \\*x\\* \\| \\[y\\](z)");
  }
}
