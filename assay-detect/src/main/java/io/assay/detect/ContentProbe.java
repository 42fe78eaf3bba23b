package io.assay.detect;

import io.assay.core.media.MediaType;

import java.util.Set;

/**
 * Finds what the content is (faces, speech, text, artwork) so the ensemble knows which detectors are competent.
 * A probe never scores authenticity. Thread-safe.
 */
public interface ContentProbe {

    String id();

    Set<MediaType.Kind> kinds();

    /** The facts this probe can establish; fields it does not probe stay null. */
    ContentProfile probe(DetectorInput input) throws Exception;
}
