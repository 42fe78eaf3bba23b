package io.assay.server.console;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Log-in, the users page (admins add analysts with a role) and the audit log of every change. */
@Controller
@ConsolePage
public class AdminPages {

    private final ConsoleUsers users;
    private final AuditLog audit;

    public AdminPages(ConsoleUsers users, AuditLog audit) {
        this.users = users;
        this.audit = audit;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/users")
    String users(Model model) {
        model.addAttribute("users", users.list());
        model.addAttribute("roles", ConsoleUsers.ROLES);
        return "users";
    }

    @PostMapping("/users")
    String add(@RequestParam String username, @RequestParam String password, @RequestParam String role,
               Authentication auth, RedirectAttributes flash) {
        ConsoleUsers.ConsoleUser u = users.add(username, password, role, auth.getName());
        audit.record(auth.getName(), "user.add", "user " + u.username(), null, "role " + u.role());
        flash.addFlashAttribute("notice", "User " + u.username() + " added as " + u.role() + ".");
        return "redirect:/users";
    }

    @GetMapping("/audit")
    String audit(@RequestParam(required = false) String action, @RequestParam(required = false) String actor, Model model) {
        model.addAttribute("entries", audit.recent(action, actor, 500));
        model.addAttribute("action", action);
        model.addAttribute("actor", actor);
        return "audit";
    }
}
