package io.assay.server.console;

import io.assay.core.policy.Action;
import io.assay.core.policy.ElectionRisk;
import io.assay.core.policy.Label;
import io.assay.core.policy.PolicyConfig;
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

    static List<ActionRow> rows(Map<ElectionRisk, Map<Label, Action>> table) {
        List<ActionRow> out = new ArrayList<>();
        for (Label l : Label.values()) {
            out.add(new ActionRow(l.id(), table.get(ElectionRisk.NORMAL).get(l).id(), table.get(ElectionRisk.HIGH).get(l).id()));
        }
        return out;
    }
}
