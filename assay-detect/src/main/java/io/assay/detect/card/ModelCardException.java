package io.assay.detect.card;

import java.nio.file.Path;

/** A model card that cannot be used: unreadable, malformed, or not matching its model. The message names the file. */
public final class ModelCardException extends Exception {

    public ModelCardException(String message) {
        super(message);
    }

    public ModelCardException(String message, Throwable cause) {
        super(message, cause);
    }

    /** "model card FILE: field 'a.b': problem". */
    static ModelCardException field(Path card, String field, String problem) {
        return new ModelCardException("model card " + card + ": field '" + field + "': " + problem);
    }
}
