package io.assay.server.api;

import io.assay.server.api.ProblemHandler.BadRequestException;
import io.assay.server.api.ProblemHandler.NotFoundException;
import io.assay.server.coord.AlertRecord;
import io.assay.server.coord.CampaignDetection;
import io.assay.server.coord.CampaignRecord;
import io.assay.server.coord.CampaignRepository;
import io.assay.server.coord.DetectionRun;
import io.assay.server.coord.ReportedShare;
import io.assay.server.coord.ShareIntake;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Coordinated campaigns: {@code GET /v1/campaigns?limit=N}, {@code GET /v1/campaigns/{id}},
 * {@code POST /v1/campaigns/detect} (a detection run now), {@code GET /v1/alerts?since=ISO&limit=N}, and
 * {@code POST /v1/shares} for platforms to report shares the server did not scan (links, text, media hashes).
 */
@RestController
public class CampaignController {

    static final int MAX_SHARES_PER_REQUEST = 10_000;

    private final CampaignRepository campaigns;
    private final CampaignDetection detection;
    private final ShareIntake intake;

    public CampaignController(CampaignRepository campaigns, CampaignDetection detection, ShareIntake intake) {
        this.campaigns = campaigns;
        this.detection = detection;
        this.intake = intake;
    }

    /** {@code {"shares": [{"platform": "x", "account": "a", "postedAt": "...", "url": "..."}, ...]}} */
    public record ShareReport(List<ReportedShare> shares) {
    }

    @GetMapping(value = "/v1/campaigns", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<CampaignRecord> list(@RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 500) {
            throw new BadRequestException("limit must be within 1..500");
        }
        return campaigns.recent(limit);
    }

    @GetMapping(value = "/v1/campaigns/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public CampaignRecord get(@PathVariable String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("campaign id must be a UUID");
        }
        return campaigns.find(uuid).orElseThrow(() -> new NotFoundException("no campaign " + uuid));
    }

    @PostMapping(value = "/v1/campaigns/detect", produces = MediaType.APPLICATION_JSON_VALUE)
    public DetectionRun detect() {
        try {
            return detection.detectNow();
        } catch (IllegalStateException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    @GetMapping(value = "/v1/alerts", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<AlertRecord> alerts(@RequestParam(required = false) String since,
                                    @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new BadRequestException("limit must be within 1..1000");
        }
        Instant from;
        try {
            from = since == null ? Instant.EPOCH : Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("since must be an ISO-8601 instant, e.g. 2026-05-01T00:00:00Z");
        }
        return campaigns.alerts(from, limit);
    }

    @PostMapping(value = "/v1/shares", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> report(@RequestBody ShareReport body) {
        if (body == null || body.shares() == null || body.shares().isEmpty()) {
            throw new BadRequestException("send {\"shares\": [...]} with at least one share");
        }
        if (body.shares().size() > MAX_SHARES_PER_REQUEST) {
            throw new BadRequestException("at most " + MAX_SHARES_PER_REQUEST + " shares per request");
        }
        try {
            return Map.of("stored", intake.report(body.shares()).size());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new BadRequestException(e.getMessage());
        }
    }
}
