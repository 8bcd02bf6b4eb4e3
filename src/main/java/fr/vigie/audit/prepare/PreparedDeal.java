package fr.vigie.audit.prepare;

import fr.vigie.audit.facts.Move;
import fr.vigie.audit.facts.RequiredApproval;
import fr.vigie.audit.facts.StageVisit;
import fr.vigie.deals.model.Deal;
import fr.vigie.process.model.ProcessVersion;
import fr.vigie.process.model.SalesProcess;
import java.util.List;

/**
 * A deal ready to be judged: the process and version that judge it, its stay in each stage, its
 * moves, the approvals its discount calls for, and the rules in force for it.
 */
public record PreparedDeal(
        Deal deal,
        SalesProcess process,
        ProcessVersion version,
        List<StageVisit> visits,
        List<Move> moves,
        List<RequiredApproval> approvals,
        EffectiveRules rules) {

    public PreparedDeal {
        visits = List.copyOf(visits);
        moves = List.copyOf(moves);
        approvals = List.copyOf(approvals);
    }
}
