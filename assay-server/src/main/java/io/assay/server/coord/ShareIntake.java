package io.assay.server.coord;

import io.assay.coord.share.UrlNormalizer;
import io.assay.core.evidence.Evidence;
import io.assay.core.evidence.EvidenceKind;
import io.assay.core.scan.ScanContext;
import io.assay.core.scan.Verdict;
import io.assay.index.Hash256;
import io.assay.server.AssayProperties;
import io.assay.server.bank.BankRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import jakarta.annotation.PostConstruct;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Turns what the server sees into shares: every scan whose context names an account, and shares platforms report.
 * The object of a scanned upload is the banked signal it matched (so every copy of a known deepfake is one object,
 * however re-encoded), else its perceptual-hash cluster among recent uploads, else its exact bytes.
 */
@Service
public class ShareIntake {

    private static final Logger log = LoggerFactory.getLogger(ShareIntake.class);
    /** The analyzer whose observations carry the upload's perceptual hashes. */
    private static final String HASH_SOURCE = "known-deepfake";
    private static final Pattern PDQ_HEX = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern LINK = Pattern.compile("https?://\\S+");
    private static final Duration FUTURE_SKEW = Duration.ofMinutes(5);
    static final int MAX_FIELD = 1024;
    static final int MAX_TEXT = 64 * 1024;

    private final ShareRepository shares;
    private final BankRepository banks;
    private final AssayProperties.Coordination settings;
    private final MediaClusters clusters;
    private final UrlNormalizer urls = new UrlNormalizer();
    private final Clock clock;

    @Autowired
    public ShareIntake(ShareRepository shares, BankRepository banks, AssayProperties props) {
        this(shares, banks, props.coordination(), Clock.systemUTC());
    }

    ShareIntake(ShareRepository shares, BankRepository banks, AssayProperties.Coordination settings, Clock clock) {
        this.shares = shares;
        this.banks = banks;
        this.settings = settings;
        this.clock = clock;
        this.clusters = new MediaClusters(settings.pdqDistance());
    }

    /** Records the share a scan stands for; nothing when coordination is off or the scan names no account. */
    public Optional<ShareRecord> fromVerdict(Verdict v) {
        ScanContext c = v.context();
        if (!settings.enabled() || v.id() == null || c == null || c.account() == null || c.account().isBlank()) {
            return Optional.empty();
        }
        String pdq = pdqOf(v);
        SharedObject object = matchedSignal(v).map(id -> SharedObject.of("signal", id)).orElse(null);
        if (object != null && pdq != null) {
            // near copies that miss the bank's threshold still join the signal's object
            clusters.restore(Hash256.fromHex(pdq), object.id(), v.scannedAt());
        } else if (pdq != null) {
            String proposed = SharedObject.of("media", v.asset().sha256().substring(0, 16)).id();
            String id = clusters.assign(Hash256.fromHex(pdq), proposed, v.scannedAt());
            object = new SharedObject(id.substring(0, id.indexOf(':')), id);
        } else {
            object = SharedObject.of("file", v.asset().sha256());
        }
        ShareRecord r = new ShareRecord(0, clip(c.platform()), clip(c.account()), object, clip(c.postId()),
                v.scannedAt(), v.label().id(), v.electionRisk().id(), UUID.fromString(v.id()), pdq, "scan");
        return Optional.of(withId(r, shares.insert(r)));
    }

    /**
     * Stores reported shares, all or none. Throws {@link IllegalArgumentException} naming the first bad share.
     */
    @Transactional
    public List<ShareRecord> report(List<ReportedShare> reported) {
        if (!settings.enabled()) {
            throw new IllegalStateException("coordination is off (assay.coordination.enabled=false)");
        }
        Instant now = clock.instant();
        List<ShareRecord> stored = new ArrayList<>(reported.size());
        for (int i = 0; i < reported.size(); i++) {
            ShareRecord r;
            try {
                r = validate(reported.get(i), now);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("shares[" + i + "]: " + e.getMessage());
            }
            stored.add(withId(r, shares.insert(r)));
        }
        return stored;
    }

