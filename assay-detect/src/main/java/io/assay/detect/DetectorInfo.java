package io.assay.detect;

import io.assay.core.media.MediaType;

import java.util.Objects;
import java.util.Set;

/**
 * What a detector is and how its score is read: the facts of a model card, or of a built-in detector's
 * documentation.
 *
 * @param id           stable identifier, used in evidence and in reports ({@code spectral-image}, a card's id)
 * @param name         human-readable name
 * @param version      the model's or detector's version
 * @param kinds        the media kinds it scores
 * @param thresholds   calibrated score thresholds that bucket a score into a vote
 * @param trusted      whether its vote counts double (a card marks a model trusted after evaluation)
 * @param experimental whether it is a weak signal shown with that warning
 * @param competence   the content it is competent for (faces, speech, anything)
 * @param licence      the licence of the model's weights, or of the built-in code
 * @param evaluatedOn  the data it was evaluated on, in words
 */
public record DetectorInfo(String id, String name, String version, Set<MediaType.Kind> kinds, Thresholds thresholds,
                           boolean trusted, boolean experimental, Competence competence, String licence,
                           String evaluatedOn) {

    public DetectorInfo {
        Objects.requireNonNull(id, "id");
        if (!id.matches("[a-z0-9][a-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException("detector id must be lower-case letters, digits, '.', '_' or '-': " + id);
        }
        name = name == null || name.isBlank() ? id : name;
        version = version == null ? "" : version;
        kinds = Set.copyOf(kinds);
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("detector " + id + " scores no media kind");
        }
        Objects.requireNonNull(thresholds, "thresholds");
        competence = competence == null ? Competence.ANY : competence;
        licence = licence == null ? "" : licence;
        evaluatedOn = evaluatedOn == null ? "" : evaluatedOn;
    }

    /** The vote a score casts under these thresholds. */
    public Vote vote(double score) {
        return thresholds.vote(score);
    }
}
