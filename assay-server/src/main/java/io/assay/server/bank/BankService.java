package io.assay.server.bank;

import io.assay.core.media.AssetLimits;
import io.assay.core.media.AssetRejectedException;
import io.assay.core.media.MediaAsset;
import io.assay.hash.SignalType;
import io.assay.hash.bank.BankEntry;
import io.assay.hash.bank.BankMatch;
import io.assay.hash.bank.EntryContext;
import io.assay.hash.bank.MatchThresholds;
import io.assay.hash.bank.MediaSignals;
import io.assay.hash.bank.QuerySignal;
import io.assay.hash.bank.SignalBank;
import io.assay.server.api.ProblemHandler.BadRequestException;
import io.assay.server.api.ProblemHandler.NotFoundException;
import io.assay.server.scan.Uploads;
import io.assay.server.security.ApiKeys;
import io.assay.server.sighting.SightingService;
import io.assay.server.sync.ExchangePublisher;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Banks: PostgreSQL is the record, the in-memory {@link SignalBank} is what scans match against. Every change made
 * here is written to the database and then applied to the matcher at once, so a lookup right after an add sees it.
 * Changes made by other server instances on the same database are picked up by a catch-up poll (every 2 seconds).
 */
@Service
public class BankService {

    private static final Logger log = LoggerFactory.getLogger(BankService.class);
    static final Duration CATCH_UP = Duration.ofSeconds(2);
    static final long LOOK_BACK = 1_000;

