package io.assay.server.api;

import io.assay.core.media.AssetRejectedException;
import io.assay.hash.SignalType;
import io.assay.hash.audio.AudioFingerprint;
import io.assay.hash.video.VpdqHash;
import io.assay.hash.bank.BankMatch;
import io.assay.hash.bank.MatchThresholds;
import io.assay.hash.bank.QuerySignal;
import io.assay.hash.pdq.PdqHash;
import io.assay.server.api.ProblemHandler.BadRequestException;
import io.assay.server.bank.BankRecord;
import io.assay.server.bank.BankRepository.EntryFields;
import io.assay.server.bank.BankService;
import io.assay.server.bank.BankService.SignalInput;
import io.assay.server.bank.EntryRecord;
import io.assay.server.security.ApiKeyFilter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Banks of known deepfakes and lookups against them:
 * <ul>
 *   <li>{@code POST /v1/banks} {@code {"name", "description", "pdqDistance", "pdqQuality", "dihedral"}}, {@code GET /v1/banks},
 *   {@code GET /v1/banks/{name}};</li>
 *   <li>{@code POST /v1/banks/{name}/entries}: JSON {@code {"signals":[{"type":"pdq","value":HEX,"quality":N}], "label",
 *   "reason", "debunkUrl", "election", "candidate"}}, or multipart with a {@code file} part (hashed here, not kept)
 *   and an optional {@code context} JSON part with those fields; {@code GET /v1/banks/{name}/entries};</li>
 *   <li>{@code POST /v1/banks/{name}/entries/{id}/retract} {@code {"reason"}} (or {@code DELETE} on the entry);</li>
 *   <li>{@code POST /v1/match}: JSON {@code {"signals":[...]}} or multipart {@code file}: the bank entries matched.</li>
 * </ul>
 */
@RestController
public class BankController {

    private final BankService banks;
    private final JsonMapper json;
    private final io.assay.server.console.AuditLog audit;
    private final io.assay.server.security.ApiKeys keys;

    public BankController(BankService banks, JsonMapper json, io.assay.server.console.AuditLog audit,
                          io.assay.server.security.ApiKeys keys) {
        this.banks = banks;
        this.json = json;
        this.audit = audit;
        this.keys = keys;
    }

    /** Bank changes made through the API go into the same audit log as the console's. */
    private void audit(HttpServletRequest request, String action, String target, String reason, String details) {
        UUID key = key(request);
        audit.record("api-key:" + (key == null ? "unknown" : keys.name(key).orElse(key.toString())), action, target, reason, details);
    }

    /** A bank to create; thresholds default to the customary ones. */
    public record NewBank(String name, String description, Integer pdqDistance, Integer pdqQuality, Boolean dihedral,
                          Double vpdqQueryPct, Double vpdqTargetPct, Double audioMaxBer) {
    }

    /** Entry context and, for JSON adds, the signals. */
    public record NewEntries(List<SignalInput> signals, String label, String reason, String debunkUrl, String election,
                             String candidate) {
    }

    public record Retraction(String reason) {
    }

    public record MatchRequest(List<SignalInput> signals) {
    }

