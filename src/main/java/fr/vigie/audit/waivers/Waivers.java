package fr.vigie.audit.waivers;

import fr.vigie.audit.model.Finding;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The waivers of a run: applies the active ones to findings as they come, and tells at the end
 * which were expired and which matched nothing. One thread only.
 */
public final class Waivers {

  public static final Waivers NONE = new Waivers(List.of(), LocalDate.MIN);

  private final List<Waiver> active = new ArrayList<>();
  private final List<Waiver> expired = new ArrayList<>();
  private final Map<Waiver, Boolean> used = new IdentityHashMap<>();

  /** @param endOfPeriod waivers whose {@code until} is before this day are expired and not applied */
  public Waivers(List<Waiver> waivers, LocalDate endOfPeriod) {
    for (Waiver waiver : waivers) {
      (waiver.isActiveOn(endOfPeriod) ? active : expired).add(waiver);
    }
  }

  /** The waiver that accepts {@code finding}, or null. */
  public Waiver waiverFor(Finding finding) {
    for (Waiver waiver : active) {
      if (waiver.matches(finding)) {
        used.put(waiver, Boolean.TRUE);
        return waiver;
      }
    }
    return null;
  }

  /** Findings split between those that stay and those a waiver accepts. */
  public record Split(List<Finding> kept, List<WaivedFinding> waived) {}

  /** Applies the active waivers to {@code findings}. */
  public Split split(List<Finding> findings) {
    if (active.isEmpty()) {
      return new Split(findings, List.of());
    }
    List<Finding> kept = new ArrayList<>();
    List<WaivedFinding> waived = new ArrayList<>();
    for (Finding finding : findings) {
      Waiver waiver = waiverFor(finding);
      if (waiver == null) {
        kept.add(finding);
      } else {
        waived.add(new WaivedFinding(finding, waiver));
      }
    }
    return new Split(kept, waived);
  }

  public boolean isEmpty() {
    return active.isEmpty() && expired.isEmpty();
  }

  public List<Waiver> expired() {
    return List.copyOf(expired);
  }

  /** The active waivers that matched no finding of the run. */
  public List<Waiver> unused() {
    return active.stream().filter(w -> !used.containsKey(w)).toList();
  }
}
