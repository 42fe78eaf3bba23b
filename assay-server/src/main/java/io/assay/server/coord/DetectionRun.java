package io.assay.server.coord;

import java.time.Instant;

/**
 * What one detection run did.
 *
 * @param shares    shares read from the lookback
 * @param campaigns campaigns found
 * @param created   of those, new ones (the others continue earlier campaigns)
 * @param alerts    new alerts raised
 * @param millis    the run's duration
 */
public record DetectionRun(Instant at, int shares, int campaigns, int created, int alerts, long millis) {
}
