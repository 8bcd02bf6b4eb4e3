package fr.vigie.audit.run;

import fr.vigie.audit.model.Finding;
import fr.vigie.audit.result.AuditedDeal;
import fr.vigie.deals.input.Rejection;
import fr.vigie.common.Location;
import java.util.List;

/** What judging one record gave: an audited deal with its findings, or a refusal. */
public sealed interface Judged {

  /** The deal was audited. */
  record Audited(AuditedDeal deal, List<Finding> findings, Location location, int events) implements Judged {
    public Audited {
      findings = List.copyOf(findings);
    }
  }

  /** The record was not audited, and why. */
  record Refused(Rejection rejection, int events) implements Judged {}
}
