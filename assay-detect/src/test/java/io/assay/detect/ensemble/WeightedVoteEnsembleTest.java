package io.assay.detect.ensemble;

import io.assay.core.media.MediaType;
import io.assay.detect.Competence;
import io.assay.detect.ContentProfile;
import io.assay.detect.DetectorInfo;
import io.assay.detect.DetectorOutcome;
import io.assay.detect.DetectorResult;
import io.assay.detect.EnsembleResult;
import io.assay.detect.EnsembleResult.Outcome;
import io.assay.detect.Thresholds;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class WeightedVoteEnsembleTest {

    final WeightedVoteEnsemble ensemble = new WeightedVoteEnsemble(VotingRules.defaults());
    static final ContentProfile ONE_FACE = new ContentProfile(1, null, false, false, List.of());

    static DetectorResult result(String id, double score, boolean trusted, Competence competence) {
        DetectorInfo info = new DetectorInfo(id, id, "1", Set.of(MediaType.Kind.IMAGE, MediaType.Kind.AUDIO),
                new Thresholds(0.3, 0.7), trusted, false, competence, "test", "test");
        return DetectorResult.of(info, DetectorOutcome.Scored.of(score), 5);
    }

    static DetectorResult high(String id) {
        return result(id, 0.9, false, Competence.ANY);
    }

    static DetectorResult low(String id) {
        return result(id, 0.1, false, Competence.ANY);
    }

    @Test
    void twoAgreeingVotesMakeSyntheticOneDoesNot() {
        EnsembleResult two = ensemble.combine(List.of(high("a"), high("b")), ONE_FACE);
        assertThat(two.outcome()).isEqualTo(Outcome.SYNTHETIC);
        assertThat(two.synthetic()).isEqualTo(2);
        assertThat(two.required()).isEqualTo(2);
        assertThat(ensemble.combine(List.of(high("a")), ONE_FACE).outcome()).isEqualTo(Outcome.UNCERTAIN);
    }

    @Test
    void aTrustedModelWeighsTwo() {
        EnsembleResult r = ensemble.combine(List.of(result("t", 0.95, true, Competence.ANY)), ONE_FACE);
        assertThat(r.outcome()).isEqualTo(Outcome.SYNTHETIC);
        assertThat(r.synthetic()).isEqualTo(2);
        assertThat(r.reasons()).anyMatch(s -> s.startsWith("t: votes high") && s.contains("weight 2, trusted"));
    }

    @Test
    void authenticIsSymmetric() {
        assertThat(ensemble.combine(List.of(low("a"), low("b")), ONE_FACE).outcome()).isEqualTo(Outcome.AUTHENTIC);
    }

    @Test
    void theWinnerMustLeadByTheMargin() {
        // 2 synthetic vs 2 authentic: both reach the quorum, neither leads.
        EnsembleResult tie = ensemble.combine(List.of(high("a"), high("b"), low("c"), low("d")), ONE_FACE);
        assertThat(tie.outcome()).isEqualTo(Outcome.UNCERTAIN);
        // 3 vs 1 leads by 2 >= 1.
        assertThat(ensemble.combine(List.of(high("a"), high("b"), high("e"), low("c")), ONE_FACE).outcome())
                .isEqualTo(Outcome.SYNTHETIC);
        WeightedVoteEnsemble strict = new WeightedVoteEnsemble(new VotingRules(2, 3, 3, 0.2));
        assertThat(strict.combine(List.of(high("a"), high("b"), high("e"), low("c")), ONE_FACE).outcome())
                .isEqualTo(Outcome.UNCERTAIN);
    }

    @Test
    void uncertainVotesCountInTheScoreButForNoSide() {
        EnsembleResult r = ensemble.combine(List.of(high("a"), result("m", 0.5, false, Competence.ANY),
                result("t", 0.8, true, Competence.ANY)), ONE_FACE);
        assertThat(r.outcome()).isEqualTo(Outcome.SYNTHETIC);
        assertThat(r.synthetic()).isEqualTo(3);
        // Weighted mean: (0.9*1 + 0.5*1 + 0.8*2) / 4.
        assertThat(r.score()).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void notApplicableResultsDoNotCount() {
        DetectorInfo info = high("x").info();
        DetectorResult na = DetectorResult.of(info, new DetectorOutcome.NotApplicable("timed out after 2000 ms"), 2000);
        EnsembleResult r = ensemble.combine(List.of(na), ONE_FACE);
        assertThat(r.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(r.score()).isNaN();
        assertThat(r.notCounted()).containsEntry("x", "not applicable: timed out after 2000 ms");
        assertThat(r.counted("x")).isFalse();
        assertThat(ensemble.combine(List.of(), ONE_FACE).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    }

    @Test
    void faceModelsAreNotCompetentWithoutExactlyOneFace() {
        List<DetectorResult> faces = List.of(result("f1", 0.9, false, Competence.FACE), result("f2", 0.9, false, Competence.FACE));
        assertThat(ensemble.combine(faces, ONE_FACE).outcome()).isEqualTo(Outcome.SYNTHETIC);
        EnsembleResult none = ensemble.combine(faces, new ContentProfile(0, null, null, null, List.of()));
        assertThat(none.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(none.notCounted()).containsEntry("f1", "not competent: no face found (a face model)");
        EnsembleResult crowd = ensemble.combine(faces, new ContentProfile(3, null, null, null, List.of()));
        assertThat(crowd.notCounted().get("f2")).isEqualTo("not competent: 3 faces (a face model needs exactly one)");
        // Not probed: counted, and the reason says the competence was not checked.
        EnsembleResult unknown = ensemble.combine(faces, ContentProfile.UNKNOWN);
        assertThat(unknown.outcome()).isEqualTo(Outcome.SYNTHETIC);
        assertThat(unknown.reasons()).anyMatch(s -> s.contains("faces not probed, competence unchecked"));
    }

    @Test
    void speechModelsAreNotCompetentWithoutSpeech() {
        List<DetectorResult> voices = List.of(result("v1", 0.9, false, Competence.SPEECH), result("v2", 0.95, false, Competence.SPEECH));
        assertThat(ensemble.combine(voices, new ContentProfile(null, 0.8, null, null, List.of())).outcome()).isEqualTo(Outcome.SYNTHETIC);
        EnsembleResult music = ensemble.combine(voices, new ContentProfile(null, 0.05, null, null, List.of()));
        assertThat(music.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(music.notCounted().get("v1")).isEqualTo("not competent: little speech (5% speech, a speech model needs 20% speech)");
    }

    @Test
    void flaggedContentNeedsMoreAgreement() {
        List<DetectorResult> two = List.of(high("a"), high("b"));
        // a face model that drops out (no face, a crowd) leaves the others needing more agreement
        List<DetectorResult> twoAndAFaceModel = List.of(high("a"), high("b"), result("f", 0.9, false, Competence.FACE));
        for (ContentProfile flagged : List.of(new ContentProfile(0, null, null, null, List.of()),
                new ContentProfile(2, null, null, null, List.of()))) {
            EnsembleResult r = ensemble.combine(twoAndAFaceModel, flagged);
            assertThat(r.required()).as(flagged.toString()).isEqualTo(3);
            assertThat(r.outcome()).as(flagged.toString()).isEqualTo(Outcome.UNCERTAIN);
            // whole-image detectors alone are not flagged by the face count: a landscape is their home ground
            assertThat(ensemble.combine(two, flagged).outcome()).as(flagged.toString()).isEqualTo(Outcome.SYNTHETIC);
        }
        for (ContentProfile flagged : List.of(new ContentProfile(1, null, true, null, List.of()),
                new ContentProfile(1, null, null, true, List.of()))) {
            EnsembleResult r = ensemble.combine(two, flagged);
            assertThat(r.required()).as(flagged.toString()).isEqualTo(3);
            assertThat(r.outcome()).as(flagged.toString()).isEqualTo(Outcome.UNCERTAIN);
        }
        EnsembleResult text = ensemble.combine(List.of(high("a"), high("b"), high("c")), new ContentProfile(1, null, true, null, List.of()));
        assertThat(text.outcome()).isEqualTo(Outcome.SYNTHETIC);
        assertThat(text.reasons().getFirst()).isEqualTo("content outside what detectors handle well (mostly text): "
                + "3 agreeing weighted votes needed instead of 2");
    }

    @Test
    void reasonsListEveryDetectorAndTheTally() {
        EnsembleResult r = ensemble.combine(List.of(high("a"), result("f", 0.9, false, Competence.FACE)),
                new ContentProfile(0, null, null, null, List.of()));
        assertThat(r.reasons()).containsExactly(
                "content outside what detectors handle well (no face): 3 agreeing weighted votes needed instead of 2",
                "a: votes high (score 0.900, thresholds 0.3/0.7, weight 1)",
                "f: not counted, not competent: no face found (a face model)",
                "uncertain: 1 weighted votes synthetic, 0 authentic; 3 needed, leading by 1");
    }

    @Test
    void experimentalVotesAreShownButNotCountedUnlessAsked() {
        DetectorResult weak = DetectorResult.of(new DetectorInfo("weak", null, null, Set.of(MediaType.Kind.IMAGE),
                new Thresholds(0.3, 0.7), false, true, Competence.ANY, null, null), DetectorOutcome.Scored.of(0.9), 1);
        EnsembleResult shown = ensemble.combine(List.of(weak, high("a"), high("b")), ContentProfile.UNKNOWN);
        assertThat(ensemble.counts(weak.info())).isFalse();
        assertThat(shown.notCounted()).containsKey("weak");
        assertThat(shown.synthetic()).isEqualTo(2);
        WeightedVoteEnsemble counting = new WeightedVoteEnsemble(VotingRules.defaults().withCountExperimental(true));
        assertThat(counting.combine(List.of(weak, high("a"), high("b")), ContentProfile.UNKNOWN).synthetic()).isEqualTo(3);
    }

    @Test
    void tooFewVotesThatAllSayAuthenticAreNoVerdictNotAReview() {
        EnsembleResult one = ensemble.combine(List.of(result("a", 0.1, false, Competence.ANY)), ContentProfile.UNKNOWN);
        assertThat(one.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(one.reasons()).anyMatch(r -> r.startsWith("no verdict: every counted detector votes authentic"));
        // one suspicious vote among them, and a person should look
        EnsembleResult split = ensemble.combine(List.of(result("a", 0.1, false, Competence.ANY),
                result("b", 0.5, false, Competence.ANY)), ContentProfile.UNKNOWN);
        assertThat(split.outcome()).isEqualTo(Outcome.UNCERTAIN);
    }

    @Test
    void rulesAreValidated() {
        assertThatThrownBy(() -> new VotingRules(3, 2, 1, 0.2)).hasMessageContaining("at least as many when flagged");
        assertThatThrownBy(() -> new VotingRules(2, 3, 0, 0.2)).hasMessageContaining("margin");
    }
}
