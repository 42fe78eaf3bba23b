package io.assay.server.retro;

import io.assay.core.evidence.Evidence;
import io.assay.core.evidence.EvidenceKind;
import io.assay.core.scan.Verdict;
import io.assay.hash.SignalType;
import io.assay.hash.audio.AudioFingerprint;
import io.assay.hash.bank.BankEntry;
import io.assay.hash.bank.BankMatch;
import io.assay.hash.bank.EntryContext;
import io.assay.hash.bank.MatchThresholds;
import io.assay.hash.bank.QuerySignal;
import io.assay.hash.bank.SignalBank;
import io.assay.hash.video.VpdqHash;
import io.assay.index.Hash256;
import io.assay.index.HashIndex;
import io.assay.index.Match;
import io.assay.server.AssayProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Retro-hunt: finds, among uploads already scanned (within the retention), copies of a deepfake flagged after they
 * were accepted. Every scan's computed signals (the {@code known-deepfake} analyzer's observations) are stored; PDQ
 * hashes are also kept in an in-memory Hamming index ({@link HashIndex}, ids = stored rows), so an image signal is
 * searched among millions of uploads in milliseconds. Chromaprint and vPDQ signals are compared with the stored
 * ones of their type one by one, with the bank matchers (see the module README for the figures).
 *
 * <p>Thread-safe. Signals older than the retention are purged every hour, from the database and the index.
 */
