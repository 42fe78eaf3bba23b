package io.assay.core;

import io.assay.core.evidence.DetectionDetails;
import io.assay.core.evidence.Evidence;
import io.assay.core.evidence.EvidenceKind;
import io.assay.core.policy.Action;
import io.assay.core.policy.Decision;
import io.assay.core.policy.Label;
import io.assay.core.policy.LabelPolicy;
import io.assay.core.policy.PolicyLoader;
import io.assay.core.scan.ScanContext;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.assay.core.LabelPolicyTest.match;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A reviewer's decision about these exact bytes stands over every automated signal. */
class ReviewDecisionPolicyTest {

    final LabelPolicy policy = new LabelPolicy(PolicyLoader.defaults(), LabelPolicyTest.NOV_2026);
    static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");

    Decision decide(Evidence... evidence) {
        return policy.decide(List.of(evidence), ScanContext.NONE);
    }

    @Test
    void aDecisionOfNoneStandsOverABankMatch() {
        Evidence reviewer = Evidence.decision("review", "none", "desk-1", AT, "satire, labelled by the poster");
        assertThat(reviewer.kind()).isEqualTo(EvidenceKind.DECISION);
        Decision d = decide(match(), reviewer);
        assertThat(d.label()).isEqualTo(Label.NONE);
        assertThat(d.action()).isEqualTo(Action.NONE);
        assertThat(d.reasons().getFirst()).isEqualTo(
                "none: reviewer decision: none (by desk-1 at 2026-11-20T10:00:00Z: satire, labelled by the poster) [review]");
        assertThat(d.reasons()).contains("the reviewer's decision stands over 1 automated finding(s), kept in the evidence");
    }

    @Test
    void aDecidedFileIsLabelledNotSentToReviewAgain() {
        Evidence uncertain = new Evidence("detect", EvidenceKind.DETECTION, "detector ensemble: uncertain", 0.6, null,
                null, DetectionDetails.tally(DetectionDetails.Outcome.UNCERTAIN, 0.6, 2, 1, 0));
        assertThat(decide(uncertain).action()).isEqualTo(Action.REVIEW);
        Decision d = decide(uncertain, Evidence.decision("review", "likely-ai", "desk-2", AT, null));
        assertThat(d.label()).isEqualTo(Label.LIKELY_AI);
        assertThat(d.action()).isEqualTo(Action.LABEL);
        Decision fake = decide(uncertain, Evidence.decision("review", "known-deepfake", "desk-2", AT, null));
        assertThat(fake.label()).isEqualTo(Label.KNOWN_DEEPFAKE);
        assertThat(fake.action()).isNotEqualTo(Action.REVIEW);
    }

    @Test
    void anUnknownDecidedLabelIsAnError() {
        assertThatThrownBy(() -> decide(Evidence.decision("review", "pretty-sure", "desk", AT, null)))
                .hasMessageContaining("unknown label 'pretty-sure'");
    }
}
