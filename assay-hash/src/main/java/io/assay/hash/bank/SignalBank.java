package io.assay.hash.bank;

import io.assay.hash.SignalType;
import io.assay.hash.audio.AudioComparison;
import io.assay.hash.audio.AudioFingerprint;
import io.assay.hash.audio.AudioMatcher;
import io.assay.hash.video.VpdqHash;
import io.assay.hash.video.VpdqMatcher;
import io.assay.hash.pdq.Dihedral;
import io.assay.hash.pdq.PdqHash;
import io.assay.index.HashIndex;
import io.assay.index.Match;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Named banks of debunked media signals, held in memory for lookups. PDQ entries live in one exact multi-index
 * ({@link HashIndex}) shared by all banks; each hit is then judged by its own bank's {@link MatchThresholds}.
 * Adds and removals are visible to the next lookup (no rebuild). Thread-safe.
 *
 * <p>This is the matcher only: durable storage is the caller's (the server keeps banks in PostgreSQL and mirrors
 * every change here; the CLI loads a directory).
 */
public final class SignalBank {

    private final Map<String, MatchThresholds> banks = new ConcurrentHashMap<>();
    private final Map<Long, BankEntry> entries = new ConcurrentHashMap<>();
    private final HashIndex pdq = new HashIndex();
    /** Audio fingerprints are compared one by one over offsets (no index: a weak, shifted match must not be missed). */
    private final Map<Long, AudioFingerprint> audio = new ConcurrentHashMap<>();
    /** Banked videos, and each one packed for its bank's current vPDQ options (re-packed when they change). */
    private final Map<Long, VpdqHash> videos = new ConcurrentHashMap<>();
    private final Map<Long, PreparedVideo> preparedVideos = new ConcurrentHashMap<>();

    private record PreparedVideo(VpdqMatcher.Options options, VpdqMatcher.Prepared prepared) {
    }

    /** Creates a bank or changes its thresholds. */
    public void putBank(String name, MatchThresholds thresholds) {
        banks.put(requireName(name), java.util.Objects.requireNonNull(thresholds, "thresholds"));
    }

    public Optional<MatchThresholds> thresholds(String bank) {
        return Optional.ofNullable(banks.get(bank));
    }

    public Collection<String> bankNames() {
        return List.copyOf(banks.keySet());
    }

    /** Removes a bank and all its entries. */
    public void removeBank(String name) {
        for (BankEntry e : List.copyOf(entries.values())) {
            if (e.bank().equals(name)) {
                remove(e.id());
            }
        }
        banks.remove(name);
    }

    /**
     * Adds an entry to an existing bank.
     *
     * @throws IllegalArgumentException for an unknown bank, a duplicate id or a malformed signal
     */
    public void add(BankEntry entry) {
        if (!banks.containsKey(entry.bank())) {
            throw new IllegalArgumentException("no bank named '" + entry.bank() + "'");
        }
        switch (entry.type()) {
            case PDQ -> {
                PdqHash h = PdqHash.fromHex(entry.signal(), entry.quality());
                if (entries.putIfAbsent(entry.id(), entry) != null) {
                    throw new IllegalArgumentException("duplicate bank entry id " + entry.id());
                }
                pdq.add(h.bits(), entry.id());
            }
            case CHROMAPRINT -> {
                AudioFingerprint fp = AudioFingerprint.parseCanonical(entry.signal());
                if (fp.size() < AudioMatcher.Options.defaults().window()) {
                    throw new IllegalArgumentException("a Chromaprint fingerprint needs at least "
                            + AudioMatcher.Options.defaults().window() + " items (about 8 s of audio), got " + fp.size());
                }
                if (entries.putIfAbsent(entry.id(), entry) != null) {
                    throw new IllegalArgumentException("duplicate bank entry id " + entry.id());
                }
                audio.put(entry.id(), fp);
            }
            case VPDQ -> {
                VpdqHash v = VpdqHash.parse(entry.signal());
                if (v.isEmpty()) {
                    throw new IllegalArgumentException("a vPDQ hash needs at least one frame");
                }
                if (entries.putIfAbsent(entry.id(), entry) != null) {
                    throw new IllegalArgumentException("duplicate bank entry id " + entry.id());
                }
                videos.put(entry.id(), v);
            }
        }
    }

