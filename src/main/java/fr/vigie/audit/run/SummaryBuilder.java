package fr.vigie.audit.run;

import fr.vigie.audit.engine.RuleBase;
import fr.vigie.audit.model.Finding;
import fr.vigie.audit.model.RuleInfo;
import fr.vigie.audit.model.Severity;
import fr.vigie.deals.input.DealInput;
import fr.vigie.deals.model.Outcome;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Adds up audited deals and findings as they come; memory grows with rules, stages and owners, not deals. */
final class SummaryBuilder {

  private final RuleBase rules;
  private final Locale language;
  private long audited;
  private long rejected;
  private long eventsRead;
  private long eventsRejected;
  private long won;
  private long lost;
  private long open;
  private long conforming;
  private long findings;
  private long waived;
  private final Map<String, BigDecimal> amounts = new TreeMap<>();
  private final Map<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
  private final Map<String, long[]> byRule = new HashMap<>();
  private final Map<String, long[]> byStage = new HashMap<>();
  private final Map<String, String> stageLabels = new HashMap<>();
  private final Map<String, long[]> byOwner = new HashMap<>();
  private final Map<String, String> ownerTeams = new HashMap<>();

  private final Map<String, BigDecimal> atStake = new HashMap<>();
  private fr.vigie.waivers.Waivers waivers;

  SummaryBuilder(AuditContext context) {
    this.rules = context.rules();
    this.language = context.language();
    for (Severity severity : Severity.values()) {
      bySeverity.put(severity, 0L);
    }
    for (Finding finding : context.planFindings()) {
      count(finding);
    }
    waived = context.planWaived().size();
    this.waivers = context.waivers();
  }

  private void count(Finding finding) {
    findings++;
    bySeverity.merge(finding.severity(), 1L, Long::sum);
    byRule.computeIfAbsent(finding.rule(), r -> new long[2])[0]++;
    if (finding.evidence().get("atStake") instanceof Number amount) {
      atStake.merge(finding.rule(), new BigDecimal(amount.toString()), BigDecimal::add);
    }
  }

  void audited(AuditedDeal deal, List<Finding> dealFindings, int events) {
    audited++;
    eventsRead += events;
    if (deal.amount() != null) {
      amounts.merge(deal.currency() == null ? "?" : deal.currency(), deal.amount(), BigDecimal::add);
    }
    if (deal.outcome() == Outcome.WON) {
      won++;
    } else if (deal.outcome() == Outcome.LOST) {
      lost++;
    } else {
      open++;
    }
    boolean conforms = dealFindings.stream().noneMatch(f -> f.severity().compareTo(Severity.MINOR) >= 0);
    if (conforms) {
      conforming++;
    }
    String owner = deal.owner() == null ? "?" : deal.owner();
    long[] ownerCounts = byOwner.computeIfAbsent(owner, o -> new long[3]);
    ownerTeams.putIfAbsent(owner, deal.team());
    ownerCounts[0]++;
    ownerCounts[1] += dealFindings.isEmpty() ? 0 : 1;
    ownerCounts[2] += dealFindings.size();
    Set<String> rulesOnDeal = new HashSet<>();
    Set<String> stagesOnDeal = new HashSet<>();
    for (Finding finding : dealFindings) {
      count(finding);
      if (rulesOnDeal.add(finding.rule())) {
        byRule.get(finding.rule())[1]++;
      }
      if (finding.stage() != null) {
        long[] stageCounts = byStage.computeIfAbsent(finding.stage(), s -> new long[2]);
        stageCounts[0]++;
        if (stagesOnDeal.add(finding.stage())) {
          stageCounts[1]++;
        }
        Object label = finding.evidence().get("stage");
        stageLabels.putIfAbsent(finding.stage(), label == null ? finding.stage() : label.toString());
      }
    }
  }

  long auditedCount() {
    return audited;
  }

  long rejectedCount() {
    return rejected;
  }

  void waived(int count) {
    waived += count;
  }

  void rejected(int events) {
    rejected++;
    eventsRead += events;
    eventsRejected += events;
  }

  void orphanEvent() {
    eventsRead++;
    eventsRejected++;
  }

  AuditSummary build(List<DealInput.FileCount> files, long read) {
    List<AuditSummary.RuleCount> ruleCounts = new ArrayList<>();
    byRule.forEach((id, counts) -> {
      RuleInfo info = rules.rule(id).orElseThrow();
      ruleCounts.add(new AuditSummary.RuleCount(id, rules.messages().title(language, id), info.severity(), info.lever(), info.topic(),
          info.scope(), counts[0], counts[1], atStake.getOrDefault(id, BigDecimal.ZERO)));
    });
    ruleCounts.sort(Comparator.comparingLong(AuditSummary.RuleCount::findings).reversed().thenComparing(AuditSummary.RuleCount::rule));
    List<AuditSummary.StageCount> stageCounts = new ArrayList<>();
    byStage.forEach((id, counts) -> stageCounts.add(new AuditSummary.StageCount(id, stageLabels.get(id), counts[0], counts[1])));
    stageCounts.sort(Comparator.comparingLong(AuditSummary.StageCount::findings).reversed().thenComparing(AuditSummary.StageCount::stage));
    List<AuditSummary.OwnerCount> ownerCounts = new ArrayList<>();
    byOwner.forEach((owner, counts) -> ownerCounts.add(new AuditSummary.OwnerCount(owner, ownerTeams.get(owner), counts[0], counts[1], counts[2])));
    ownerCounts.sort(Comparator.comparingLong(AuditSummary.OwnerCount::findings).reversed().thenComparing(AuditSummary.OwnerCount::owner));
    return new AuditSummary(files, read, audited, rejected, eventsRead, eventsRejected, amounts, won, lost, open, conforming,
        findings, bySeverity, ruleCounts, stageCounts, ownerCounts, waived, waivers.expired(), waivers.unused());
  }
}
