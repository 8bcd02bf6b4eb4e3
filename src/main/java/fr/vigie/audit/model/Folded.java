package fr.vigie.audit.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A deal's finding that no other explains, with the findings it explains folded under it (a close
 * date before the creation date, and every stage "entered after the close" it causes). A finding
 * whose cause is not among the deal's findings (a waiver accepted the cause) stands as a cause of
 * its own, so that nothing is hidden.
 */
public record Folded(Finding cause, List<Finding> consequences) {

    public Folded {
        consequences = List.copyOf(consequences);
    }

    /** The findings of one deal folded under their causes, the causes in the order given. */
    public static List<Folded> of(List<Finding> findings) {
        Map<String, Finding> byId = new HashMap<>();
        findings.forEach(f -> byId.put(f.id(), f));
        Map<String, List<Finding>> underRoot = new LinkedHashMap<>();
        for (Finding finding : findings) {
            if (isCause(finding, byId)) {
                underRoot.put(finding.id(), new ArrayList<>());
            }
        }
        for (Finding finding : findings) {
            if (!isCause(finding, byId)) {
                underRoot.get(root(finding, byId).id()).add(finding);
            }
        }
        List<Folded> folded = new ArrayList<>(underRoot.size());
        underRoot.forEach((id, consequences) -> folded.add(new Folded(byId.get(id), consequences)));
        return folded;
    }

    /**
     * The findings of one deal that no other among them explains: what counts and what is ranked.
     */
    public static List<Finding> causes(List<Finding> findings) {
        if (findings.stream().allMatch(Finding::isCause)) {
            return findings;
        }
        Map<String, Finding> byId = new HashMap<>();
        findings.forEach(f -> byId.put(f.id(), f));
        return findings.stream().filter(f -> isCause(f, byId)).toList();
    }

    private static boolean isCause(Finding finding, Map<String, Finding> byId) {
        return finding.causedBy() == null
                || !byId.containsKey(finding.causedBy())
                || finding.causedBy().equals(finding.id());
    }

    private static Finding root(Finding finding, Map<String, Finding> byId) {
        Finding at = finding;
        for (int steps = 0; !isCause(at, byId) && steps < byId.size(); steps++) {
            at = byId.get(at.causedBy());
        }
        return at;
    }
}
