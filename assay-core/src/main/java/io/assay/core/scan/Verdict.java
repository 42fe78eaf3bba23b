package io.assay.core.scan;

import io.assay.core.analyzer.AnalyzerFailure;
import io.assay.core.evidence.Evidence;
import io.assay.core.policy.Action;
import io.assay.core.policy.Decision;
import io.assay.core.policy.ElectionRisk;
import io.assay.core.policy.Label;
import io.assay.core.policy.Priority;

import java.time.Instant;
import java.util.List;

/**
 * The result of scanning one asset: every piece of evidence, the label policy's decision, and how long it took.
 * The same record is printed by {@code assay scan --json}, returned by {@code POST /v1/scans} and stored.
 *
 * @param id                the stored scan's identifier, null until stored
 * @param asset             the file: name, sniffed media type, size, SHA-256
 * @param label             none, ai-edited, ai-generated, likely-ai or known-deepfake
 * @param digitalSourceType the IPTC digital source type IRI behind the label, or null
 * @param electionRisk      normal, or high when the context touches a watched election
 * @param action            the recommended action: none, label, label-prominent, review
 * @param priority          normal, or high for a review wanted urgently (incident mode)
 * @param reasons           human-readable lines citing the evidence
 * @param evidence          everything the analyzers found
 * @param failures          analyzers that could not finish, with why
 * @param context           the request context as given
 * @param policy            the name of the policy that decided
 * @param timings           wall-clock timings
 * @param scannedAt         when the scan finished
 */
public record Verdict(
        String id,
        AssetSummary asset,
        Label label,
        String digitalSourceType,
        ElectionRisk electionRisk,
        Action action,
        Priority priority,
        List<String> reasons,
        List<Evidence> evidence,
        List<AnalyzerFailure> failures,
        ScanContext context,
        String policy,
        Timings timings,
        Instant scannedAt) {

    public Verdict {
        reasons = List.copyOf(reasons);
        evidence = List.copyOf(evidence);
        failures = List.copyOf(failures);
    }

    static Verdict of(AssetSummary asset, Decision d, List<Evidence> evidence, List<AnalyzerFailure> failures,
                      ScanContext context, String policy, Timings timings, Instant at) {
        return new Verdict(null, asset, d.label(), d.digitalSourceType(), d.electionRisk(), d.action(), d.priority(),
                d.reasons(), evidence, failures, context, policy, timings, at);
    }

    public Verdict withId(String newId) {
        return new Verdict(newId, asset, label, digitalSourceType, electionRisk, action, priority, reasons, evidence,
                failures, context, policy, timings, scannedAt);
    }
}
