package io.assay.server.taxii;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Status resources (TAXII 2.1 section 4.3): each readable only by the participant whose POST it reports. */
@RestController
public class StatusController {

    private final StatusStore statuses;

    public StatusController(StatusStore statuses) {
        this.statuses = statuses;
    }

    @GetMapping({"/taxii2/{root}/status/{id}/", "/taxii2/{root}/status/{id}"})
    ResponseEntity<JsonNode> status(@PathVariable String root, @PathVariable String id, HttpServletRequest request) {
        ApiRoot.require(root);
        return TaxiiResponses.ok(statuses.find(id, TaxiiFilter.participant(request))
                .orElseThrow(() -> TaxiiException.notFound("there is no status " + TaxiiTime.abbreviate(id) + " of this participant")));
    }
}
