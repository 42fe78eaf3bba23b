package io.assay.server.bank;

import java.time.Instant;

/** A bank entry as the API shows it, retraction included. */
public record EntryRecord(long id, String bank, String signalType, String signal, int quality, String label,
                          String reason, String debunkUrl, String election, String candidate, String sourceName,
                          String sourceSha256, String addedBy, Instant addedAt, Instant retractedAt,
                          String retractedBy, String retractionReason, String signalId) {
}
