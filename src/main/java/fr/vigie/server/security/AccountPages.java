package fr.vigie.server.security;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page, and one's own password. */
@Controller
class AccountPages {

    private final Accounts accounts;

    AccountPages(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/login")
    String login() {
        return "security/login";
    }

    @GetMapping("/account")
    String account(@AuthenticationPrincipal SignedIn user, Model model) {
        model.addAttribute("account", user.account());
        model.addAttribute("minimum", Accounts.MIN_PASSWORD);
        return "security/account";
    }

    @PostMapping("/account/password")
    String change(
            @AuthenticationPrincipal SignedIn user,
            @RequestParam String current,
            @RequestParam String password,
            @RequestParam String again,
            Model model) {
        model.addAttribute("account", user.account());
        model.addAttribute("minimum", Accounts.MIN_PASSWORD);
        if (!accounts.checkPassword(user.id(), current)) {
            model.addAttribute("problem", "account.wrong");
        } else if (password.length() < Accounts.MIN_PASSWORD) {
            model.addAttribute("problem", "account.short");
        } else if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                > Accounts.MAX_PASSWORD_BYTES) {
            model.addAttribute("problem", "account.long");
        } else if (!password.equals(again)) {
            model.addAttribute("problem", "account.differ");
        } else {
            accounts.changePassword(user.id(), password);
            model.addAttribute("changed", true);
        }
        return "security/account";
    }
}
