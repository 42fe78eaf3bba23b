package io.assay.server.console;

import io.assay.core.policy.Action;
import io.assay.core.policy.ElectionRisk;
import io.assay.core.policy.Label;
import io.assay.core.policy.PolicyConfig;
import io.assay.core.policy.WatchedElection;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import io.assay.server.AssayProperties;
import io.assay.server.scan.LivePolicy;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Election settings: the watch list (elections, dates, candidates, regions, keywords), incident mode (an admin
 * switches it; who and when are shown and audited) and the label policy in effect, as the action table in force.
 */
@Controller
@ConsolePage
public class SettingsPages {

    private final LivePolicy policy;
    private final AuditLog audit;
    private final AssayProperties props;

    public SettingsPages(LivePolicy policy, AuditLog audit, AssayProperties props) {
        this.policy = policy;
        this.audit = audit;
        this.props = props;
    }

    /** One row of the action table: a label and the action at each election risk. */
    public record ActionRow(String label, String normal, String high) {
    }

    @GetMapping("/settings")
    String page(Model model) {
        PolicyConfig c = policy.config();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        model.addAttribute("policy", c);
        model.addAttribute("policyFile", props.policy().file() == null ? "built-in default policy" : props.policy().file().toString());
        model.addAttribute("elections", c.elections());
        model.addAttribute("consoleElections", policy.consoleElections().stream().map(WatchedElection::id).toList());
        model.addAttribute("today", today);
        model.addAttribute("lastSwitch", policy.lastSwitch().orElse(null));
        model.addAttribute("switches", policy.history(10));
        model.addAttribute("inForce", rows(c.incidentMode() ? c.incidentActions() : c.actions()));
        model.addAttribute("other", rows(c.incidentMode() ? c.actions() : c.incidentActions()));
        model.addAttribute("sourceTypes", c.sourceTypeLabels().entrySet().stream()
                .map(e -> List.of(e.getKey().code(), e.getValue().id())).sorted((a, b) -> a.get(0).compareTo(b.get(0))).toList());
        return "settings";
    }

    @PostMapping("/settings/incident")
    String incident(@RequestParam boolean on, @RequestParam String reason, Authentication auth, RedirectAttributes flash) {
        String why = ReviewPages.reason(reason);
        policy.switchIncidentMode(on, auth.getName(), why);
        audit.record(auth.getName(), on ? "incident.on" : "incident.off", "policy " + policy.config().name(), why, null);
        flash.addFlashAttribute("notice", "Incident mode is " + (on ? "on" : "off") + ".");
        return "redirect:/settings";
    }

    @PostMapping("/settings/elections")
    String addElection(@RequestParam String id, @RequestParam String name, @RequestParam(required = false) String from,
                       @RequestParam(required = false) String until, @RequestParam(required = false) String regions,
                       @RequestParam(required = false) String candidates, @RequestParam(required = false) String keywords,
                       Authentication auth, RedirectAttributes flash) {
        String key = id == null ? "" : id.trim();
        if (!key.matches("[A-Za-z0-9._-]{2,100}")) {
            throw new ConsoleException(HttpStatus.BAD_REQUEST, "An election id has 2 to 100 letters, digits or . _ -.");
        }
        if (name == null || name.isBlank() || name.length() > 500) {
            throw new ConsoleException(HttpStatus.BAD_REQUEST, "Give the election a name (at most 500 characters).");
        }
        LocalDate f = date(from, "start");
        LocalDate u = date(until, "end");
        if (f != null && u != null && f.isAfter(u)) {
            throw new ConsoleException(HttpStatus.BAD_REQUEST, "The election starts after it ends.");
        }
        WatchedElection e = new WatchedElection(key, name.trim(), split(regions), f, u, split(candidates), split(keywords));
        policy.addElection(e, auth.getName());
        audit.record(auth.getName(), "election.add", "election " + key, null, e.name() + "; " + (f == null ? "open" : f) + " to "
                + (u == null ? "open" : u) + "; regions " + e.regions() + "; candidates " + e.candidates() + "; keywords " + e.keywords());
        flash.addFlashAttribute("notice", "'" + e.name() + "' is on the watch list.");
        return "redirect:/settings";
    }

    @PostMapping("/settings/elections/{id}/remove")
    String removeElection(@PathVariable String id, @RequestParam String reason, Authentication auth, RedirectAttributes flash) {
        String why = ReviewPages.reason(reason);
        if (!policy.removeElection(id, auth.getName())) {
            throw new ConsoleException(HttpStatus.NOT_FOUND, "No election '" + id + "' added in the console is on the watch list "
                    + "(elections of the policy file are changed in the file).");
        }
        audit.record(auth.getName(), "election.remove", "election " + id, why, null);
        flash.addFlashAttribute("notice", "Election '" + id + "' is off the watch list.");
        return "redirect:/settings";
    }

    private static LocalDate date(String s, String what) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new ConsoleException(HttpStatus.BAD_REQUEST, "The " + what + " date is written YYYY-MM-DD.");
        }
    }

    /** A comma-separated field as a list (blank parts dropped, at most 200, each at most 200 characters). */
    static List<String> split(String s) {
        if (s == null || s.isBlank()) {
            return List.of();
        }
        List<String> out = java.util.Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
        if (out.size() > 200 || out.stream().anyMatch(x -> x.length() > 200)) {
            throw new ConsoleException(HttpStatus.BAD_REQUEST, "At most 200 entries of at most 200 characters each.");
        }
        return out;
    }

    static List<ActionRow> rows(Map<ElectionRisk, Map<Label, Action>> table) {
        List<ActionRow> out = new ArrayList<>();
        for (Label l : Label.values()) {
            out.add(new ActionRow(l.id(), table.get(ElectionRisk.NORMAL).get(l).id(), table.get(ElectionRisk.HIGH).get(l).id()));
        }
        return out;
    }
}
