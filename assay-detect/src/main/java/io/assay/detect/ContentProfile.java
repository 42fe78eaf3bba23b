package io.assay.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * What the content is, as far as the presence probes can tell: the facts that decide whether a detector is
 * competent for it. A null field means "not probed".
 *
 * @param faces          number of frontal faces found in the image or the sampled frames (most in one frame)
 * @param speechFraction share of the audio, 0..1, that a voice activity detector marks as speech
 * @param mostlyText     the image is mostly text (a screenshot, a document, a meme caption)
 * @param artwork        the image looks drawn or rendered rather than photographed
 * @param notes          one line per probe, for the verdict's reasons
 */
public record ContentProfile(Integer faces, Double speechFraction, Boolean mostlyText, Boolean artwork,
                             List<String> notes) {

    public static final ContentProfile UNKNOWN = new ContentProfile(null, null, null, null, List.of());

    public ContentProfile {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** This profile with the other's known facts added (the other wins where both know). */
    public ContentProfile merge(ContentProfile other) {
        List<String> n = new ArrayList<>(notes);
        n.addAll(other.notes);
        return new ContentProfile(
                other.faces != null ? other.faces : faces,
                other.speechFraction != null ? other.speechFraction : speechFraction,
                other.mostlyText != null ? other.mostlyText : mostlyText,
                other.artwork != null ? other.artwork : artwork,
                n);
    }
}