    private ShareRecord validate(ReportedShare s, Instant now) {
        if (s == null) {
            throw new IllegalArgumentException("a share is null");
        }
        if (s.account() == null || s.account().isBlank()) {
            throw new IllegalArgumentException("account is required");
        }
        if (s.postedAt() == null) {
            throw new IllegalArgumentException("postedAt is required (ISO-8601, e.g. 2026-05-01T12:00:00Z)");
        }
        if (s.postedAt().isAfter(now.plus(FUTURE_SKEW))) {
            throw new IllegalArgumentException("postedAt is in the future");
        }
        if (s.postedAt().isBefore(now.minus(settings.retention()))) {
            throw new IllegalArgumentException("postedAt is older than the retention (" + settings.retention() + ")");
        }
        for (String f : new String[] {s.platform(), s.account(), s.postId(), s.label(), s.object()}) {
            if (f != null && f.length() > MAX_FIELD) {
                throw new IllegalArgumentException("a field is longer than " + MAX_FIELD + " characters");
            }
        }
        int named = (s.url() != null ? 1 : 0) + (s.text() != null ? 1 : 0) + (s.pdq() != null ? 1 : 0)
                + (s.object() != null ? 1 : 0);
        if (named != 1) {
            throw new IllegalArgumentException("name exactly one of url, text, pdq, object");
        }
        SharedObject object;
        String pdq = null;
        if (s.url() != null) {
            object = SharedObject.of("url", urls.normalize(s.url())
                    .orElseThrow(() -> new IllegalArgumentException("url is not a URL")));
        } else if (s.text() != null) {
            if (s.text().length() > MAX_TEXT) {
                throw new IllegalArgumentException("text is longer than " + MAX_TEXT + " characters");
            }
            String norm = normaliseText(s.text());
            if (norm.isEmpty()) {
                throw new IllegalArgumentException("text is empty");
            }
            object = SharedObject.of("text", sha256(norm).substring(0, 32));
        } else if (s.pdq() != null) {
            if (!PDQ_HEX.matcher(s.pdq()).matches()) {
                throw new IllegalArgumentException("pdq must be 64 hex digits");
            }
            pdq = s.pdq().toLowerCase(Locale.ROOT);
            String id = clusters.assign(Hash256.fromHex(pdq), SharedObject.of("media", pdq.substring(0, 16)).id(),
                    s.postedAt());
            object = new SharedObject(id.substring(0, id.indexOf(':')), id);
        } else {
            if (s.object().isBlank()) {
                throw new IllegalArgumentException("object is empty");
            }
            object = SharedObject.of("object", s.object());
        }
        return new ShareRecord(0, s.platform() == null ? "" : s.platform(), s.account(), object,
                s.postId() == null ? "" : s.postId(), s.postedAt(), s.label() == null ? "" : s.label(), "normal",
                null, pdq, "report");
    }

    /** Forgets media clusters older than the lookback (the shares themselves are purged by the detection job). */
    int expireClusters() {
        return clusters.expire(clock.instant().minus(settings.lookback()));
    }

    /** After a restart, the media clusters of the lookback come back from the stored shares. */
    @PostConstruct
    void restoreClusters() {
        if (!settings.enabled()) {
            return;
        }
        long t0 = System.nanoTime();
        int[] n = {0};
        shares.forEachWithPdq(clock.instant().minus(settings.lookback()), s -> {
            clusters.restore(Hash256.fromHex(s.pdq()), s.object().id(), s.sharedAt());
            n[0]++;
        });
        if (n[0] > 0) {
            log.info("coordination: {} media clusters restored from {} shares in {} ms", clusters.size(), n[0],
                    (System.nanoTime() - t0) / 1_000_000);
        }
    }

    private Optional<String> matchedSignal(Verdict v) {
        for (Evidence e : v.evidence()) {
            if (e.kind() == EvidenceKind.MATCH && e.details().get("entryId") instanceof Number id) {
                Optional<String> signal = banks.entry(id.longValue()).map(en -> en.signalId());
                if (signal.isPresent()) {
                    return signal;
                }
            }
        }
        return Optional.empty();
    }

    private static String pdqOf(Verdict v) {
        for (Evidence e : v.evidence()) {
            if (HASH_SOURCE.equals(e.source()) && e.kind() == EvidenceKind.OBSERVATION
                    && "pdq".equals(e.details().get("signalType")) && e.details().get("signal") instanceof String s
                    && PDQ_HEX.matcher(s).matches()) {
                return s.toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    static String normaliseText(String text) {
        String t = LINK.matcher(text).replaceAll(" ");
        return t.toLowerCase(Locale.ROOT).replaceAll("[\\p{Punct}\\s]+", " ").trim();
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String clip(String s) {
        if (s == null) {
            return "";
        }
        return s.length() > MAX_FIELD ? s.substring(0, MAX_FIELD) : s;
    }

    private static ShareRecord withId(ShareRecord r, long id) {
        return new ShareRecord(id, r.platform(), r.account(), r.object(), r.content(), r.sharedAt(), r.label(),
                r.electionRisk(), r.scanId(), r.pdq(), r.source());
    }
}
