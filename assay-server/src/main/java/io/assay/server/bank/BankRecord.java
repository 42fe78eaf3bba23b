package io.assay.server.bank;

import io.assay.hash.bank.MatchThresholds;

import java.time.Instant;

/** A bank as the API shows it. */
public record BankRecord(String name, String description, MatchThresholds thresholds, Instant createdAt,
                         String createdBy, long activeEntries, long retractedEntries) {
}
