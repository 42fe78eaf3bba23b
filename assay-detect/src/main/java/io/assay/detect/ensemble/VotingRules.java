package io.assay.detect.ensemble;

/**
 * The numbers of {@link WeightedVoteEnsemble}.
 *
 * @param required          weighted votes one side needs to win (a trusted model's vote weighs 2, others 1)
 * @param requiredWhenFlagged weighted votes needed when the content is outside what detectors are good at (no face,
 *                          several faces, mostly text, artwork): more agreement for harder content
 * @param margin            how many weighted votes the winning side must lead the other by
 * @param minSpeechFraction share of speech below which speech detectors are not competent
 * @param countExperimental whether experimental detectors' votes count; by default they are scored and shown, never
 *                          counted: a weak signal alone must not label media or fill the review queue
 */
public record VotingRules(double required, double requiredWhenFlagged, double margin, double minSpeechFraction,
                          boolean countExperimental) {

    public VotingRules(double required, double requiredWhenFlagged, double margin, double minSpeechFraction) {
        this(required, requiredWhenFlagged, margin, minSpeechFraction, false);
    }

    public VotingRules {
        if (!(required > 0) || !(requiredWhenFlagged >= required)) {
            throw new IllegalArgumentException("votes required must be positive, and at least as many when flagged: "
                    + required + ", " + requiredWhenFlagged);
        }
        if (!(margin > 0)) {
            throw new IllegalArgumentException("vote margin must be positive: " + margin);
        }
        if (!(minSpeechFraction >= 0 && minSpeechFraction <= 1)) {
            throw new IllegalArgumentException("minimum speech fraction must be within 0..1: " + minSpeechFraction);
        }
    }

    /** These rules with experimental detectors counted or not. */
    public VotingRules withCountExperimental(boolean count) {
        return new VotingRules(required, requiredWhenFlagged, margin, minSpeechFraction, count);
    }

    public static VotingRules defaults() {
        return new VotingRules(2, 3, 1, 0.2, false);
    }
}