@Service
public class RetroHunt implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RetroHunt.class);
    static final String SOURCE = "known-deepfake";

    private final UploadSignalRepository repository;
    private final Duration retention;
    private final Clock clock;
    private final HashIndex pdq = new HashIndex();
    private final ScheduledExecutorService purger = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "assay-retro-hunt-purge");
        t.setDaemon(true);
        return t;
    });

    @org.springframework.beans.factory.annotation.Autowired
    public RetroHunt(UploadSignalRepository repository, AssayProperties properties) {
        this(repository, properties.retroHunt().retention(), Clock.systemUTC());
    }

    RetroHunt(UploadSignalRepository repository, Duration retention, Clock clock) {
        this.repository = repository;
        this.retention = retention;
        this.clock = clock;
        load();
        purger.scheduleWithFixedDelay(this::purgeQuietly, 1, 60, TimeUnit.MINUTES);
    }

    /** An incoming signal to look for (a flagged deepfake's hash). */
    public record Query(SignalType type, String value, int quality) {
    }

    /**
     * One earlier upload that matches.
     *
     * @param measure how it matched ({@code pdq-hamming}, {@code chromaprint-ber}, {@code vpdq-frames}, as banks say)
     * @param score   the distance or score of that measure
     */
    public record Hit(Query query, UploadSignalRepository.ScannedUpload upload, String measure, double score,
                      String detail) {
    }

    /** Keeps the signals a scan computed (called once the verdict is stored). */
    public void record(Verdict verdict) {
        List<String> types = new ArrayList<>();
        List<String> values = new ArrayList<>();
        List<Integer> qualities = new ArrayList<>();
        for (Evidence e : verdict.evidence()) {
            if (!SOURCE.equals(e.source()) || e.kind() != EvidenceKind.OBSERVATION) {
                continue;
            }
            Object type = e.details().get("signalType");
            Object value = e.details().get("signal");
            if (type instanceof String t && value instanceof String v) {
                types.add(t);
                values.add(v);
                qualities.add(e.details().get("quality") instanceof Number n ? n.intValue() : 100);
            }
        }
        if (types.isEmpty() || verdict.id() == null) {
            return;
        }
        List<Long> ids = repository.insert(UUID.fromString(verdict.id()), verdict.scannedAt(), types, values, qualities);
        for (int i = 0; i < ids.size(); i++) {
            if (types.get(i).equals(SignalType.PDQ.id())) {
                pdq.add(Hash256.fromHex(values.get(i)), ids.get(i));
            }
        }
    }

    /** Every earlier upload (within the retention) that matches one of {@code queries} under {@code thresholds}. */
    public List<Hit> search(List<Query> queries, MatchThresholds thresholds) {
        List<Hit> pending = new ArrayList<>();
        Map<Long, Query> pdqHits = new HashMap<>();
        Map<Long, Integer> distances = new HashMap<>();
        List<Query> others = new ArrayList<>();
        for (Query q : queries) {
            if (q.type() == SignalType.PDQ) {
                if (q.quality() < thresholds.pdqQuality()) {
                    continue;
                }
                for (Match m : pdq.search(Hash256.fromHex(q.value()), thresholds.pdqDistance())) {
                    if (!distances.containsKey(m.id()) || distances.get(m.id()) > m.distance()) {
                        pdqHits.put(m.id(), q);
                        distances.put(m.id(), m.distance());
                    }
                }
            } else {
                others.add(q);
            }
        }
        Instant since = clock.instant().minus(retention);
        Map<UUID, List<Object[]>> byScan = new HashMap<>();
        for (UploadSignalRepository.StoredSignal s : repository.byIds(pdqHits.keySet())) {
            if (s.quality() >= thresholds.pdqQuality() && !s.scannedAt().isBefore(since)) {
                byScan.computeIfAbsent(s.scanId(), k -> new ArrayList<>())
                        .add(new Object[]{pdqHits.get(s.id()), "pdq-hamming", (double) distances.get(s.id()), ""});
            }
        }
        if (!others.isEmpty()) {
            linear(others, thresholds, since, byScan);
        }
        Map<UUID, UploadSignalRepository.ScannedUpload> uploads = new HashMap<>();
        repository.uploads(byScan.keySet()).forEach(u -> uploads.put(u.scanId(), u));
        for (Map.Entry<UUID, List<Object[]>> e : byScan.entrySet()) {
            UploadSignalRepository.ScannedUpload u = uploads.get(e.getKey());
            if (u == null) {
                continue;
            }
            for (Object[] h : e.getValue()) {
                pending.add(new Hit((Query) h[0], u, (String) h[1], (Double) h[2], (String) h[3]));
            }
        }
        pending.sort((a, b) -> b.upload().scannedAt().compareTo(a.upload().scannedAt()));
        return pending;
    }

    /** Audio and video: the stored signals of the type, each looked up in a small bank of the queries. */
    private void linear(List<Query> queries, MatchThresholds thresholds, Instant since, Map<UUID, List<Object[]>> out) {
        SignalBank bank = new SignalBank();
        bank.putBank("retro-hunt", thresholds);
        List<BankEntry> entries = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            Query q = queries.get(i);
            entries.add(new BankEntry(i, "retro-hunt", q.type(), SignalBank.canonical(q.type(), q.value()), q.quality(),
                    EntryContext.NONE));
        }
        bank.addAll(entries);
        for (SignalType type : List.of(SignalType.CHROMAPRINT, SignalType.VPDQ)) {
            if (!bank.holds(type)) {
                continue;
            }
            repository.forEach(type.id(), since, s -> {
                QuerySignal stored;
                try {
                    stored = type == SignalType.CHROMAPRINT ? new QuerySignal.Audio(AudioFingerprint.parseCanonical(s.signal()))
                            : new QuerySignal.Video(VpdqHash.parse(s.signal()));
                } catch (IllegalArgumentException e) {
                    return; // a stored value this version cannot read is skipped, not fatal
                }
                for (BankMatch m : bank.match(List.of(stored))) {
                    out.computeIfAbsent(s.scanId(), k -> new ArrayList<>()).add(new Object[]{
                            queries.get((int) m.entry().id()), m.measure(), m.score(), m.detail()});
                }
            });
        }
    }

    /** The number of PDQ hashes searchable in memory. */
    public int indexedImages() {
        return pdq.size();
    }

    /** Removes what is older than the retention; returns how many stored signals went. */
    public int purge() {
        List<Long> gone = repository.purgeBefore(clock.instant().minus(retention));
        for (long id : gone) {
            pdq.remove(id);
        }
        return gone.size();
    }

    private void purgeQuietly() {
        try {
            int n = purge();
            if (n > 0) {
                log.info("retro-hunt: purged {} upload signals older than {}", n, retention);
            }
        } catch (RuntimeException e) {
            log.warn("retro-hunt purge failed: {}", e.getMessage());
        }
    }

    private void load() {
        long started = System.nanoTime();
        int chunk = 100_000;
        long[] words = new long[4 * chunk];
        long[] ids = new long[chunk];
        int[] n = {0};
        repository.forEach(SignalType.PDQ.id(), clock.instant().minus(retention), s -> {
            Hash256 h = Hash256.fromHex(s.signal());
            int i = n[0];
            words[4 * i] = h.w0();
            words[4 * i + 1] = h.w1();
            words[4 * i + 2] = h.w2();
            words[4 * i + 3] = h.w3();
            ids[i] = s.id();
            if (++n[0] == chunk) {
                pdq.addAll(words, ids);
                n[0] = 0;
            }
        });
        if (n[0] > 0) {
            pdq.addAll(java.util.Arrays.copyOf(words, 4 * n[0]), java.util.Arrays.copyOf(ids, n[0]));
        }
        if (pdq.size() > 0) {
            log.info("retro-hunt: {} upload image hashes loaded in {} ms", pdq.size(),
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    @Override
    public void close() {
        purger.shutdownNow();
    }
}
