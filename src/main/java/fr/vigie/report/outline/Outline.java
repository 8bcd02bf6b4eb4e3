package fr.vigie.report.outline;

import fr.vigie.report.ReportPart;
import java.util.List;

/**
 * One document of the report (the CEO's part or the appendix) as its renderers receive it: every
 * section, sentence and figure decided, worded and formatted once, from the audit's result. The
 * page (Thymeleaf), the PDF's XHTML (the same templates) and Markdown only lay it out.
 */
public record Outline(
        ReportPart part,
        String language,
        String title,
        String footer,
        Cover cover,
        Text contentsTitle,
        List<Section> sections,
        List<Block> closing,
        Text colophon) {

    public Outline {
        sections = List.copyOf(sections);
        closing = List.copyOf(closing);
    }

    /** The chapters, for the contents on screen. */
    public List<Section> chapters() {
        return sections.stream().filter(Section::chapter).toList();
    }
}
