package fr.vigie.deals.input;

import fr.vigie.common.Outcome;
import fr.vigie.deals.model.Account;
import fr.vigie.deals.model.Activity;
import fr.vigie.deals.model.CloseDateChange;
import fr.vigie.deals.model.Decision;
import fr.vigie.deals.model.Document;
import fr.vigie.deals.model.LineItem;
import fr.vigie.deals.model.StageChange;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A deal as a reader found it, each value already read but nothing checked as a whole: any part may
 * be missing (null). {@link DealChecks#complete} turns it into a {@link fr.vigie.deals.model.Deal}.
 */
public record DealDraft(
        String id,
        String name,
        Account account,
        String owner,
        String team,
        String pipeline,
        String type,
        BigDecimal amount,
        String currency,
        OffsetDateTime createdAt,
        OffsetDateTime closedAt,
        LocalDate expectedCloseDate,
        Outcome outcome,
        String lossReason,
        Map<String, String> fields,
        List<StageChange> stages,
        List<Activity> activities,
        List<Decision> decisions,
        List<LineItem> lines,
        List<CloseDateChange> closeDateChanges,
        List<Document> documents,
        List<fr.vigie.deals.model.PartialEvidence> partialEvidence) {}
