package io.assay.core.policy;

import com.fasterxml.jackson.annotation.JsonValue;

/** What Assay recommends the platform do. */
public enum Action {
    NONE("none"),
    LABEL("label"),
    LABEL_PROMINENT("label-prominent"),
    REVIEW("review");

    private final String id;

    Action(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    /** Parses the identifier used in policy files and JSON (e.g. {@code none}). */
    public static Action of(String id) {
        for (Action v : values()) {
            if (v.id.equals(id)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown action '" + id + "'");
    }
}
