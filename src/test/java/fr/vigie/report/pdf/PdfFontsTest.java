package fr.vigie.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.report.PdfText;
import fr.vigie.report.ReportRuns;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.Test;

/** report.pdf carries its own font, and it has every character French amounts and quotes need. */
class PdfFontsTest {

    @Test
    void should_embed_the_shipped_font_and_no_other() throws IOException {
        // GIVEN the sample's report.pdf
        Path pdf = ReportRuns.sample("fr").resolve("report.pdf");

        // WHEN the fonts of its pages are listed
        Set<String> fonts = new TreeSet<>();
        Set<String> notEmbedded = new TreeSet<>();
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    fonts.add(font.getName().replaceFirst("^[A-Z]{6}\\+", ""));
                    if (!font.isEmbedded()) {
                        notEmbedded.add(font.getName());
                    }
                }
            }
        }

        // THEN they are the two weights of DejaVu Sans Condensed, embedded
        assertThat(fonts).containsExactly("DejaVuSansCondensed", "DejaVuSansCondensed-Bold");
        assertThat(notEmbedded).isEmpty();
    }

    @Test
    void should_write_the_euro_sign_accents_quotes_and_the_narrow_space_of_french_numbers()
            throws IOException {
        // GIVEN the sample's report.pdf
        // WHEN it is turned back into text
        String text =
                PdfText.of(ReportRuns.sample("fr").resolve("report.pdf"))
                        + PdfText.of(ReportRuns.sample("fr").resolve("report-appendix.pdf"));

        // THEN amounts keep their narrow no-break spaces and euro sign, French keeps its accents
        // and quotes
        assertThat(text)
                .contains("56\u202F199\u202F936\u00A0€", "Synthèse", "« champion »", "Écarts")
                .doesNotContain("\uFFFD", "#\u202F");
    }
}
