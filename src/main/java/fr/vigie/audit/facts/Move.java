package fr.vigie.audit.facts;

import fr.vigie.process.model.StageSpec;
import java.util.List;

/**
 * The deal going from one stage ({@code source}) to the next ({@code target}), judged by the version in force when it moved.
 * {@code skipped} lists the stages of that version between the two, for a forward move (a move to
 * the lost outcome skips nothing: a deal may be lost at any stage). {@code backwardAllowed} tells
 * whether the process lists this backward move.
 */
public record Move(
    StageVisit source, StageVisit target, Direction direction, List<StageSpec> skipped, boolean backwardAllowed) {

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

  /** A forward move that carries the deal on (not to the lost outcome): exit requirements apply. */
  public boolean isAdvance() {
    return direction == Direction.FORWARD && target.spec().terminal() != fr.vigie.deals.model.Outcome.LOST;
  }
}
