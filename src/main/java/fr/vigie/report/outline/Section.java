package fr.vigie.report.outline;

import java.util.List;

/**
 * A section of the report: its anchor, its title, whether it is a chapter (a new page in print, a
 * line of the contents on screen) or a part of the chapter before it, and its blocks.
 */
public record Section(String id, Text title, boolean chapter, List<Block> blocks) {

    public Section {
        blocks = List.copyOf(blocks);
    }
}
