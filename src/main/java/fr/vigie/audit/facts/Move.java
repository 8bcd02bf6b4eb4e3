package fr.vigie.audit.facts;

import fr.vigie.process.model.StageSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The deal going from one stage ({@code source}) to the next ({@code target}), or entering the
 * process at its first stage ({@code source} null, see {@link #isStart()}),, judged by the version
 * in force when it moved. {@code skipped} lists the stages of that version between the two, for a
 * forward move (a move to the lost outcome skips nothing: a deal may be lost at any stage). {@code
 * backwardAllowed} tells whether the process lists this backward move.
 */
public record Move(
        StageVisit source,
        StageVisit target,
        Direction direction,
        List<StageSpec> skipped,
        boolean backwardAllowed) {

    /** Which way the deal moved in the stage order. */
    public enum Direction {
        FORWARD,
        BACKWARD,
        /** The stages are not comparable (the process changed between the two visits). */
        UNKNOWN
    }

    public Move {
        skipped = List.copyOf(skipped);
    }

    public boolean isForward() {
        return direction == Direction.FORWARD;
    }

    public boolean isBackward() {
        return direction == Direction.BACKWARD;
    }

    /** The deal's entry into the process: there is no stage before. */
    public boolean isStart() {
        return source == null;
    }

    /**
     * A forward move out of a stage that carries the deal on (not to the lost outcome): the exit
     * requirements of the stage it leaves apply.
     */
    public boolean isAdvance() {
        return direction == Direction.FORWARD
                && source != null
                && target.spec().terminal() != fr.vigie.common.Outcome.LOST;
    }

    /**
     * The stages whose exit requirements fall due at this move: the stage an advance leaves, and
     * each stage it jumped over that the process does not let a deal skip (a deal that skips a
     * stage still owes what that stage requires before a deal leaves it). A stage marked {@code
     * skip: allowed} is optional: a deal that skips it owes nothing of it.
     */
    public List<StageSpec> exited() {
        List<StageSpec> exited = new ArrayList<>();
        if (isAdvance()) {
            exited.add(source.spec());
        }
        skipped.stream().filter(stage -> !stage.skippable()).forEach(exited::add);
        return exited;
    }

    /** Whether the deal jumped over {@code stage} at this move. */
    public boolean skips(StageSpec stage) {
        return skipped.contains(stage);
    }
}
