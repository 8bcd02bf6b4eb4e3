package fr.vigie.server.dashboard;

import fr.vigie.server.clients.Clients;
import fr.vigie.server.runs.Run;
import fr.vigie.server.runs.Runs;
import fr.vigie.server.runs.StoredFindings;
import fr.vigie.server.security.AccessLog;
import fr.vigie.server.security.Accounts;
import fr.vigie.server.security.ClientAccess;
import fr.vigie.server.security.Role;
import fr.vigie.server.security.SignedIn;
import fr.vigie.server.web.NotFound;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A client's dashboard, for its CEO and sales director and its consultant: conformity quarter after
 * quarter, the last quarter's gate, what is new, carried over and resolved since the quarter
 * before, the contradictions between strategy and tactics; two quarters side by side; and who
 * opened the client's data.
 */
@Controller
class DashboardPages {

    static final int LISTED = 10;

    private final ClientAccess access;
    private final AccessLog log;
    private final Clients clients;
    private final Runs runs;
    private final StoredFindings findings;
    private final Accounts accounts;

    DashboardPages(
            ClientAccess access,
            AccessLog log,
            Clients clients,
            Runs runs,
            StoredFindings findings,
            Accounts accounts) {
        this.access = access;
        this.log = log;
        this.clients = clients;
        this.runs = runs;
        this.findings = findings;
        this.accounts = accounts;
    }

    @GetMapping("/clients/{client}")
    String dashboard(
            @AuthenticationPrincipal SignedIn user,
            @PathVariable UUID client,
            Locale locale,
            Model model) {
        access.open(user, client);
        log.record(user, client, AccessLog.Action.DASHBOARD, null);
        List<Run> history = runs.history(client);
        model.addAttribute("client", client);
        model.addAttribute("clientName", clients.name(client));
        model.addAttribute("history", history);
        List<Run> inProgress = runs.inProgress(client);
        model.addAttribute("inProgress", inProgress);
        if (!inProgress.isEmpty()) {
            model.addAttribute("refresh", "5");
        }
        model.addAttribute("serving", user.role() == Role.CONSULTANT);
        model.addAttribute("readsAccess", user.role() != Role.DIRECTOR);
        if (!history.isEmpty()) {
            Run latest = history.get(history.size() - 1);
            Run before = history.size() > 1 ? history.get(history.size() - 2) : null;
            UUID beforeId = before == null ? null : before.id();
            model.addAttribute("latest", latest);
            model.addAttribute("before", before);
            model.addAttribute(
                    "trend",
                    TrendChart.of(
                            history,
                            720,
                            220,
                            r -> "/clients/" + client + "/quarters/" + r.period(),
                            locale));
            model.addAttribute("changes", findings.changes(client, latest.id(), beforeId));
            model.addAttribute(
                    "added",
                    findings.list(
                            client, latest.id(), beforeId, StoredFindings.Filter.NEW, 0, LISTED));
            model.addAttribute(
                    "resolved",
                    findings.list(
                            client,
                            latest.id(),
                            beforeId,
                            StoredFindings.Filter.RESOLVED,
                            0,
                            LISTED));
            model.addAttribute("contradictions", findings.contradictions(client, latest.id()));
        }
        return "dashboard/client";
    }

    @GetMapping("/clients/{client}/compare")
    String compare(
            @AuthenticationPrincipal SignedIn user,
            @PathVariable UUID client,
            @RequestParam(required = false) String a,
            @RequestParam(required = false) String b,
            Model model) {
        access.open(user, client);
        List<Run> history = runs.history(client);
        if (history.isEmpty()) {
            throw new NotFound();
        }
        Run right = pick(history, b, history.get(history.size() - 1));
        Run left = pick(history, a, history.size() > 1 ? history.get(history.size() - 2) : right);
        if (left.period().compareTo(right.period()) > 0 && left.figures() != null) {
            Run swap = left;
            left = right;
            right = swap;
        }
        log.record(user, client, AccessLog.Action.COMPARISON, left.period() + " " + right.period());
        UUID leftId = left == right ? null : left.id();
        model.addAttribute("client", client);
        model.addAttribute("clientName", clients.name(client));
        model.addAttribute("history", history);
        model.addAttribute("left", left);
        model.addAttribute("right", right);
        model.addAttribute("changes", findings.changes(client, right.id(), leftId));
        model.addAttribute(
                "added",
                findings.list(client, right.id(), leftId, StoredFindings.Filter.NEW, 0, LISTED));
        model.addAttribute(
                "resolved",
                findings.list(
                        client, right.id(), leftId, StoredFindings.Filter.RESOLVED, 0, LISTED));
        model.addAttribute("leftContradictions", findings.contradictions(client, left.id()));
        model.addAttribute("rightContradictions", findings.contradictions(client, right.id()));
        return "dashboard/compare";
    }

    private static Run pick(List<Run> history, String period, Run otherwise) {
        if (period == null || period.isBlank()) {
            return otherwise;
        }
        return history.stream()
                .filter(r -> r.period().equals(period))
                .findFirst()
                .orElseThrow(NotFound::new);
    }

    @GetMapping("/clients/{client}/access")
    String accessLog(
            @AuthenticationPrincipal SignedIn user, @PathVariable UUID client, Model model) {
        access.open(user, client);
        if (user.role() == Role.DIRECTOR) {
            throw new org.springframework.security.access.AccessDeniedException(
                    "the access log is the CEO's and the consultant's");
        }
        model.addAttribute("client", client);
        model.addAttribute("clientName", clients.name(client));
        model.addAttribute("entries", log.latest(client, 500));
        model.addAttribute("members", accounts.membersOf(client));
        return "dashboard/access";
    }
}
