package fr.vigie.server.admin;

import fr.vigie.server.clients.Clients;
import fr.vigie.server.clients.RuleConfinement;
import fr.vigie.server.security.Account;
import fr.vigie.server.security.Accounts;
import fr.vigie.server.security.Role;
import fr.vigie.server.security.SignedIn;
import fr.vigie.server.store.Database;
import fr.vigie.server.store.Flags;
import fr.vigie.server.uploads.UploadRefused;
import fr.vigie.server.web.NotFound;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's page: the accounts (consultants, and each client's CEO and sales director), who may
 * see which client, and the server's switches. The admin sees the clients' names to give access to
 * them, never their data. A new password is shown once, here, and never again.
 */
@Controller
class AdminPages {

    /** A client as the admin sees it: its name and who may see it. */
    record ClientLine(UUID id, String name, List<Account> members) {}

    private final Accounts accounts;
    private final Clients clients;
    private final Flags flags;
    private final RuleConfinement confinement;
    private final Database database;

    AdminPages(
            Accounts accounts,
            Clients clients,
            Flags flags,
            RuleConfinement confinement,
            Database database) {
        this.accounts = accounts;
        this.clients = clients;
        this.flags = flags;
        this.confinement = confinement;
        this.database = database;
    }

    @GetMapping("/admin")
    String show(Model model) {
        List<ClientLine> lines = new ArrayList<>();
        for (UUID client : clients.all()) {
            lines.add(new ClientLine(client, clients.name(client), accounts.membersOf(client)));
        }
        model.addAttribute("accounts", accounts.all());
        model.addAttribute("clients", lines);
        model.addAttribute("unconfined", confinement.unconfinedAllowed());
        model.addAttribute("confinedAvailable", confinement.confinedAvailable());
        model.addAttribute("confinementProblem", confinement.problem());
        model.addAttribute("database", database.product());
        model.addAttribute("rowLevelSecurity", database.isPostgres());
        return "admin/admin";
    }

    @PostMapping("/admin/accounts")
    String create(
            @RequestParam String username,
            @RequestParam String name,
            @RequestParam String role,
            @RequestParam(required = false) UUID client,
            RedirectAttributes redirect) {
        Role chosen =
                switch (role) {
                    case "CONSULTANT" -> Role.CONSULTANT;
                    case "CEO" -> Role.CEO;
                    case "DIRECTOR" -> Role.DIRECTOR;
                    default ->
                            throw new UploadRefused(
                                    "choose a role: consultant, CEO or sales director");
                };
        if (!username.strip().matches("[A-Za-z0-9._@-]{2,80}")) {
            throw new UploadRefused(
                    "a user name has 2 to 80 letters, digits, dots, dashes, underscores or @");
        }
        if (name.isBlank() || name.strip().length() > 200) {
            throw new UploadRefused("give the person's name (200 characters at most)");
        }
        if (accounts.exists(username)) {
            throw new UploadRefused("the user name '" + username.strip() + "' is taken");
        }
        if (chosen.isClientSide() && (client == null || !clients.all().contains(client))) {
            throw new UploadRefused("a CEO or a sales director belongs to one client: choose it");
        }
        String password = Accounts.randomPassword();
        Account account = accounts.create(username, name, chosen, password);
        if (chosen.isClientSide()) {
            accounts.grant(account.id(), client);
        }
        redirect.addFlashAttribute("created", account.username());
        redirect.addFlashAttribute("password", password);
        return "redirect:/admin";
    }

    @PostMapping("/admin/access")
    String grant(@RequestParam UUID account, @RequestParam UUID client) {
        Account consultant =
                accounts.find(account)
                        .filter(a -> a.role() == Role.CONSULTANT)
                        .orElseThrow(NotFound::new);
        if (!clients.all().contains(client)) {
            throw new NotFound();
        }
        accounts.grant(consultant.id(), client);
        return "redirect:/admin";
    }

    @PostMapping("/admin/accounts/{account}/password")
    String reset(
            @AuthenticationPrincipal SignedIn user,
            @PathVariable UUID account,
            RedirectAttributes redirect) {
        Account found = accounts.find(account).orElseThrow(NotFound::new);
        String password = Accounts.randomPassword();
        accounts.changePassword(found.id(), password);
        redirect.addFlashAttribute("created", found.username());
        redirect.addFlashAttribute("password", password);
        return "redirect:/admin";
    }

    @PostMapping("/admin/accounts/{account}/enabled")
    String enable(
            @AuthenticationPrincipal SignedIn user,
            @PathVariable UUID account,
            @RequestParam boolean enabled) {
        Account found = accounts.find(account).orElseThrow(NotFound::new);
        if (found.id().equals(user.id())) {
            throw new UploadRefused("you cannot disable your own account");
        }
        accounts.setEnabled(found.id(), enabled);
        return "redirect:/admin";
    }

    @PostMapping("/admin/settings")
    String settings(@RequestParam(defaultValue = "false") boolean unconfined) {
        flags.set(Flags.UNCONFINED_RULES, unconfined);
        return "redirect:/admin";
    }
}