    /**
     * Adds many entries at once (a bank loaded at start): PDQ entries go into the index in one bulk insert, which
     * builds its read-only part directly instead of one insert at a time. All entries are checked before any is added.
     *
     * @throws IllegalArgumentException as {@link #add}, naming the first bad entry; nothing is added then
     */
    public void addAll(List<BankEntry> batch) {
        java.util.Set<Long> ids = new java.util.HashSet<>();
        List<BankEntry> pdqEntries = new ArrayList<>();
        List<PdqHash> pdqHashes = new ArrayList<>();
        for (BankEntry e : batch) {
            if (!banks.containsKey(e.bank())) {
                throw new IllegalArgumentException("entry " + e.id() + ": no bank named '" + e.bank() + "'");
            }
            if (entries.containsKey(e.id()) || !ids.add(e.id())) {
                throw new IllegalArgumentException("duplicate bank entry id " + e.id());
            }
            if (e.type() == SignalType.PDQ) {
                try {
                    pdqHashes.add(PdqHash.fromHex(e.signal(), e.quality()));
                } catch (IllegalArgumentException ex) {
                    throw new IllegalArgumentException("entry " + e.id() + ": " + ex.getMessage(), ex);
                }
                pdqEntries.add(e);
            }
        }
        for (BankEntry e : batch) {
            if (e.type() != SignalType.PDQ) {
                add(e);
            }
        }
        long[] words = new long[pdqEntries.size() * 4];
        long[] idArray = new long[pdqEntries.size()];
        for (int i = 0; i < pdqEntries.size(); i++) {
            PdqHash h = pdqHashes.get(i);
            words[4 * i] = h.w0();
            words[4 * i + 1] = h.w1();
            words[4 * i + 2] = h.w2();
            words[4 * i + 3] = h.w3();
            idArray[i] = pdqEntries.get(i).id();
            entries.put(idArray[i], pdqEntries.get(i));
        }
        pdq.addAll(words, idArray);
    }

    /**
     * The canonical text of a signal (lower-case hex for PDQ), so that stored and exchanged values compare equal.
     *
     * @throws IllegalArgumentException when the value is not a valid signal of that type, or the type cannot be banked
     */
    public static String canonical(SignalType type, String value) {
        return switch (type) {
            case PDQ -> PdqHash.fromHex(value, 0).toHex();
            case CHROMAPRINT -> AudioFingerprint.parseCanonical(value).canonical();
            case VPDQ -> VpdqHash.parse(value).toCompactString();
        };
    }

    /** Removes an entry (a retraction); false if unknown. */
    public boolean remove(long id) {
        BankEntry e = entries.remove(id);
        if (e == null) {
            return false;
        }
        if (e.type() == SignalType.PDQ) {
            pdq.remove(id);
        } else if (e.type() == SignalType.CHROMAPRINT) {
            audio.remove(id);
        } else if (e.type() == SignalType.VPDQ) {
            videos.remove(id);
            preparedVideos.remove(id);
        }
        return true;
    }

    public Optional<BankEntry> entry(long id) {
        return Optional.ofNullable(entries.get(id));
    }

    public int size() {
        return entries.size();
    }

    /** Whether any entry of this signal type is banked. */
    public boolean holds(SignalType type) {
        return switch (type) {
            case PDQ -> pdq.size() > 0;
            case CHROMAPRINT -> !audio.isEmpty();
            case VPDQ -> !videos.isEmpty();
        };
    }

    /** Every banked entry matched by any of the query signals, closest first; one match per entry. */
    public List<BankMatch> match(List<? extends QuerySignal> query) {
        Map<Long, BankMatch> best = new HashMap<>();
        for (QuerySignal q : query) {
            switch (q) {
                case QuerySignal.Pdq p -> matchPdq(p, best);
                case QuerySignal.Audio a -> matchAudio(a, best);
                case QuerySignal.Video v -> matchVideo(v, best);
            }
        }
        List<BankMatch> out = new ArrayList<>(best.values());
        out.sort(Comparator.comparingDouble(BankMatch::score).thenComparingLong(m -> m.entry().id()));
        return out;
    }

    private void matchPdq(QuerySignal.Pdq q, Map<Long, BankMatch> best) {
        int radius = 0;
        boolean anyDihedral = false;
        for (MatchThresholds t : banks.values()) {
            radius = Math.max(radius, t.pdqDistance());
            anyDihedral |= t.dihedral();
        }
        if (entries.isEmpty()) {
            return;
        }
        List<Dihedral> transforms = q.dihedral() != null && anyDihedral ? List.of(Dihedral.values()) : List.of(Dihedral.ORIGINAL);
        for (Dihedral d : transforms) {
            PdqHash h = d == Dihedral.ORIGINAL ? q.hash() : q.dihedral().get(d);
            for (Match m : pdq.search(h.bits(), radius)) {
                BankEntry e = entries.get(m.id());
                MatchThresholds t = e == null ? null : banks.get(e.bank());
                if (t == null || m.distance() > t.pdqDistance() || (d != Dihedral.ORIGINAL && !t.dihedral())
                        || h.quality() < t.pdqQuality() || e.quality() < t.pdqQuality()) {
                    continue;
                }
                String detail = "PDQ distance " + m.distance() + " (threshold " + t.pdqDistance() + ")"
                        + (d == Dihedral.ORIGINAL ? "" : ", " + d.id() + " of the banked image");
                BankMatch candidate = new BankMatch(e, m.distance(), "pdq distance", detail);
                best.merge(e.id(), candidate, (a, b) -> b.score() < a.score() ? b : a);
            }
        }
    }

