package io.assay.server.review;

import io.assay.core.policy.Action;
import io.assay.core.policy.Label;
import io.assay.core.scan.Verdict;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * What people should look at, and what they decided: scans whose verdict asks for review, and earlier uploads a
 * retro-hunt found to match a deepfake banked since. A decision names the label that stands; it is stored with the
 * item, and the newest decision about a file's exact bytes is what later scans of those bytes report.
 */
@Service
public class ReviewQueue {

    public static final String FROM_POLICY = "policy";
    public static final String FROM_RETRO_HUNT = "retro-hunt";

    private final ReviewRepository repository;
    private final Clock clock;

    @org.springframework.beans.factory.annotation.Autowired
    public ReviewQueue(ReviewRepository repository) {
        this(repository, Clock.systemUTC());
    }

    ReviewQueue(ReviewRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** Queues a stored verdict whose action is review; returns whether it was queued now. */
    public boolean fromVerdict(Verdict stored) {
        if (stored.id() == null || stored.action() != Action.REVIEW) {
            return false;
        }
        String why = stored.reasons().stream().filter(r -> !r.startsWith("action ")).findFirst()
                .orElse("the label policy asks for review");
        return repository.open(UUID.fromString(stored.id()), FROM_POLICY, null, stored.priority().id(), shorten(why),
                clock.instant());
    }

    /** Queues an earlier upload that a retro-hunt matched to a newly banked signal (high priority: it is live). */
    public boolean fromRetroHunt(UUID scanId, String signalId) {
        return repository.open(scanId, FROM_RETRO_HUNT, signalId, "high",
                "accepted before signal " + signalId + " was banked, and matches it", clock.instant());
    }

    public List<ReviewItem> list(String status, int limit) {
        return repository.list(status, limit);
    }

    public Optional<ReviewItem> find(UUID id) {
        return repository.find(id);
    }

    public List<ReviewItem> ofScan(UUID scanId) {
        return repository.ofScan(scanId);
    }

    /**
     * Records a decision on an item. The label must be one of the policy's labels ({@code none}, {@code ai-edited},
     * {@code ai-generated}, {@code likely-ai}, {@code known-deepfake}).
     */
    public ReviewItem decide(UUID id, String label, String decidedBy, String note) {
        Label.of(label); // refuses an unknown label with a message naming it
        if (note != null && note.length() > 2000) {
            throw new IllegalArgumentException("note is longer than 2000 characters");
        }
        ReviewItem item = repository.find(id).orElseThrow(() -> new NoSuchItemException(id));
        repository.decide(item.id(), label, decidedBy, note, clock.instant());
        return repository.find(id).orElseThrow();
    }

    /** The decision that stands for these exact bytes, if a reviewer made one. */
    public Optional<ReviewItem.Decision> decisionFor(String sha256) {
        return sha256 == null ? Optional.empty() : repository.latestDecisionFor(sha256.toLowerCase(Locale.ROOT));
    }

    public Instant now() {
        return clock.instant();
    }

    private static String shorten(String s) {
        return s.length() > 500 ? s.substring(0, 500) + "..." : s;
    }

    /** No review item with that id. */
    public static final class NoSuchItemException extends RuntimeException {
        public NoSuchItemException(UUID id) {
            super("no review item " + id, null, false, false);
        }
    }
}
