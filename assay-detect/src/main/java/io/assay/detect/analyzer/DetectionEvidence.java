package io.assay.detect.analyzer;

import io.assay.core.evidence.Assurance;
import io.assay.core.evidence.DetectionDetails;
import io.assay.core.evidence.Evidence;
import io.assay.core.evidence.EvidenceKind;
import io.assay.detect.ContentProfile;
import io.assay.detect.DetectorOutcome;
import io.assay.detect.DetectorResult;
import io.assay.detect.EnsembleResult;
import io.assay.detect.ensemble.WeightedVoteEnsemble;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** An ensemble result as the evidence the label policy reads, in the keys of {@link DetectionDetails}. */
final class DetectionEvidence {

    private DetectionEvidence() {
    }

    static Evidence of(EnsembleResult r, ContentProfile profile) {
        DetectionDetails.Outcome outcome = DetectionDetails.Outcome.valueOf(r.outcome().name());
        boolean scored = !Double.isNaN(r.score());
        Map<String, Object> details = DetectionDetails.tally(outcome, scored ? round(r.score()) : null, r.required(),
                r.synthetic(), r.authentic());
        Map<String, Object> detectors = new LinkedHashMap<>();
        for (DetectorResult d : r.results()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("name", d.info().name());
            one.put("version", d.info().version());
            one.put(DetectionDetails.SCORE, Double.isNaN(d.score()) ? null : round(d.score()));
            one.put(DetectionDetails.VOTE, d.vote().id());
            one.put(DetectionDetails.COUNTED, r.counted(d.info().id()));
            if (!r.counted(d.info().id())) {
                one.put(DetectionDetails.WHY_NOT_COUNTED, r.notCounted().get(d.info().id()));
            }
            one.put(DetectionDetails.WEIGHT, WeightedVoteEnsemble.weight(d.info()));
            one.put(DetectionDetails.MILLIS, Math.round(d.millis() * 10) / 10.0);
            one.put(DetectionDetails.TRUSTED, d.info().trusted());
            one.put(DetectionDetails.EXPERIMENTAL, d.info().experimental());
            if (d.outcome() instanceof DetectorOutcome.Scored s && !s.details().isEmpty()) {
                one.put("details", s.details());
            }
            detectors.put(d.info().id(), one);
        }
        details.put(DetectionDetails.DETECTORS, detectors);
        if (!profile.equals(ContentProfile.UNKNOWN)) {
            Map<String, Object> content = new LinkedHashMap<>();
            content.put("faces", profile.faces());
            content.put("speechFraction", profile.speechFraction());
            content.put("mostlyText", profile.mostlyText());
            content.put("artwork", profile.artwork());
            content.put("notes", profile.notes());
            details.put(DetectionDetails.CONTENT, content);
        }
        details.put(DetectionDetails.REASONS, r.reasons());
        String finding = "detector ensemble: " + outcome.id() + (scored
                ? String.format(Locale.ROOT, " (%s synthetic vs %s authentic weighted votes, %s needed; combined score %.2f)",
                fmt(r.synthetic()), fmt(r.authentic()), fmt(r.required()), r.score())
                : " (no detector vote counted)");
        return new Evidence(DetectAnalyzer.NAME, EvidenceKind.DETECTION, finding, scored ? clamp(r.score()) : 0, null,
                Assurance.NONE, details);
    }

    private static double round(double d) {
        return Math.round(d * 1e4) / 1e4;
    }

    private static double clamp(double d) {
        return Math.max(0, Math.min(1, d));
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