    private final BankRepository repository;
    private final SightingService sightings;
    private final ExchangePublisher publisher;
    private final SignalBank live;
    private final MediaSignals signals;
    private final AssetLimits limits;
    private final ApiKeys keys;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bank-catch-up");
        t.setDaemon(true);
        return t;
    });
    private long lastEntryId;
    /** Stored entries this version cannot load (logged once, not retried). */
    private final org.springframework.context.ApplicationEventPublisher events;
    private final java.util.Set<Long> refused = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private Instant lastRetractionCheck = Instant.EPOCH;

    public BankService(BankRepository repository, SignalBank live, MediaSignals signals, AssetLimits limits, ApiKeys keys,
                       SightingService sightings, ExchangePublisher publisher,
                       org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.sightings = sightings;
        this.publisher = publisher;
        this.repository = repository;
        this.live = live;
        this.signals = signals;
        this.limits = limits;
        this.keys = keys;
    }

    @PostConstruct
    void load() {
        long start = System.nanoTime();
        catchUp();
        log.info("Banks: {} bank(s), {} live entries loaded in {} ms", live.bankNames().size(), live.size(),
                (System.nanoTime() - start) / 1_000_000);
        poller.scheduleWithFixedDelay(() -> {
            try {
                catchUp();
            } catch (RuntimeException e) {
                log.warn("Bank catch-up failed (will retry): {}", e.getMessage());
            }
        }, CATCH_UP.toMillis(), CATCH_UP.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        poller.shutdownNow();
    }

    /** Brings the matcher up to the database: banks and thresholds, new entries, retractions. */
    synchronized void catchUp() {
        for (BankRecord b : repository.bankThresholds()) {
            live.putBank(b.name(), b.thresholds());
        }
        Instant checkFrom = lastRetractionCheck;
        Instant now = Instant.now();
        // Ids come from a sequence but commit in any order across instances: an id below the highest one seen can
        // still appear. Look back over the last LOOK_BACK ids for any not loaded yet.
        if (lastEntryId > 0) {
            List<Long> missing = repository.liveIdsAfter(Math.max(0, lastEntryId - LOOK_BACK)).stream()
                    .filter(id -> id <= lastEntryId && live.entry(id).isEmpty() && !refused.contains(id)).toList();
            if (!missing.isEmpty()) {
                repository.entries(missing).forEach(this::apply);
            }
        }
        for (List<EntryRecord> page; !(page = repository.liveEntriesAfter(lastEntryId, 50_000)).isEmpty(); ) {
            List<BankEntry> fresh = new ArrayList<>();
            for (EntryRecord e : page) {
                lastEntryId = Math.max(lastEntryId, e.id());
                if (live.entry(e.id()).isEmpty()) {
                    fresh.add(toBankEntry(e));
                }
            }
            try {
                live.addAll(fresh);
            } catch (IllegalArgumentException ex) {
                // One bad row must not keep the rest out: fall back to one at a time, logging the bad ones.
                fresh.forEach(this::applyOne);
            }
        }
        // Retractions since the last check (with a margin for clock skew between instances).
        for (long id : repository.retractedSince(checkFrom.minusSeconds(5))) {
            live.remove(id);
        }
        lastRetractionCheck = now;
    }

    private void apply(EntryRecord e) {
        if (live.entry(e.id()).isEmpty()) {
            applyOne(toBankEntry(e));
        }
    }

    private void applyOne(BankEntry e) {
        if (live.entry(e.id()).isPresent()) {
            return;
        }
        try {
            live.add(e);
        } catch (IllegalArgumentException ex) {
            if (refused.add(e.id())) {
                log.warn("Bank entry {} cannot be loaded: {}", e.id(), ex.getMessage());
            }
        }
    }

    private static BankEntry toBankEntry(EntryRecord e) {
        SignalType type;
        try {
            type = SignalType.parse(e.signalType());
        } catch (IllegalArgumentException ex) {
            type = SignalType.PDQ; // an unknown type stored by a newer version: add() will refuse the value and log it
        }
        return new BankEntry(e.id(), e.bank(), type, e.signal(), e.quality(),
                new EntryContext(e.label(), e.reason(), e.debunkUrl(), e.election(), e.candidate(), e.addedBy(), e.addedAt()));
    }

    public BankRecord create(String name, String description, MatchThresholds thresholds, UUID keyId) {
        return createBy(name, description, thresholds, keyName(keyId));
    }

    /** As {@link #create}, recorded as created by {@code by} (a console user). */
    public BankRecord createBy(String name, String description, MatchThresholds thresholds, String by) {
        try {
            live.putBank(name, thresholds); // validates the name
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        if (!repository.createBank(name, description, thresholds, by)) {
            throw new ConflictException("a bank named '" + name + "' exists already");
        }
        return bank(name);
    }

    public List<BankRecord> banks() {
        return repository.banks();
    }

    public BankRecord bank(String name) {
        return repository.bank(name).orElseThrow(() -> noBank(name));
    }

    private void requireBank(String name) {
        if (!repository.exists(name)) {
            throw noBank(name);
        }
    }

    private static NotFoundException noBank(String name) {
        return new NotFoundException("no bank named '" + name + "'");
    }

    public List<EntryRecord> entries(String bank, boolean includeRetracted, int limit) {
        requireBank(bank);
        return repository.entries(bank, includeRetracted, limit);
    }

    /** A signal someone sends (hashes only: the media stays with them). */
    public record SignalInput(String type, String value, Integer quality) {
    }

    public List<EntryRecord> addSignals(String bank, List<SignalInput> inputs, BankRepository.EntryFields fields, UUID keyId) {
        return addSignalsBy(bank, inputs, fields, keyName(keyId));
    }

    /** As {@link #addSignals}, recorded as added by {@code by} (a console user). */
    public List<EntryRecord> addSignalsBy(String bank, List<SignalInput> inputs, BankRepository.EntryFields fields, String by) {
        requireBank(bank);
        if (inputs == null || inputs.isEmpty()) {
            throw new BadRequestException("no signals given");
        }
        if (inputs.size() > 10_000) {
            throw new BadRequestException("at most 10,000 signals per request");
        }
        List<SignalInput> checked = new ArrayList<>();
        for (SignalInput in : inputs) {
            try {
                SignalType type = SignalType.parse(in.type());
                int q = in.quality() == null ? 100 : in.quality();
                if (q < 0 || q > 100) {
                    throw new IllegalArgumentException("quality must be within 0..100");
                }
                checked.add(new SignalInput(type.id(), SignalBank.canonical(type, in.value()), q));
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("signal " + (checked.size() + 1) + ": " + e.getMessage());
            }
        }
        List<EntryRecord> added = repository.addEntries(bank, checked.stream().map(SignalInput::type).toList(),
                checked.stream().map(SignalInput::value).toList(), checked.stream().map(SignalInput::quality).toList(),
                fields, by);
        added.forEach(this::apply);
        huntEarlierCopies(bank, added);
        return added;
    }

    /**
     * Newly banked signals are published to the exchange (for the banks configured to be) and looked for among
     * uploads already scanned (in the background).
     */
    private void huntEarlierCopies(String bank, List<EntryRecord> added) {
        events.publishEvent(new BankEntriesChanged(added));
        publisher.publish(added);
        MatchThresholds t = live.thresholds(bank).orElse(MatchThresholds.DEFAULTS);
        sightings.huntInBackground(added, t);
    }

    /** Hashes an uploaded file and banks its signals; the media itself is not kept. */
    public List<EntryRecord> addMedia(String bank, InputStream upload, String name, BankRepository.EntryFields fields, UUID keyId)
            throws IOException, AssetRejectedException {
        return addMediaBy(bank, upload, name, fields, keyName(keyId));
    }

    /** As {@link #addMedia}, recorded as added by {@code by} (a console user). */
    public List<EntryRecord> addMediaBy(String bank, InputStream upload, String name, BankRepository.EntryFields fields, String by)
            throws IOException, AssetRejectedException {
        requireBank(bank);
        Path tmp = Uploads.spool(upload, limits);
        try {
            MediaAsset asset = MediaAsset.open(tmp, name, limits);
            List<QuerySignal> computed = signals.computeForBank(asset);
            if (computed.isEmpty()) {
                throw new BadRequestException("no signal can be computed for " + asset.mediaType().mime()
                        + " (hashed: JPEG, PNG, GIF, WebP and TIFF images; WAV, MP3 and M4A audio; MP4/MOV video)");
            }
            // all the media's signals form one signal (one indicator when shared)
            String signalId = fields.signalId() != null ? fields.signalId() : "indicator--" + UUID.randomUUID();
            BankRepository.EntryFields withSource = new BankRepository.EntryFields(fields.label(), fields.reason(),
                    fields.debunkUrl(), fields.election(), fields.candidate(), name, sha256(tmp), signalId);
            List<EntryRecord> added = new ArrayList<>();
            for (QuerySignal s : computed) {
                int quality = s instanceof QuerySignal.Pdq p ? p.hash().quality() : 100;
                EntryRecord e = repository.addEntry(bank, s.type().id(), s.value(), quality, withSource, by);
                apply(e);
                added.add(e);
            }
            huntEarlierCopies(bank, added);
            return added;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public EntryRecord retract(String bank, long id, String reason, UUID keyId) {
        return retractBy(bank, id, reason, keyName(keyId));
    }

    /** As {@link #retract}, recorded as retracted by {@code by} (a console user). */
    public EntryRecord retractBy(String bank, long id, String reason, String by) {
        requireBank(bank);
        if (!repository.retract(bank, id, by, reason)) {
            EntryRecord e = repository.entry(id).filter(x -> x.bank().equals(bank))
                    .orElseThrow(() -> new NotFoundException("no entry " + id + " in bank '" + bank + "'"));
            if (e.retractedAt() != null) {
                live.remove(id);
                return e;
            }
        }
        live.remove(id);
        EntryRecord retracted = repository.entry(id).orElseThrow();
        events.publishEvent(new BankEntriesChanged(List.of(retracted)));
        // a shared signal is revoked on the exchange once none of its hashes is live here
        if (repository.entriesOfSignal(retracted.signalId()).stream().allMatch(x -> x.retractedAt() != null)) {
            publisher.revoke(retracted.signalId());
        }
        return retracted;
    }

    public List<BankMatch> match(List<QuerySignal> query) {
        return live.match(query);
    }

    /** Hashes an upload for lookup (nothing is stored). */
    public List<QuerySignal> signalsOf(InputStream upload, String name) throws IOException, AssetRejectedException {
        Path tmp = Uploads.spool(upload, limits);
        try {
            MediaAsset asset = MediaAsset.open(tmp, name, limits);
            List<QuerySignal> computed = signals.compute(asset);
            if (computed.isEmpty()) {
                throw new BadRequestException("no signal can be computed for " + asset.mediaType().mime());
            }
            return computed;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private String keyName(UUID keyId) {
        return keys.name(keyId).orElse(null);
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request conflicts with the state (a bank of that name exists). */
    public static final class ConflictException extends RuntimeException {
        public ConflictException(String message) {
            super(message, null, false, false);
        }
    }
}
