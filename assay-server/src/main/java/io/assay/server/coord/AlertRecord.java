package io.assay.server.coord;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An alert: a campaign pushing election-risk media.
 *
 * @param reason   {@code known-deepfake} (it pushes media matching a banked deepfake) or {@code ai-media-election-risk}
 *                 (AI-generated or likely-AI media scanned at high election risk)
 * @param severity {@code high} for both reasons today
 */
public record AlertRecord(UUID id, UUID campaignId, Instant createdAt, String severity, String reason,
                          Map<String, Integer> labels) {
}
