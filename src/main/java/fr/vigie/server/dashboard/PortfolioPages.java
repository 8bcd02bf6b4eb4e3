package fr.vigie.server.dashboard;

import fr.vigie.server.clients.Clients;
import fr.vigie.server.runs.Run;
import fr.vigie.server.runs.Runs;
import fr.vigie.server.security.Accounts;
import fr.vigie.server.security.Role;
import fr.vigie.server.security.SignedIn;
import fr.vigie.server.uploads.UploadRefused;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The consultant's portfolio: their clients, each one's last quarter, gate and trend, and the
 * audits in progress; and where the day starts.
 */
@Controller
class PortfolioPages {

    /** One client in the portfolio. */
    record Line(UUID id, String name, Run latest, Run before, TrendChart trend, int inProgress) {}

    private final Accounts accounts;
    private final Clients clients;
    private final Runs runs;

    PortfolioPages(Accounts accounts, Clients clients, Runs runs) {
        this.accounts = accounts;
        this.clients = clients;
        this.runs = runs;
    }

    /** Where each person starts: the portfolio, their company's dashboard, or the admin page. */
    @GetMapping("/")
    String home(@AuthenticationPrincipal SignedIn user) {
        if (user.role() == Role.ADMIN) {
            return "redirect:/admin";
        }
        if (user.role() == Role.CONSULTANT) {
            return "redirect:/portfolio";
        }
        List<UUID> mine = accounts.clientsOf(user.id());
        return mine.isEmpty() ? "home/nothing" : "redirect:/clients/" + mine.get(0);
    }

    @GetMapping("/portfolio")
    String portfolio(@AuthenticationPrincipal SignedIn user, Locale locale, Model model) {
        List<Line> lines = new ArrayList<>();
        for (UUID client : accounts.clientsOf(user.id())) {
            List<Run> history = runs.history(client);
            Run latest = history.isEmpty() ? null : history.get(history.size() - 1);
            Run before = history.size() > 1 ? history.get(history.size() - 2) : null;
            TrendChart trend =
                    history.isEmpty()
                            ? null
                            : TrendChart.spark(
                                    history,
                                    160,
                                    40,
                                    r -> "/clients/" + client + "/quarters/" + r.period(),
                                    locale);
            lines.add(
                    new Line(
                            client,
                            clients.name(client),
                            latest,
                            before,
                            trend,
                            runs.inProgress(client).size()));
        }
        model.addAttribute("lines", lines);
        if (lines.stream().anyMatch(line -> line.inProgress() > 0)) {
            model.addAttribute("refresh", "5");
        }
        return "dashboard/portfolio";
    }

    @PostMapping("/clients/new")
    String create(@AuthenticationPrincipal SignedIn user, @RequestParam String name) {
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            throw new UploadRefused("give the client's name (200 characters at most)");
        }
        UUID client = clients.create(name, user.id());
        return "redirect:/clients/" + client + "/workspace";
    }
}
