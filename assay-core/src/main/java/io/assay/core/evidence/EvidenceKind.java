package io.assay.core.evidence;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** What kind of statement a piece of evidence makes; the label policy weighs each kind differently. */
public enum EvidenceKind {
    /** A cryptographic identity of the exact bytes (SHA-256). Says nothing about origin. */
    IDENTITY,
    /** The asset declares its own origin: a digital source type in C2PA or IPTC metadata, an AI tool's trace. */
    DECLARATION,
    /** A fact about the asset that implies no label by itself (a manifest is present, the editing software). */
    OBSERVATION,
    /** A classifier's estimate that the content is synthetic. */
    DETECTION,
    /** The asset matches media in a bank of debunked deceptive media. */
    MATCH,
    /**
     * A person decided the label of these exact bytes (a reviewer, from the review queue); it stands over every
     * automated signal. Details: {@code label}, {@code decidedBy}, {@code decidedAt}, {@code note}.
     */
    DECISION;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
