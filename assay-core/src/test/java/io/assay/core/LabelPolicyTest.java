package io.assay.core;

import io.assay.core.evidence.Assurance;
import io.assay.core.evidence.DigitalSourceType;
import io.assay.core.evidence.Evidence;
import io.assay.core.evidence.EvidenceKind;
import io.assay.core.policy.Action;
import io.assay.core.policy.Decision;
import io.assay.core.policy.ElectionRisk;
import io.assay.core.policy.Label;
import io.assay.core.policy.LabelPolicy;
import io.assay.core.policy.PolicyConfig;
import io.assay.core.policy.PolicyLoader;
import io.assay.core.policy.Priority;
import io.assay.core.policy.WatchedElection;
import io.assay.core.scan.ScanContext;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LabelPolicyTest {

    static final Clock NOV_2026 = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);
    static final WatchedElection ELECTION = new WatchedElection("xx-2026", "XX general election", List.of("XX"),
            LocalDate.parse("2026-11-01"), LocalDate.parse("2026-12-01"), List.of("Jane Exémple"), List.of("ballot"));

    final PolicyConfig defaults = PolicyLoader.defaults().withElections(List.of(ELECTION));
    final LabelPolicy policy = new LabelPolicy(defaults, NOV_2026);

    static Evidence declares(DigitalSourceType t, Assurance a) {
        return Evidence.declaration("test", "declares " + t.code(), 0.9, t, a, Map.of());
    }

    static Evidence detector(double score) {
        return new Evidence("detector", EvidenceKind.DETECTION, "synthetic-face model", score, null, Assurance.NONE, Map.of());
    }

    static Evidence match() {
        return new Evidence("bank", EvidenceKind.MATCH, "PDQ distance 12 to bank entry 42", 1.0, null, Assurance.NONE, Map.of());
    }

    @Test
    void noEvidenceMeansNone() {
        Decision d = policy.decide(List.of(), ScanContext.NONE);
        assertThat(d.label()).isEqualTo(Label.NONE);
        assertThat(d.action()).isEqualTo(Action.NONE);
        assertThat(d.digitalSourceType()).isNull();
        assertThat(d.reasons()).hasSize(1);
    }

    @Test
    void sourceTypesMapToLabels() {
        assertThat(policy.decide(List.of(declares(DigitalSourceType.TRAINED_ALGORITHMIC_MEDIA, Assurance.UNSIGNED)), ScanContext.NONE).label())
                .isEqualTo(Label.AI_GENERATED);
        assertThat(policy.decide(List.of(declares(DigitalSourceType.COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA, Assurance.SIGNED)), ScanContext.NONE).label())
                .isEqualTo(Label.AI_EDITED);
        Decision capture = policy.decide(List.of(declares(DigitalSourceType.DIGITAL_CAPTURE, Assurance.SIGNED_TRUSTED)), ScanContext.NONE);
        assertThat(capture.label()).isEqualTo(Label.NONE);
        assertThat(capture.digitalSourceType()).isEqualTo(DigitalSourceType.DIGITAL_CAPTURE.iri());
        assertThat(policy.decide(List.of(declares(DigitalSourceType.MINOR_HUMAN_EDITS, Assurance.UNSIGNED)), ScanContext.NONE).label())
                .isEqualTo(Label.NONE);
    }

    @Test
    void generatedOutranksEditedAndKnownDeepfakeOutranksAll() {
        Decision d = policy.decide(List.of(declares(DigitalSourceType.COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA, Assurance.SIGNED_TRUSTED),
                declares(DigitalSourceType.TRAINED_ALGORITHMIC_MEDIA, Assurance.UNSIGNED)), ScanContext.NONE);
        assertThat(d.label()).isEqualTo(Label.AI_GENERATED);
        assertThat(d.digitalSourceType()).isEqualTo(DigitalSourceType.TRAINED_ALGORITHMIC_MEDIA.iri());
        Decision k = policy.decide(List.of(declares(DigitalSourceType.TRAINED_ALGORITHMIC_MEDIA, Assurance.UNSIGNED), match()), ScanContext.NONE);
        assertThat(k.label()).isEqualTo(Label.KNOWN_DEEPFAKE);
        assertThat(k.action()).isEqualTo(Action.LABEL_PROMINENT);
    }

    @Test
    void aiDisclosureBeatsACaptureClaimAndSaysSo() {
        Decision d = policy.decide(List.of(declares(DigitalSourceType.DIGITAL_CAPTURE, Assurance.SIGNED_TRUSTED),
                declares(DigitalSourceType.TRAINED_ALGORITHMIC_MEDIA, Assurance.UNSIGNED)), ScanContext.NONE);
        assertThat(d.label()).isEqualTo(Label.AI_GENERATED);
        assertThat(d.reasons()).anyMatch(r -> r.startsWith("conflicting declaration"));
    }

    @Test
    void detectorAloneIsLikelyAiForReview() {
        Decision d = policy.decide(List.of(detector(0.93)), ScanContext.NONE);
        assertThat(d.label()).isEqualTo(Label.LIKELY_AI);
        assertThat(d.action()).isEqualTo(Action.REVIEW);
        assertThat(policy.decide(List.of(detector(0.5)), ScanContext.NONE).label()).isEqualTo(Label.NONE);
    }

    @Test
    void unsignedCaptureClaimDoesNotOverruleADetectorButATrustedOneDoes() {
        Decision weak = policy.decide(List.of(detector(0.95), declares(DigitalSourceType.DIGITAL_CAPTURE, Assurance.UNSIGNED)), ScanContext.NONE);
        assertThat(weak.label()).isEqualTo(Label.LIKELY_AI);
        assertThat(weak.reasons()).anyMatch(r -> r.startsWith("capture claim too weakly bound"));
        Decision strong = policy.decide(List.of(detector(0.95), declares(DigitalSourceType.DIGITAL_CAPTURE, Assurance.SIGNED_TRUSTED)), ScanContext.NONE);
        assertThat(strong.label()).isEqualTo(Label.NONE);
        assertThat(strong.action()).isEqualTo(Action.REVIEW);
        assertThat(strong.reasons()).anyMatch(r -> r.startsWith("detector disagrees"));
    }

    @Test
    void minimumAssuranceForAiIsHonoured() {
        PolicyConfig strict = PolicyLoader.parse(yamlWith("minimumAssuranceForAi: unsigned", "minimumAssuranceForAi: signed"), "strict");
        Decision d = new LabelPolicy(strict, NOV_2026).decide(List.of(declares(DigitalSourceType.TRAINED_ALGORITHMIC_MEDIA, Assurance.SIGNED_INVALID)), ScanContext.NONE);
        assertThat(d.label()).isEqualTo(Label.NONE);
        assertThat(d.reasons()).anyMatch(r -> r.startsWith("not counted"));
    }

    @Test
    void electionRiskFromCandidateRegionKeywordOrElectionId() {
        Evidence ai = declares(DigitalSourceType.TRAINED_ALGORITHMIC_MEDIA, Assurance.UNSIGNED);
        ScanContext candidate = new ScanContext("p", null, null, "JANE EXEMPLE at the rally", null, null, List.of());
        Decision d = policy.decide(List.of(ai), candidate);
        assertThat(d.electionRisk()).isEqualTo(ElectionRisk.HIGH);
        assertThat(d.action()).isEqualTo(Action.LABEL_PROMINENT);
        assertThat(policy.decide(List.of(ai), new ScanContext(null, null, null, "ballot stuffing!", null, "XX", List.of())).electionRisk())
                .isEqualTo(ElectionRisk.HIGH);
        assertThat(policy.decide(List.of(ai), new ScanContext(null, null, null, "ballot stuffing!", null, "YY", List.of())).electionRisk())
                .isEqualTo(ElectionRisk.NORMAL);
        assertThat(policy.decide(List.of(ai), new ScanContext(null, null, null, null, "xx-2026", null, List.of())).electionRisk())
                .isEqualTo(ElectionRisk.HIGH);
        // Names match on word boundaries: "Janet Exempleditor" is not the candidate.
        assertThat(policy.decide(List.of(ai), new ScanContext(null, null, null, "Janet Exempleditor", null, "XX", List.of())).electionRisk())
                .isEqualTo(ElectionRisk.NORMAL);
    }

    @Test
    void inactiveElectionsAreNotWatched() {
        LabelPolicy later = new LabelPolicy(defaults, Clock.fixed(Instant.parse("2027-03-01T00:00:00Z"), ZoneOffset.UTC));
        ScanContext c = new ScanContext(null, null, null, "Jane Exémple", null, null, List.of());
        assertThat(later.decide(List.of(), c).electionRisk()).isEqualTo(ElectionRisk.NORMAL);
    }

    @Test
    void incidentModeSendsHighRiskLikelyAiToPriorityReview() {
        LabelPolicy incident = new LabelPolicy(defaults.withIncidentMode(true), NOV_2026);
        ScanContext risky = new ScanContext(null, null, null, null, null, null, List.of("Jane Exémple"));
        Decision d = incident.decide(List.of(detector(0.9)), risky);
        assertThat(d.action()).isEqualTo(Action.REVIEW);
        assertThat(d.priority()).isEqualTo(Priority.HIGH);
        assertThat(policy.decide(List.of(detector(0.9)), risky).priority()).isEqualTo(Priority.NORMAL);
        assertThat(incident.decide(List.of(match()), risky).action()).isEqualTo(Action.REVIEW);
    }

    @Test
    void policyFilesAreCheckedStrictly() {
        assertThatThrownBy(() -> PolicyLoader.parse("version: 2", "x")).hasMessageContaining("unsupported policy version");
        assertThatThrownBy(() -> PolicyLoader.parse(yamlWith("trainedAlgorithmicMedia: ai-generated", "trainedAlgorithmicMedia: ai-generatd"), "x"))
                .hasMessageContaining("ai-generatd");
        assertThatThrownBy(() -> PolicyLoader.parse(yamlWith("trainedAlgorithmicMedia:", "madeUpType:"), "x"))
                .hasMessageContaining("unknown IPTC code 'madeUpType'");
        assertThatThrownBy(() -> PolicyLoader.parse(yamlWith("    likely-ai: review\n    known-deepfake: label-prominent\n  high:", "  high:"), "x"))
                .hasMessageContaining("has no action for label");
        assertThatThrownBy(() -> PolicyLoader.parse("version: 1\nincidentMod: true\n", "x")).hasMessageContaining("unknown key 'incidentMod'");
        assertThatThrownBy(() -> PolicyLoader.parse("{ unclosed", "x")).hasMessageContaining("not valid YAML");
    }

    @Test
    void electionsParseFromYaml() {
        PolicyConfig c = PolicyLoader.parse(yamlWith("elections: []", """
                elections:
                  - id: a
                    name: A
                    regions: [XX]
                    from: 2026-01-01
                    until: 2026-02-01
                    candidates: [X Y]
                    keywords: [vote]"""), "x");
        assertThat(c.elections()).singleElement().satisfies(e -> {
            assertThat(e.from()).isEqualTo(LocalDate.parse("2026-01-01"));
            assertThat(e.candidates()).containsExactly("X Y");
        });
    }

    static String yamlWith(String from, String to) {
        try (var in = PolicyLoader.class.getResourceAsStream(PolicyLoader.DEFAULT_RESOURCE)) {
            String s = new String(in.readAllBytes());
            assertThat(s).contains(from);
            return s.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
