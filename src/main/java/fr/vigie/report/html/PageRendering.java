package fr.vigie.report.html;

import fr.vigie.report.ReportText;
import fr.vigie.report.outline.Outline;
import java.io.Writer;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.dialect.SpringStandardDialect;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Lays an {@link Outline} out as a page through the report's Thymeleaf templates
 * (fr/vigie/report/templates/): in HTML mode for report.html, in XML mode for the XHTML the PDF is
 * laid out from. The templates write every text with th:text, escaped; only the charts (SVG made by
 * {@link SvgCharts}, which holds no text) and the style sheet are inserted as markup. A plain
 * template engine, no Spring context: the expressions are SpEL, as in the server that reuses these
 * templates. The engines are made once, with their templates cached.
 */
public final class PageRendering {

    private static final TemplateEngine PAGE = engine(TemplateMode.HTML);
    private static final TemplateEngine XHTML = engine(TemplateMode.XML);

    private PageRendering() {}

    private static TemplateEngine engine(TemplateMode mode) {
        ClassLoaderTemplateResolver templates =
                new ClassLoaderTemplateResolver(PageRendering.class.getClassLoader());
        templates.setPrefix("fr/vigie/report/templates/");
        templates.setSuffix(".html");
        templates.setTemplateMode(mode);
        templates.setCharacterEncoding("UTF-8");
        templates.setCacheable(true);
        TemplateEngine engine = new TemplateEngine();
        engine.setDialect(new SpringStandardDialect());
        engine.setTemplateResolver(templates);
        return engine;
    }

    /** {@code outline} as one self-contained page for {@code medium}. */
    public static void render(Outline outline, Medium medium, ReportText text, Writer out) {
        Context context = new Context(text.locale());
        context.setVariable("doc", outline);
        context.setVariable("pdf", medium == Medium.PDF);
        context.setVariable("css", Styles.css(medium, text));
        context.setVariable("charts", new SvgCharts());
        (medium == Medium.PDF ? XHTML : PAGE).process("report", context, out);
    }
}
