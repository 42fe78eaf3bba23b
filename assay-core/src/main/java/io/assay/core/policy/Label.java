package io.assay.core.policy;

import com.fasterxml.jackson.annotation.JsonValue;

/** The label a verdict gives an asset. */
public enum Label {
    NONE("none"),
    AI_EDITED("ai-edited"),
    AI_GENERATED("ai-generated"),
    LIKELY_AI("likely-ai"),
    KNOWN_DEEPFAKE("known-deepfake");

    private final String id;

    Label(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    /** Parses the identifier used in policy files and JSON (e.g. {@code none}). */
    public static Label of(String id) {
        for (Label v : values()) {
            if (v.id.equals(id)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown label '" + id + "'");
    }
}
