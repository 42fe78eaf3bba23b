package io.assay.server.review;

import java.time.Instant;
import java.util.UUID;

/**
 * One upload waiting for (or given) a person's decision.
 *
 * @param source   why it is in the queue: {@code policy} (the verdict's action was review) or {@code retro-hunt}
 *                 (an upload accepted earlier matches a deepfake banked since)
 * @param signalId the banked signal a retro-hunt matched, else null
 * @param label    the label the scan gave
 * @param decision the reviewer's decision, null while open
 */
public record ReviewItem(UUID id, UUID scanId, String source, String signalId, String priority, String reason,
                         Instant createdAt, String status, String fileName, String sha256, String label,
                         String platform, Decision decision) {

    /** A reviewer's decision: the label that stands, who decided, when, and why. */
    public record Decision(String label, String decidedBy, Instant decidedAt, String note) {
    }
}
