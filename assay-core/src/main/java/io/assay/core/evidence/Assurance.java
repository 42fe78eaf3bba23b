package io.assay.core.evidence;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * How strongly a declaration is bound to the asset and to who made it. Plain metadata can be written by anyone;
 * a signed C2PA claim names its signer, and a trusted one names a signer on a trust list.
 */
public enum Assurance {
    /** Not applicable (identities, detections, matches). */
    NONE,
    /** Unsigned metadata (XMP, EXIF, PNG text). */
    UNSIGNED,
    /** A signed claim that failed validation (tampered, bad signature, broken binding). */
    SIGNED_INVALID,
    /** A signed claim whose signature and bindings are valid, by a signer not on a trust list (or trust not checked). */
    SIGNED,
    /** A valid signed claim by a signer chaining to a configured trust anchor. */
    SIGNED_TRUSTED;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
