package io.assay.stream;

import io.assay.core.evidence.Evidence;
import io.assay.core.evidence.EvidenceKind;
import io.assay.core.scan.Verdict;
import io.assay.hash.bank.KnownDeepfakeAnalyzer;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The verdict event as it goes on the verdicts topic, from a stream instance or from the server: a flat summary
 * (upload id, instance, label, action, election risk, reasons, SHA-256, PDQ hash, matched bank entries, failed
 * analyzers, scan time) and the whole verdict under {@code verdict}.
 */
public final class VerdictEvents {

    private VerdictEvents() {
    }

    public static Map<String, Object> of(String uploadId, String instance, Verdict verdict, double scanMillis) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("uploadId", uploadId);
        out.put("instance", instance);
        out.put("label", verdict.label().id());
        out.put("action", verdict.action().id());
        out.put("electionRisk", verdict.electionRisk().id());
        out.put("reasons", verdict.reasons());
        out.put("sha256", verdict.asset().sha256());
        String pdq = pdq(verdict);
        if (pdq != null) {
            out.put("pdq", pdq);
        }
        out.put("matches", verdict.evidence().stream()
                .filter(e -> e.kind() == EvidenceKind.MATCH && KnownDeepfakeAnalyzer.NAME.equals(e.source()))
                .map(e -> e.details().get("entryId")).toList());
        out.put("failures", verdict.failures());
        out.put("scanMillis", scanMillis);
        out.put("verdict", verdict);
        return out;
    }

    /** The PDQ hash the known-deepfake analyzer computed, or null (not an image, or not hashed). */
    public static String pdq(Verdict v) {
        Evidence e = pdqEvidence(v);
        return e == null ? null : String.valueOf(e.details().get("signal"));
    }

    static Evidence pdqEvidence(Verdict v) {
        for (Evidence e : v.evidence()) {
            if (e.kind() == EvidenceKind.OBSERVATION && KnownDeepfakeAnalyzer.NAME.equals(e.source())
                    && "pdq".equals(e.details().get("signalType"))) {
                return e;
            }
        }
        return null;
    }
}
