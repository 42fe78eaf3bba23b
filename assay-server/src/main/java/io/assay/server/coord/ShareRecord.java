package io.assay.server.coord;

import java.time.Instant;
import java.util.UUID;

/**
 * One stored share.
 *
 * @param electionRisk the scan's election risk ({@code normal} for reported shares)
 * @param scanId       the scan it came from, or null for a reported share
 * @param pdq          the upload's PDQ hash (hex) when it has one: media clusters are rebuilt from it after a restart
 * @param source       {@code scan} or {@code report}
 */
public record ShareRecord(long id, String platform, String account, SharedObject object, String content,
                          Instant sharedAt, String label, String electionRisk, UUID scanId, String pdq, String source) {
}
