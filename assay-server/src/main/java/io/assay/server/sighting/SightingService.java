package io.assay.server.sighting;

import io.assay.core.evidence.Evidence;
import io.assay.core.evidence.EvidenceKind;
import io.assay.core.scan.Verdict;
import io.assay.hash.SignalType;
import io.assay.hash.bank.MatchThresholds;
import io.assay.server.bank.BankRepository;
import io.assay.server.bank.EntryRecord;
import io.assay.server.retro.RetroHunt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Sightings of banked signals on this node: a scan that matches a bank entry is a sighting of the entry's signal
 * (where: the upload's platform; when: the scan time), and when a signal is banked, a retro-hunt among past uploads
 * turns each copy already accepted into a sighting too, and into an item of the review queue (someone should act on
 * the copy still online). The timeline of a signal aggregates them.
 */
@Service
public class SightingService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SightingService.class);
    /** This node as an observer, until exchange identities name it. */
    public static final String LOCAL = "local";

    private final SightingRepository sightings;
    private final BankRepository banks;
    private final RetroHunt retroHunt;
    private final ExecutorService hunts = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "assay-retro-hunt");
        t.setDaemon(true);
        return t;
    });

    /** Published when a signal was seen in an upload not counted before (the exchange shares it back). */
    public record SightingRecorded(String signalId) {
    }

    private final org.springframework.context.ApplicationEventPublisher events;

    private final io.assay.server.review.ReviewQueue reviews;

    public SightingService(SightingRepository sightings, BankRepository banks, RetroHunt retroHunt,
                           org.springframework.context.ApplicationEventPublisher events,
                           io.assay.server.review.ReviewQueue reviews) {
        this.events = events;
        this.reviews = reviews;
        this.sightings = sightings;
        this.banks = banks;
        this.retroHunt = retroHunt;
    }

    /** Records the signals a stored verdict matched. */
    public void recordMatches(Verdict verdict) {
        if (verdict.id() == null) {
            return;
        }
        for (Evidence e : verdict.evidence()) {
            if (e.kind() != EvidenceKind.MATCH || !(e.details().get("entryId") instanceof Number id)) {
                continue;
            }
            banks.entry(id.longValue()).ifPresent(entry -> {
                if (sightings.record(entry.signalId(), UUID.fromString(verdict.id()), LOCAL,
                        verdict.context().platform(), verdict.scannedAt(), "scan")) {
                    events.publishEvent(new SightingRecorded(entry.signalId()));
                }
            });
        }
    }

    /**
     * Hunts newly banked entries among past uploads in the background; each copy found becomes a sighting. Returns
     * the job, so callers (and tests) can wait for it.
     */
    public Future<Integer> huntInBackground(List<EntryRecord> added, MatchThresholds thresholds) {
        List<EntryRecord> copy = List.copyOf(added);
        return hunts.submit(() -> {
            try {
                return hunt(copy, thresholds);
            } catch (RuntimeException e) {
                log.warn("retro-hunt failed: {}", e.getMessage());
                throw e;
            }
        });
    }

    int hunt(List<EntryRecord> added, MatchThresholds thresholds) {
        Map<String, List<EntryRecord>> bySignal = new LinkedHashMap<>();
        added.forEach(e -> bySignal.computeIfAbsent(e.signalId(), k -> new ArrayList<>()).add(e));
        int found = 0;
        for (Map.Entry<String, List<EntryRecord>> s : bySignal.entrySet()) {
            List<RetroHunt.Query> queries = new ArrayList<>();
            for (EntryRecord e : s.getValue()) {
                queries.add(new RetroHunt.Query(SignalType.parse(e.signalType()), e.signal(), e.quality()));
            }
            for (RetroHunt.Hit h : retroHunt.search(queries, thresholds)) {
                if (sightings.record(s.getKey(), h.upload().scanId(), LOCAL, h.upload().platform(),
                        h.upload().scannedAt(), "retro-hunt")) {
                    found++;
                    reviews.fromRetroHunt(h.upload().scanId(), s.getKey());
                    events.publishEvent(new SightingRecorded(s.getKey()));
                }
            }
        }
        if (found > 0) {
            log.info("retro-hunt: {} earlier upload(s) match newly banked signals", found);
        }
        return found;
    }

    public List<SightingRepository.Sighting> timeline(String signalId) {
        return sightings.timeline(signalId);
    }

    @Override
    public void close() {
        hunts.shutdownNow();
    }
}
