package io.assay.core;

import io.assay.core.evidence.Assurance;
import io.assay.core.evidence.DetectionDetails;
import io.assay.core.evidence.DigitalSourceType;
import io.assay.core.evidence.Evidence;
import io.assay.core.evidence.EvidenceKind;
import io.assay.core.policy.Action;
import io.assay.core.policy.Decision;
import io.assay.core.policy.Label;
import io.assay.core.policy.LabelPolicy;
import io.assay.core.policy.PolicyLoader;
import io.assay.core.scan.ScanContext;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.assay.core.LabelPolicyTest.declares;
import static io.assay.core.LabelPolicyTest.match;
import static org.assertj.core.api.Assertions.assertThat;

/** How the label policy reads a detector ensemble's outcome (see {@link DetectionDetails}). */
class EnsemblePolicyTest {

    final LabelPolicy policy = new LabelPolicy(PolicyLoader.defaults(), LabelPolicyTest.NOV_2026);

    static Evidence ensemble(DetectionDetails.Outcome outcome, double score) {
        return new Evidence("detect", EvidenceKind.DETECTION, "detector ensemble: " + outcome.id(), score, null,
                Assurance.NONE, DetectionDetails.tally(outcome, score, 2, 2, 0));
    }

    Decision decide(Evidence... evidence) {
        return policy.decide(List.of(evidence), ScanContext.NONE);
    }

    @Test
    void syntheticIsLikelyAiWhateverTheCombinedScore() {
        // The ensemble weighed each detector against its own thresholds; the policy's threshold is for plain scores.
        Decision d = decide(ensemble(DetectionDetails.Outcome.SYNTHETIC, 0.72));
        assertThat(d.label()).isEqualTo(Label.LIKELY_AI);
        assertThat(d.action()).isEqualTo(Action.REVIEW);
        assertThat(d.reasons().getFirst()).isEqualTo("likely-ai: detector ensemble: synthetic (ensemble outcome synthetic, combined score 0.72)");
    }

    @Test
    void uncertainIsNoLabelButReview() {
        Decision d = decide(ensemble(DetectionDetails.Outcome.UNCERTAIN, 0.95));
        assertThat(d.label()).isEqualTo(Label.NONE);
        assertThat(d.action()).isEqualTo(Action.REVIEW);
        assertThat(d.reasons().getFirst()).isEqualTo("none: detectors uncertain, sent to review: detector ensemble: uncertain");
    }

    @Test
    void authenticAndNotApplicableChangeNothingEvenWithAHighScore() {
        for (DetectionDetails.Outcome o : List.of(DetectionDetails.Outcome.AUTHENTIC, DetectionDetails.Outcome.NOT_APPLICABLE)) {
            Decision d = decide(ensemble(o, 0.99));
            assertThat(d.label()).as(o.id()).isEqualTo(Label.NONE);
            assertThat(d.action()).as(o.id()).isEqualTo(Action.NONE);
        }
    }

    @Test
    void aTrustedCaptureClaimBeatsTheEnsembleAndSendsItToReview() {
        Evidence capture = declares(DigitalSourceType.DIGITAL_CAPTURE, Assurance.SIGNED_TRUSTED);
        Decision d = decide(ensemble(DetectionDetails.Outcome.SYNTHETIC, 0.9), capture);
        assertThat(d.label()).isEqualTo(Label.NONE);
        assertThat(d.action()).isEqualTo(Action.REVIEW);
        assertThat(d.digitalSourceType()).isEqualTo(DigitalSourceType.DIGITAL_CAPTURE.iri());
        assertThat(d.reasons()).anyMatch(r -> r.startsWith("detector disagrees, sent to review: detector ensemble"));
        // An unsigned "camera" claim is what a forger writes: it does not overrule.
        assertThat(decide(ensemble(DetectionDetails.Outcome.SYNTHETIC, 0.9),
                declares(DigitalSourceType.DIGITAL_CAPTURE, Assurance.UNSIGNED)).label()).isEqualTo(Label.LIKELY_AI);
        // Uncertain detectors add nothing to a trusted capture claim: no review.
        Decision settled = decide(ensemble(DetectionDetails.Outcome.UNCERTAIN, 0.6), capture);
        assertThat(settled.action()).isEqualTo(Action.NONE);
        assertThat(settled.reasons()).anyMatch(r -> r.startsWith("detectors uncertain, outweighed by the capture claim"));
    }

    @Test
    void provenanceSpeaksFirst() {
        Decision bank = decide(ensemble(DetectionDetails.Outcome.AUTHENTIC, 0.01), match(),
                declares(DigitalSourceType.DIGITAL_CAPTURE, Assurance.SIGNED_TRUSTED));
        assertThat(bank.label()).isEqualTo(Label.KNOWN_DEEPFAKE);
        assertThat(decide(ensemble(DetectionDetails.Outcome.UNCERTAIN, 0.5), match()).label()).isEqualTo(Label.KNOWN_DEEPFAKE);
        Decision declared = decide(ensemble(DetectionDetails.Outcome.UNCERTAIN, 0.5),
                declares(DigitalSourceType.TRAINED_ALGORITHMIC_MEDIA, Assurance.UNSIGNED));
        assertThat(declared.label()).isEqualTo(Label.AI_GENERATED);
        assertThat(declared.action()).isEqualTo(Action.LABEL);
    }

    @Test
    void plainDetectionsStillUseTheThreshold() {
        assertThat(decide(LabelPolicyTest.detector(0.85)).label()).isEqualTo(Label.LIKELY_AI);
        assertThat(decide(LabelPolicyTest.detector(0.5)).label()).isEqualTo(Label.NONE);
        assertThat(DetectionDetails.isEnsemble(LabelPolicyTest.detector(0.85))).isFalse();
    }
}