    @PostMapping(value = "/v1/banks", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<BankRecord> create(@RequestBody NewBank body, HttpServletRequest request) {
        if (body == null || body.name() == null) {
            throw new BadRequestException("a bank needs a name");
        }
        MatchThresholds d = MatchThresholds.DEFAULTS;
        MatchThresholds t;
        try {
            t = new MatchThresholds(or(body.pdqDistance(), d.pdqDistance()), or(body.pdqQuality(), d.pdqQuality()),
                    d.vpdqDistance(), d.vpdqQuality(), or(body.vpdqQueryPct(), d.vpdqQueryPct()), or(body.vpdqTargetPct(), d.vpdqTargetPct()),
                    or(body.audioMaxBer(), d.audioMaxBer()), body.dihedral() == null ? d.dihedral() : body.dihedral());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        BankRecord b = banks.create(body.name(), text(body.description(), "description", 2000), t, key(request));
        audit(request, "bank.create", "bank " + b.name(), b.description(), null);
        return ResponseEntity.created(URI.create("/v1/banks/" + b.name())).body(b);
    }

    @GetMapping(value = "/v1/banks", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<BankRecord> list() {
        return banks.banks();
    }

    @GetMapping(value = "/v1/banks/{name}", produces = MediaType.APPLICATION_JSON_VALUE)
    public BankRecord get(@PathVariable String name) {
        return banks.bank(name);
    }

    @PostMapping(value = "/v1/banks/{name}/entries", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> addSignals(@PathVariable String name, @RequestBody NewEntries body,
                                                          HttpServletRequest request) {
        if (body == null) {
            throw new BadRequestException("the body must be JSON with a \"signals\" list");
        }
        List<EntryRecord> added = banks.addSignals(name, body.signals(), fields(body), key(request));
        audit(request, "bank.add", "bank " + name + " entries " + added.stream().map(e -> "#" + e.id()).toList(),
                body.reason(), "signal " + added.getFirst().signalId());
        return added(name, added);
    }

    @PostMapping(value = "/v1/banks/{name}/entries", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> addMedia(@PathVariable String name, @RequestPart("file") MultipartFile file,
                                                        @RequestPart(value = "context", required = false) String context,
                                                        HttpServletRequest request) throws IOException, AssetRejectedException {
        NewEntries ctx = context == null ? new NewEntries(null, null, null, null, null, null) : parse(context, NewEntries.class);
        String fileName = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "upload" : file.getOriginalFilename();
        try (InputStream in = file.getInputStream()) {
            List<EntryRecord> added = banks.addMedia(name, in, fileName, fields(ctx), key(request));
            audit(request, "bank.add", "bank " + name + " entries " + added.stream().map(e -> "#" + e.id()).toList(),
                    ctx.reason(), "signal " + added.getFirst().signalId() + "; file " + fileName);
            return added(name, added);
        }
    }

    @GetMapping(value = "/v1/banks/{name}/entries", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<EntryRecord> entries(@PathVariable String name, @RequestParam(defaultValue = "100") int limit,
                                     @RequestParam(defaultValue = "false") boolean includeRetracted) {
        if (limit < 1 || limit > 10_000) {
            throw new BadRequestException("limit must be within 1..10000");
        }
        return banks.entries(name, includeRetracted, limit);
    }

    @PostMapping(value = "/v1/banks/{name}/entries/{id}/retract", produces = MediaType.APPLICATION_JSON_VALUE)
    public EntryRecord retract(@PathVariable String name, @PathVariable long id,
                               @RequestBody(required = false) Retraction body, HttpServletRequest request) {
        String reason = body == null ? null : text(body.reason(), "reason", 2000);
        EntryRecord e = banks.retract(name, id, reason, key(request));
        audit(request, "bank.retract", "bank " + name + " entry #" + id, reason, "signal " + e.signalId());
        return e;
    }

    @DeleteMapping(value = "/v1/banks/{name}/entries/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public EntryRecord delete(@PathVariable String name, @PathVariable long id,
                              @RequestParam(required = false) String reason, HttpServletRequest request) {
        EntryRecord e = banks.retract(name, id, text(reason, "reason", 2000), key(request));
        audit(request, "bank.retract", "bank " + name + " entry #" + id, reason, "signal " + e.signalId());
        return e;
    }

    @PostMapping(value = "/v1/match", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> matchSignals(@RequestBody MatchRequest body) {
        if (body == null || body.signals() == null || body.signals().isEmpty()) {
            throw new BadRequestException("the body must be JSON with a non-empty \"signals\" list");
        }
        if (body.signals().size() > 1000) {
            throw new BadRequestException("at most 1,000 signals per lookup");
        }
        List<QuerySignal> q = new ArrayList<>();
        for (SignalInput s : body.signals()) {
            q.add(querySignal(s));
        }
        return matchResult(q);
    }

    @PostMapping(value = "/v1/match", consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> matchMedia(@RequestPart("file") MultipartFile file) throws IOException, AssetRejectedException {
        try (InputStream in = file.getInputStream()) {
            return matchResult(banks.signalsOf(in, file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename()));
        }
    }

    static QuerySignal querySignal(SignalInput s) {
        try {
            SignalType type = SignalType.parse(s.type());
            if (s.value() == null || s.value().isBlank()) {
                throw new IllegalArgumentException("a signal needs a \"value\"");
            }
            if (s.value().length() > 200_000) {
                throw new IllegalArgumentException("the signal value is too long");
            }
            return switch (type) {
                case PDQ -> new QuerySignal.Pdq(PdqHash.fromHex(s.value(), s.quality() == null ? 100 : s.quality()), null);
                case CHROMAPRINT -> new QuerySignal.Audio(AudioFingerprint.parseCanonical(s.value()));
                case VPDQ -> new QuerySignal.Video(VpdqHash.parse(s.value()));
            };
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    Map<String, Object> matchResult(List<QuerySignal> q) {
        List<Map<String, Object>> matches = new ArrayList<>();
        for (BankMatch m : banks.match(q)) {
            matches.add(describe(m));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("signals", q.stream().map(s -> {
            Map<String, Object> sig = new LinkedHashMap<>();
            sig.put("type", s.type().id());
            sig.put("value", s.value());
            if (s instanceof QuerySignal.Pdq p) {
                sig.put("quality", p.hash().quality());
            }
            return sig;
        }).toList());
        out.put("matches", matches);
        return out;
    }

    static Map<String, Object> describe(BankMatch m) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("bank", m.entry().bank());
        h.put("entryId", m.entry().id());
        h.put("signalType", m.entry().type().id());
        h.put("signal", m.entry().signal());
        h.put("measure", m.measure());
        h.put("score", m.score());
        h.put("detail", m.detail());
        var c = m.entry().context();
        h.put("label", c.label());
        h.put("reason", c.reason());
        h.put("debunkUrl", c.debunkUrl());
        h.put("election", c.election());
        h.put("candidate", c.candidate());
        h.put("addedBy", c.addedBy());
        h.put("addedAt", c.addedAt());
        return h;
    }

    private ResponseEntity<Map<String, Object>> added(String bank, List<EntryRecord> entries) {
        return ResponseEntity.created(URI.create("/v1/banks/" + bank + "/entries")).body(Map.of("entries", entries));
    }

    private EntryFields fields(NewEntries e) {
        return new EntryFields(text(e.label(), "label", 500), text(e.reason(), "reason", 5000), url(e.debunkUrl()),
                text(e.election(), "election", 200), text(e.candidate(), "candidate", 200), null, null, null);
    }

    private static String url(String u) {
        String s = text(u, "debunkUrl", 2000);
        if (s != null && !(s.startsWith("https://") || s.startsWith("http://"))) {
            throw new BadRequestException("debunkUrl must be an http(s) URL");
        }
        return s;
    }

    private static String text(String s, String field, int max) {
        if (s == null || s.isBlank()) {
            return null;
        }
        if (s.length() > max) {
            throw new BadRequestException(field + " is limited to " + max + " characters");
        }
        return s.strip();
    }

    private <T> T parse(String text, Class<T> type) {
        if (text.length() > 20_000) {
            throw new BadRequestException("the context is too long");
        }
        try {
            return json.readValue(text, type);
        } catch (JacksonException e) {
            throw new BadRequestException("the context is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static <N> N or(N v, N d) {
        return v == null ? d : v;
    }

    private static UUID key(HttpServletRequest request) {
        return (UUID) request.getAttribute(ApiKeyFilter.KEY_ID);
    }
}