    private void matchAudio(QuerySignal.Audio q, Map<Long, BankMatch> best) {
        for (Map.Entry<Long, AudioFingerprint> banked : audio.entrySet()) {
            BankEntry e = entries.get(banked.getKey());
            MatchThresholds t = e == null ? null : banks.get(e.bank());
            if (t == null) {
                continue;
            }
            AudioComparison c = new AudioMatcher(AudioMatcher.Options.defaults().withThreshold(t.audioMaxBer()))
                    .compare(q.fingerprint(), banked.getValue());
            if (c.match()) {
                // compare(query, banked): a negative offset means the query starts that far into the banked audio.
                double shift = -c.offsetSeconds();
                String where = Math.abs(shift) < 0.05 ? "aligned with the banked audio"
                        : shift > 0 ? String.format(java.util.Locale.ROOT, "the copy starts %.1f s into the banked audio", shift)
                        : String.format(java.util.Locale.ROOT, "the banked audio starts %.1f s into the copy", -shift);
                String detail = String.format(java.util.Locale.ROOT,
                        "Chromaprint bit error rate %.3f over the best 8 s window (threshold %.2f), %.3f over the whole overlap, %s",
                        c.windowBer(), t.audioMaxBer(), c.ber(), where);
                best.merge(e.id(), new BankMatch(e, c.windowBer(), "chromaprint window BER", detail),
                        (a, b) -> b.score() < a.score() ? b : a);
            }
        }
    }

    private static VpdqMatcher.Options vpdqOptions(MatchThresholds t) {
        return new VpdqMatcher.Options(t.vpdqDistance(), t.vpdqQuality(), true, t.vpdqQueryPct(), t.vpdqTargetPct());
    }

    private void matchVideo(QuerySignal.Video q, Map<Long, BankMatch> best) {
        // Group banked videos by their bank's options, so each group is one bank search with one matcher.
        Map<VpdqMatcher.Options, Map<Long, VpdqMatcher.Prepared>> groups = new HashMap<>();
        for (Map.Entry<Long, VpdqHash> banked : videos.entrySet()) {
            BankEntry e = entries.get(banked.getKey());
            MatchThresholds t = e == null ? null : banks.get(e.bank());
            if (t == null) {
                continue;
            }
            VpdqMatcher.Options o = vpdqOptions(t);
            PreparedVideo p = preparedVideos.get(e.id());
            if (p == null || !p.options().equals(o)) {
                p = new PreparedVideo(o, new VpdqMatcher(o).prepare(banked.getValue()));
                preparedVideos.put(e.id(), p);
            }
            groups.computeIfAbsent(o, k -> new HashMap<>()).put(e.id(), p.prepared());
        }
        for (Map.Entry<VpdqMatcher.Options, Map<Long, VpdqMatcher.Prepared>> g : groups.entrySet()) {
            VpdqMatcher m = new VpdqMatcher(g.getKey());
            for (VpdqMatcher.Hit<Long> hit : m.search(q.hash(), g.getValue())) {
                BankEntry e = entries.get(hit.key());
                if (e == null) {
                    continue;
                }
                var r = hit.match();
                String detail = String.format(java.util.Locale.ROOT,
                        "vPDQ: %.1f%% of the copy's frames (%d/%d) and %.1f%% of the banked video's (%d/%d) within distance %d",
                        r.queryPercent(), r.queryMatched(), r.queryFrames(), r.targetPercent(), r.targetMatched(),
                        r.targetFrames(), g.getKey().maxDistance());
                // Lower scores rank first: 100 - query share.
                best.merge(e.id(), new BankMatch(e, 100 - r.queryPercent(), "vpdq 100 - query %", detail),
                        (a, b) -> b.score() < a.score() ? b : a);
            }
        }
    }

    private static String requireName(String name) {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
            throw new IllegalArgumentException("a bank name is 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit: '" + name + "'");
        }
        return name;
    }
}
