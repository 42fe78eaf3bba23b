package io.assay.server.api;

import io.assay.server.api.ProblemHandler.BadRequestException;
import io.assay.server.api.ProblemHandler.NotFoundException;
import io.assay.server.review.ReviewItem;
import io.assay.server.review.ReviewQueue;
import io.assay.server.security.ApiKeyFilter;
import io.assay.server.security.ApiKeys;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/**
 * The review queue: {@code GET /v1/reviews?status=open|decided&limit=N}, {@code GET /v1/reviews?scan=ID},
 * {@code GET /v1/reviews/{id}}, and {@code POST /v1/reviews/{id}/decision} with {@code {"label": "none", "note": "..."}}.
 * The decider is the API key's name.
 */
@RestController
@RequestMapping("/v1/reviews")
public class ReviewController {

    private final ReviewQueue queue;
    private final ApiKeys keys;
    private final io.assay.server.console.AuditLog audit;

    public ReviewController(ReviewQueue queue, ApiKeys keys, io.assay.server.console.AuditLog audit) {
        this.queue = queue;
        this.keys = keys;
        this.audit = audit;
    }

    /** A reviewer's decision. */
    public record DecisionRequest(String label, String note) {
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public List<ReviewItem> list(@RequestParam(defaultValue = "open") String status,
                                 @RequestParam(required = false) String scan,
                                 @RequestParam(defaultValue = "50") int limit) {
        if (scan != null) {
            return queue.ofScan(uuid(scan, "scan"));
        }
        if (!status.equals("open") && !status.equals("decided")) {
            throw new BadRequestException("status must be open or decided");
        }
        if (limit < 1 || limit > 500) {
            throw new BadRequestException("limit must be within 1..500");
        }
        return queue.list(status, limit);
    }

    @GetMapping(value = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ReviewItem get(@PathVariable String id) {
        UUID uuid = uuid(id, "review item");
        return queue.find(uuid).orElseThrow(() -> new NotFoundException("no review item " + uuid));
    }

    @PostMapping(value = "/{id}/decision", produces = MediaType.APPLICATION_JSON_VALUE)
    public ReviewItem decide(@PathVariable String id, @RequestBody DecisionRequest body, HttpServletRequest request) {
        UUID uuid = uuid(id, "review item");
        if (body == null || body.label() == null || body.label().isBlank()) {
            throw new BadRequestException("a decision needs a label (none, ai-edited, ai-generated, likely-ai, known-deepfake)");
        }
        UUID key = (UUID) request.getAttribute(ApiKeyFilter.KEY_ID);
        String by = key == null ? "unknown" : keys.name(key).orElse(key.toString());
        try {
            ReviewItem decided = queue.decide(uuid, body.label().trim(), by, body.note());
            // every decision is in the audit log, whether made in the console or through the API
            audit.record("api-key:" + by, "review.decide", "review " + uuid, body.note(),
                    "label " + decided.decision().label() + "; file " + decided.fileName());
            return decided;
        } catch (ReviewQueue.NoSuchItemException e) {
            throw new NotFoundException(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    private static UUID uuid(String s, String what) {
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("no " + what + " " + (s.length() > 80 ? s.substring(0, 80) + "..." : s));
        }
    }
}
