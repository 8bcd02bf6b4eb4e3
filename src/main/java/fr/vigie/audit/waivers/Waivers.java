package fr.vigie.audit.waivers;

import fr.vigie.audit.model.Finding;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The waivers of a run: applies the active ones to findings as they come, and tells at the end how
 * many findings they accepted, which were expired and which matched nothing. One thread only.
 */
public final class Waivers {

    private final List<Waiver> declared;
    private final List<Waiver> active = new ArrayList<>();
    private final List<Waiver> expired = new ArrayList<>();
    private final Map<Waiver, Boolean> used = new IdentityHashMap<>();
    private long waived;

    /**
     * @param endOfPeriod waivers whose {@code until} is before this day are expired and not applied
     */
    public Waivers(List<Waiver> waivers, LocalDate endOfPeriod) {
        this.declared = List.copyOf(waivers);
        for (Waiver waiver : waivers) {
            (waiver.isActiveOn(endOfPeriod) ? active : expired).add(waiver);
        }
    }

    /** The waiver that accepts {@code finding}, or null. */
    public Waiver waiverFor(Finding finding) {
        for (Waiver waiver : active) {
            if (waiver.matches(finding)) {
                used.put(waiver, Boolean.TRUE);
                waived++;
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

    /**
     * What the waivers did in the run: the waivers declared, how many findings they accepted, those
     * expired before the end of the period (not applied), and the active ones that matched nothing.
     */
    public record Applied(
            List<Waiver> declared, long findings, List<Waiver> expired, List<Waiver> unused) {

        public static final Applied NONE = new Applied(List.of(), 0, List.of(), List.of());

        public Applied {
            declared = List.copyOf(declared);
            expired = List.copyOf(expired);
            unused = List.copyOf(unused);
        }

        /** Whether the workspace declares no waiver. */
        public boolean isEmpty() {
            return declared.isEmpty();
        }
    }

    /** What the waivers did so far: at the end of the run, what they did in it. */
    public Applied applied() {
        return new Applied(
                declared,
                waived,
                expired,
                active.stream().filter(w -> !used.containsKey(w)).toList());
    }
}
