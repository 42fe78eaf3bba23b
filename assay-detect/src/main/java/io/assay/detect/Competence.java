package io.assay.detect;

import java.util.Locale;

/** The content a detector was trained for; outside it, its vote is not counted. */
public enum Competence {
    /** Any image, frame or sound of its media kinds. */
    ANY,
    /** Exactly one prominent human face (face-swap and face-reenactment models). */
    FACE,
    /** Human speech (voice-clone and text-to-speech models). */
    SPEECH;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Competence of(String id) {
        for (Competence c : values()) {
            if (c.id().equals(id)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown competence '" + id + "' (known: any, face, speech)");
    }
}
