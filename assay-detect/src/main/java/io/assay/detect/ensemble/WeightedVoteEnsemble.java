package io.assay.detect.ensemble;

import io.assay.detect.Competence;
import io.assay.detect.ContentProfile;
import io.assay.detect.DetectorInfo;
import io.assay.detect.DetectorOutcome;
import io.assay.detect.DetectorResult;
import io.assay.detect.Ensemble;
import io.assay.detect.EnsembleResult;
import io.assay.detect.Vote;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Weighted votes with a quorum. Each detector's vote weighs 1, a trusted model's 2. A vote does not count when the
 * detector did not apply or is not competent for the content (a face model on an image with no face or several
 * faces, a speech model on sound with little speech). Content detectors handle badly (no face, several faces,
 * mostly text, artwork) is flagged and needs {@link VotingRules#requiredWhenFlagged()} agreeing votes instead of
 * {@link VotingRules#required()}. The outcome is synthetic when the synthetic votes reach the quorum and lead the
 * authentic ones by the margin, authentic symmetrically, not-applicable when no vote counted, and uncertain
 * otherwise. The combined score is the weighted mean of the counted detectors' scores. Thread-safe.
 */
public final class WeightedVoteEnsemble implements Ensemble {

    private final VotingRules rules;

    public WeightedVoteEnsemble(VotingRules rules) {
        this.rules = rules;
    }

    public VotingRules rules() {
        return rules;
    }

    /** The weight of a detector's vote. */
    public static double weight(DetectorInfo info) {
        return info.trusted() ? 2 : 1;
    }

    @Override
    public boolean counts(DetectorInfo info) {
        return !info.experimental() || rules.countExperimental();
    }

    @Override
    public EnsembleResult combine(List<DetectorResult> results, ContentProfile profile) {
        ContentProfile p = profile == null ? ContentProfile.UNKNOWN : profile;
        List<String> reasons = new ArrayList<>();
        Map<String, String> notCounted = new LinkedHashMap<>();
        List<String> flags = flags(p, results);
        double required = flags.isEmpty() ? rules.required() : rules.requiredWhenFlagged();
        if (!flags.isEmpty()) {
            reasons.add("content outside what detectors handle well (" + String.join(", ", flags) + "): "
                    + fmt(required) + " agreeing weighted votes needed instead of " + fmt(rules.required()));
        }
        double synthetic = 0;
        double authentic = 0;
        boolean suspected = false;
        double weighted = 0;
        double weights = 0;
        for (DetectorResult r : results) {
            DetectorInfo info = r.info();
            Optional<String> why = whyNotCounted(r, p);
            if (why.isPresent()) {
                notCounted.put(info.id(), why.get());
                reasons.add(info.id() + ": not counted, " + why.get());
                continue;
            }
            double w = weight(info);
            switch (r.vote()) {
                case HIGH -> synthetic += w;
                case LOW -> authentic += w;
                default -> { }
            }
            suspected |= r.vote() != Vote.LOW;
            weighted += w * r.score();
            weights += w;
            reasons.add(info.id() + ": votes " + r.vote().id() + " (score " + String.format(Locale.ROOT, "%.3f", r.score())
                    + ", thresholds " + info.thresholds().low() + "/" + info.thresholds().high() + ", weight " + fmt(w)
                    + (info.trusted() ? ", trusted" : "") + (info.experimental() ? ", experimental" : "") + ")"
                    + competenceNote(info, p));
        }
        EnsembleResult.Outcome outcome;
        if (weights == 0) {
            outcome = EnsembleResult.Outcome.NOT_APPLICABLE;
            reasons.add("no detector vote counted");
        } else if (synthetic >= required && synthetic >= authentic + rules.margin()) {
            outcome = EnsembleResult.Outcome.SYNTHETIC;
        } else if (authentic >= required && authentic >= synthetic + rules.margin()) {
            outcome = EnsembleResult.Outcome.AUTHENTIC;
        } else if (!suspected) {
            // every counted vote says authentic, too few to say so: nothing for a person to look at
            outcome = EnsembleResult.Outcome.NOT_APPLICABLE;
            reasons.add("no verdict: every counted detector votes authentic, but fewer than " + fmt(required) + " weighted");
        } else {
            outcome = EnsembleResult.Outcome.UNCERTAIN;
        }
        if (weights > 0) {
            reasons.add(outcome.id() + ": " + fmt(synthetic) + " weighted votes synthetic, " + fmt(authentic)
                    + " authentic; " + fmt(required) + " needed, leading by " + fmt(rules.margin()));
        }
        double score = weights == 0 ? Double.NaN : weighted / weights;
        return new EnsembleResult(outcome, score, synthetic, authentic, required, results, reasons, notCounted);
    }

    /** Why a result's vote does not count, if it does not. */
    private Optional<String> whyNotCounted(DetectorResult r, ContentProfile p) {
        if (r.outcome() instanceof DetectorOutcome.NotApplicable na) {
            return Optional.of("not applicable: " + na.reason());
        }
        if (!counts(r.info())) {
            return Optional.of("experimental, shown but not counted (detect.count-experimental=true counts it)");
        }
        return switch (r.info().competence()) {
            case FACE -> p.faces() == null ? Optional.empty()
                    : p.faces() == 0 ? Optional.of("not competent: no face found (a face model)")
                    : p.faces() > 1 ? Optional.of("not competent: " + p.faces() + " faces (a face model needs exactly one)")
                    : Optional.empty();
            case SPEECH -> p.speechFraction() == null || p.speechFraction() >= rules.minSpeechFraction() ? Optional.empty()
                    : Optional.of("not competent: little speech (" + percent(p.speechFraction()) + ", a speech model needs "
                    + percent(rules.minSpeechFraction()) + ")");
            case ANY -> Optional.empty();
        };
    }

    /** Says so when a competence could not be checked because no probe looked. */
    private static String competenceNote(DetectorInfo info, ContentProfile p) {
        if (info.competence() == Competence.FACE && p.faces() == null) {
            return "; faces not probed, competence unchecked";
        }
        if (info.competence() == Competence.SPEECH && p.speechFraction() == null) {
            return "; speech not probed, competence unchecked";
        }
        return "";
    }

    /** Facts that make the content hard for detectors in general. */
    static List<String> flags(ContentProfile p, List<DetectorResult> results) {
        List<String> flags = new ArrayList<>();
        // No face, or a crowd, is outside the competence of face models: when one was asked and drops out, the
        // remaining detectors need more agreement. A landscape judged only by whole-image detectors is not flagged.
        boolean faceModels = results.stream().anyMatch(r -> r.info().competence() == Competence.FACE);
        if (faceModels && p.faces() != null && p.faces() == 0) {
            flags.add("no face");
        }
        if (faceModels && p.faces() != null && p.faces() > 1) {
            flags.add(p.faces() + " faces");
        }
        if (Boolean.TRUE.equals(p.mostlyText())) {
            flags.add("mostly text");
        }
        if (Boolean.TRUE.equals(p.artwork())) {
            flags.add("artwork");
        }
        return flags;
    }

    private static String percent(double d) {
        return Math.round(d * 100) + "% speech";
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
