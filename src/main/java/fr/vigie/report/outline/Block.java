package fr.vigie.report.outline;

import java.io.Serializable;
import java.util.List;

/**
 * What a section is made of. {@code role} names the block for the page's style sheet ("intro",
 * "caution", "findings"); the text renderings ignore it.
 */
public sealed interface Block extends Serializable {

    /** The block's kind, for the templates' switch. */
    default String kind() {
        return getClass().getSimpleName();
    }

    record Paragraph(String role, Text text) implements Block {}

    /** A title inside a section. */
    record Heading(Text text) implements Block {}

    record Items(String role, boolean ordered, List<Item> items) implements Block {

        public Items {
            items = List.copyOf(items);
        }
    }

    /** A list item: its text, then what hangs under it (a second line, a nested list). */
    record Item(String role, Text text, List<Block> more) implements Serializable {

        public Item {
            more = List.copyOf(more);
        }

        public static Item of(Text text) {
            return new Item(null, text, List.of());
        }
    }

    /**
     * A table: header rows (the last one names the columns), body rows, footer rows. {@code
     * framed}: in a frame that scrolls on a narrow screen.
     */
    record Table(String role, boolean framed, List<Row> head, List<Row> body, List<Row> foot)
            implements Block {

        public Table {
            head = List.copyOf(head);
            body = List.copyOf(body);
            foot = List.copyOf(foot);
        }
    }

    record Row(String role, List<Cell> cells) implements Serializable {

        public Row {
            cells = List.copyOf(cells);
        }
    }

    /**
     * A cell: {@code header} for a column's or row's title, {@code numeric} for a figure (aligned
     * right), {@code span} the columns it covers, {@code chart} drawn in it on the page (the text
     * renderings skip a column of charts).
     */
    record Cell(Text text, boolean header, boolean numeric, int span, String role, Chart chart)
            implements Serializable {

        public static Cell text(Text text) {
            return new Cell(text, false, false, 1, null, null);
        }

        public static Cell number(String figure) {
            return new Cell(Text.of(Span.figure(null, figure)), false, true, 1, null, null);
        }

        public static Cell head(Text text) {
            return new Cell(text, true, false, 1, null, null);
        }

        public static Cell numberHead(Text text) {
            return new Cell(text, true, true, 1, null, null);
        }

        public static Cell chart(Chart chart, String role) {
            return new Cell(Text.of(""), false, false, 1, role, chart);
        }

        public Cell withRole(String newRole) {
            return new Cell(text, header, numeric, span, newRole, chart);
        }

        /** The HTML scope of a header cell: a column's, a group of columns', a row's. */
        public String scope(boolean inHead) {
            if (!header) {
                return null;
            }
            if ("group".equals(role)) {
                return "colgroup";
            }
            if ("rowgroup".equals(role)) {
                return "rowgroup";
            }
            return inHead ? "col" : "row";
        }

        /** The cell's classes for the style sheet: "num" for a figure, then its role. */
        public String cssClass() {
            String own =
                    role == null || role.equals("row") || role.equals("rowgroup") ? null : role;
            if (numeric) {
                return own == null ? "num" : "num " + own;
            }
            return own;
        }

        public boolean isChart() {
            return chart != null || (role != null && role.startsWith("chart-col"));
        }
    }

    /** The headline figures, side by side: each a label, a value, a chart, notes. */
    record Figures(List<Figure> figures) implements Block {

        public Figures {
            figures = List.copyOf(figures);
        }
    }

    /**
     * One headline figure; {@code id} lets a test or a reader find its value. {@code sentences}:
     * the figure said in full, for a rendering in text, where it is a line rather than a card.
     */
    record Figure(
            String role,
            Text label,
            String value,
            String id,
            List<Block> notes,
            List<Text> sentences)
            implements Serializable {

        public Figure {
            notes = List.copyOf(notes);
            sentences = List.copyOf(sentences);
        }
    }

    /** A chart on a line of its own. */
    record Drawing(Chart chart) implements Block {}

    /** A legend: samples of the bars with their words. */
    record Legend(List<Key> keys) implements Block {

        public Legend {
            keys = List.copyOf(keys);
        }
    }

    record Key(Chart.Swatch swatch, Text text) implements Serializable {}

    /** Blocks that belong together (a box, a figure with its legend). */
    record Group(String role, List<Block> blocks) implements Block {

        public Group {
            blocks = List.copyOf(blocks);
        }
    }

    /** A deal: its title, then its blocks (its line, its timeline, its findings). */
    record Article(String role, String id, Text title, List<Block> blocks) implements Block {

        public Article {
            blocks = List.copyOf(blocks);
        }
    }

    /**
     * A list that grows with the run (the findings deal by deal, the waived findings), read back
     * from where it was kept while the deals came.
     */
    record Streamed(String listRole, Iterable<Block> blocks) implements Block {

        /** Whether each block is an item of a list (of {@code listRole}). */
        public boolean listed() {
            return listRole != null;
        }
    }
}
