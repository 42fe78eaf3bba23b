package io.assay.server.api;

import io.assay.server.api.ProblemHandler.NotFoundException;
import io.assay.server.bank.BankRepository;
import io.assay.server.bank.EntryRecord;
import io.assay.server.sighting.SightingRepository;
import io.assay.server.sighting.SightingService;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code GET /v1/signals/{id}/timeline}: where and when a banked signal (a debunked deepfake's hashes, id
 * {@code indicator--<uuid>}) was seen: its bank entries and its sightings per observer and platform, earliest first,
 * this node's own ({@code local}) and those other participants shared (signed, {@code sources: ["exchange"]}), and
 * its debunks (who reviewed it, when, where, the rating), this node's own and those received with the signal.
 */
@RestController
public class SignalController {

    private static final Pattern ID = Pattern.compile("indicator--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final BankRepository banks;
    private final SightingService sightings;
    private final io.assay.server.sync.SightingExchange exchange;
    private final io.assay.server.debunk.DebunkRepository debunks;

    public SignalController(BankRepository banks, SightingService sightings,
                            io.assay.server.sync.SightingExchange exchange,
                            io.assay.server.debunk.DebunkRepository debunks) {
        this.debunks = debunks;
        this.banks = banks;
        this.sightings = sightings;
        this.exchange = exchange;
    }

    @GetMapping(value = "/v1/signals/{id}/timeline", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> timeline(@PathVariable String id) {
        if (!ID.matcher(id).matches()) {
            throw new NotFoundException("no signal " + (id.length() > 80 ? id.substring(0, 80) + "..." : id));
        }
        List<EntryRecord> entries = banks.entriesOfSignal(id);
        List<SightingRepository.Sighting> seen = new java.util.ArrayList<>(sightings.timeline(id));
        seen.addAll(exchange.received(id)); // other participants' signed sightings, posted to this node
        seen.sort(java.util.Comparator.comparing(SightingRepository.Sighting::firstSeen));
        List<io.assay.server.debunk.DebunkRepository.Debunk> reviews = debunks.of(id);
        if (entries.isEmpty() && seen.isEmpty() && reviews.isEmpty()) {
            throw new NotFoundException("no signal " + id);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("signal", id);
        out.put("entries", entries);
        out.put("sightings", seen);
        out.put("debunks", reviews);
        out.put("totalCount", seen.stream().mapToLong(SightingRepository.Sighting::count).sum());
        return out;
    }
}
