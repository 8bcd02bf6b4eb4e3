package fr.vigie.report.markdown;

import fr.vigie.report.Markdown;
import fr.vigie.report.outline.Block;
import fr.vigie.report.outline.Outline;
import fr.vigie.report.outline.Section;
import fr.vigie.report.outline.Span;
import fr.vigie.report.outline.Text;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays an {@link Outline} out as Markdown: every piece of text escaped ({@link Markdown#escape}),
 * charts left out (their figures are written beside them). It decides nothing: the sections, their
 * order and their words are the outline's.
 */
final class MarkdownRendering {

    private final Writer out;

    MarkdownRendering(Writer out) {
        this.out = out;
    }

    void render(Outline outline) {
        write("# " + Markdown.escape(outline.title()) + "\n\n");
        write(line(outline.cover().dates()) + "  \n" + line(outline.cover().processes()) + "\n\n");
        for (Section section : outline.sections()) {
            write("## " + line(section.title()) + "\n\n");
            section.blocks().forEach(b -> block(b, ""));
        }
        if (!outline.closing().isEmpty()) {
            write("---\n\n");
            outline.closing().forEach(b -> block(b, ""));
        }
    }

    private void block(Block block, String indent) {
        if (block instanceof Block.Paragraph p) {
            write(indent + line(p.text()) + "\n\n");
        } else if (block instanceof Block.Heading h) {
            write("### " + line(h.text()) + "\n\n");
        } else if (block instanceof Block.Items items) {
            items(items, indent);
        } else if (block instanceof Block.Table table) {
            table(table);
        } else if (block instanceof Block.Figures figures) {
            figures(figures);
        } else if (block instanceof Block.Group group) {
            if (group.role() == null || !group.role().startsWith("figure")) {
                group.blocks().forEach(b -> block(b, indent));
            }
        } else if (block instanceof Block.Article article) {
            write("### " + line(article.title()) + "\n\n");
            article.blocks().forEach(b -> block(b, indent));
        } else if (block instanceof Block.Streamed streamed) {
            for (Block each : streamed.blocks()) {
                if (streamed.listed() && each instanceof Block.Paragraph p) {
                    write(indent + "- " + line(p.text()) + "\n");
                } else {
                    block(each, indent);
                }
            }
            if (streamed.listed()) {
                write("\n");
            }
        }
        // a Drawing, a Legend or a figure: charts, whose figures are written beside them
    }

    private void items(Block.Items items, String indent) {
        int n = 1;
        for (Block.Item item : items.items()) {
            String bullet = items.ordered() ? (n++) + ". " : "- ";
            write(indent + bullet + line(item.text()) + "\n");
            String inner = indent + " ".repeat(bullet.length());
            for (Block more : item.more()) {
                if (more instanceof Block.Paragraph p) {
                    write(inner + "_" + line(p.text()) + "_\n");
                } else if (more instanceof Block.Items nested) {
                    nested(nested, inner);
                } else {
                    block(more, inner);
                }
            }
        }
        write("\n");
    }

    /** The headline figures as a list of sentences. */
    private void figures(Block.Figures figures) {
        for (Block.Figure figure : figures.figures()) {
            for (Text sentence : figure.sentences()) {
                write("- " + line(sentence) + "\n");
            }
        }
        write("\n");
    }

    private void nested(Block.Items items, String indent) {
        for (Block.Item item : items.items()) {
            write(indent + "- " + line(item.text()) + "\n");
        }
    }

    /**
     * A table with the columns that hold words or figures (a column of charts is left out), named
     * by its last header row.
     */
    private void table(Block.Table table) {
        List<Block.Row> rows = new ArrayList<>();
        if (!table.head().isEmpty()) {
            rows.add(table.head().get(table.head().size() - 1));
        }
        List<Block.Cell> columns = rows.isEmpty() ? null : rows.get(0).cells();
        StringBuilder md = new StringBuilder();
        if (columns != null) {
            md.append(cells(columns, false)).append("\n|");
            for (Block.Cell cell : columns) {
                if (!cell.isChart()) {
                    md.append(cell.numeric() ? "---:|" : "---|");
                }
            }
            md.append('\n');
        }
        for (Block.Row row : table.body()) {
            if (row.cells().size() == 1 && row.cells().get(0).span() > 1) {
                md.append("| **").append(line(row.cells().get(0).text())).append("** |\n");
                continue;
            }
            md.append(cells(row.cells(), false)).append('\n');
        }
        for (Block.Row row : table.foot()) {
            md.append(cells(row.cells(), true)).append('\n');
        }
        write(md.append('\n').toString());
    }

    private String cells(List<Block.Cell> cells, boolean strong) {
        StringBuilder md = new StringBuilder("|");
        for (Block.Cell cell : cells) {
            if (cell.isChart()) {
                continue;
            }
            String text = line(cell.text(), true);
            if (strong && !text.isEmpty()) {
                text = "**" + text + "**";
            }
            md.append(' ').append(text.isEmpty() ? "" : text + " ").append('|');
        }
        return md.toString();
    }

    /** A text on one line, each piece escaped, its role shown the Markdown way. */
    static String line(Text text) {
        return line(text, false);
    }

    /** In a table, a severity is a word among others, not strong. */
    private static String line(Text text, boolean inTable) {
        StringBuilder md = new StringBuilder();
        for (Span span : text.spans()) {
            String words = Markdown.escape(span.text());
            switch (span.kind()) {
                case TEXT -> md.append(words);
                case FIGURE -> md.append(figure(span.text()));
                case STRONG -> md.append("**").append(words).append("**");
                case SEVERITY -> md.append(inTable ? words : "**" + words + "**");
                case EMPHASIS -> md.append('_').append(words).append('_');
                case CODE -> md.append('`').append(span.text().replace("`", "'")).append('`');
                case ID -> md.append("<sub>").append(words).append("</sub>");
                case BREAK -> md.append("  \n  ");
                default -> md.append(words);
            }
        }
        return md.toString();
    }

    /**
     * A figure Vigie formatted ("52,6 % [46,8 – 58,3] (n = 285)"): no Markdown in it to neutralise,
     * but what would be HTML or end a table's cell.
     */
    private static String figure(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("|", "\\|");
    }

    private void write(String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
