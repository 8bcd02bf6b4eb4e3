package fr.vigie.report.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.fontbox.FontBoxFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.font.CIDFontMapping;
import org.apache.pdfbox.pdmodel.font.FontMapper;
import org.apache.pdfbox.pdmodel.font.FontMappers;
import org.apache.pdfbox.pdmodel.font.FontMapping;
import org.apache.pdfbox.pdmodel.font.PDCIDSystemInfo;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;

/**
 * Keeps PDFBox from scanning the machine's fonts (and from writing a font cache in the user's
 * home): openhtmltopdf registers the 14 standard PDF fonts, which PDFBox maps to a system font. The
 * report never draws with them (its style sheet names only the embedded font), so they are all
 * mapped to the font PDFBox ships.
 */
final class SystemFontsIgnored implements FontMapper {

    private static final String SHIPPED =
            "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private final TrueTypeFont shipped;

    private SystemFontsIgnored(TrueTypeFont shipped) {
        this.shipped = shipped;
    }

    static synchronized void install() {
        try (InputStream in = FontMapper.class.getResourceAsStream(SHIPPED)) {
            if (in == null) {
                return;
            }
            FontMappers.set(
                    new SystemFontsIgnored(new TTFParser().parse(new RandomAccessReadBuffer(in))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public FontMapping<TrueTypeFont> getTrueTypeFont(
            String baseFont, PDFontDescriptor fontDescriptor) {
        return new FontMapping<>(shipped, false);
    }

    @Override
    public FontMapping<FontBoxFont> getFontBoxFont(
            String baseFont, PDFontDescriptor fontDescriptor) {
        return new FontMapping<>(shipped, false);
    }

    @Override
    public CIDFontMapping getCIDFont(
            String baseFont, PDFontDescriptor fontDescriptor, PDCIDSystemInfo cidSystemInfo) {
        return new CIDFontMapping(null, shipped, false);
    }
}
