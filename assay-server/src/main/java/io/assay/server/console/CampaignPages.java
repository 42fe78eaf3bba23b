package io.assay.server.console;

import io.assay.server.coord.CampaignRecord;
import io.assay.server.coord.CampaignRepository;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Coordinated campaigns the server found among its shares: the list (newest detection first, alerts flagged) and one
 * campaign with its account network drawn (a force-directed graph; the same edges are in a table).
 */
@Controller
@ConsolePage
public class CampaignPages {

    private final CampaignRepository campaigns;
    private final JsonMapper json;

    public CampaignPages(CampaignRepository campaigns, JsonMapper json) {
        this.campaigns = campaigns;
        this.json = json;
    }

    @GetMapping("/campaigns")
    public String list(Model model) {
        model.addAttribute("campaigns", campaigns.recent(200));
        return "campaigns";
    }

    @GetMapping("/campaigns/{id}")
    public String one(@PathVariable String id, Model model) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ConsoleException(HttpStatus.NOT_FOUND, "No such campaign.");
        }
        CampaignRecord c = campaigns.find(uuid)
                .orElseThrow(() -> new ConsoleException(HttpStatus.NOT_FOUND, "No such campaign."));
        model.addAttribute("c", c);
        model.addAttribute("chart", json.writeValueAsString(network(c)));
        return "campaign";
    }

    /** The chart's data: one node per account (sized by its co-shares), one link per coordinated edge. */
    static Map<String, Object> network(CampaignRecord c) {
        Map<String, Integer> degree = new LinkedHashMap<>();
        c.accounts().forEach(a -> degree.put(a, 0));
        List<Map<String, Object>> links = new ArrayList<>();
        for (CampaignRecord.Edge e : c.edges()) {
            degree.merge(e.a(), e.weight(), Integer::sum);
            degree.merge(e.b(), e.weight(), Integer::sum);
            links.add(Map.of("source", e.a(), "target", e.b(), "value", e.weight()));
        }
        List<Map<String, Object>> nodes = new ArrayList<>();
        degree.forEach((a, w) -> nodes.add(Map.of("name", a, "value", w)));
        return Map.of("nodes", nodes, "links", links);
    }
}
