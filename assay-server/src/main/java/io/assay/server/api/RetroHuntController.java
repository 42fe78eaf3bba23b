package io.assay.server.api;

import io.assay.hash.SignalType;
import io.assay.hash.bank.MatchThresholds;
import io.assay.hash.bank.QuerySignal;
import io.assay.server.api.ProblemHandler.BadRequestException;
import io.assay.server.bank.BankService.SignalInput;
import io.assay.server.retro.RetroHunt;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /v1/retro-hunt} {@code {"signals":[{"type","value","quality"}]}}: the uploads already scanned (within
 * the retention) that match a deepfake's signals, newest first, with where they were posted.
 */
@RestController
public class RetroHuntController {

    private final RetroHunt retroHunt;

    public RetroHuntController(RetroHunt retroHunt) {
        this.retroHunt = retroHunt;
    }

    public record Request(List<SignalInput> signals) {
    }

    @PostMapping(value = "/v1/retro-hunt", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> hunt(@RequestBody Request body) {
        if (body == null || body.signals() == null || body.signals().isEmpty()) {
            throw new BadRequestException("the body must be JSON with a non-empty \"signals\" list");
        }
        if (body.signals().size() > 1000) {
            throw new BadRequestException("at most 1,000 signals per retro-hunt");
        }
        List<RetroHunt.Query> queries = new ArrayList<>();
        for (SignalInput s : body.signals()) {
            QuerySignal q = BankController.querySignal(s); // validates the value, 400 when malformed
            int quality = q instanceof QuerySignal.Pdq p ? p.hash().quality() : 100;
            queries.add(new RetroHunt.Query(SignalType.parse(s.type()), q.value(), quality));
        }
        List<Map<String, Object>> hits = new ArrayList<>();
        for (RetroHunt.Hit h : retroHunt.search(queries, MatchThresholds.DEFAULTS)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("scanId", h.upload().scanId());
            m.put("scannedAt", h.upload().scannedAt().toString());
            m.put("fileName", h.upload().fileName());
            m.put("mediaType", h.upload().mediaType());
            m.put("label", h.upload().label());
            m.put("platform", h.upload().platform());
            m.put("account", h.upload().account());
            m.put("postId", h.upload().postId());
            m.put("signalType", h.query().type().id());
            m.put("measure", h.measure());
            m.put("score", h.score());
            hits.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("searched", Map.of("images", retroHunt.indexedImages()));
        out.put("hits", hits);
        return out;
    }
}
