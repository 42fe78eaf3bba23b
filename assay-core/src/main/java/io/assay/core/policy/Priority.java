package io.assay.core.policy;

import com.fasterxml.jackson.annotation.JsonValue;

/** How urgently a review is wanted. */
public enum Priority {
    NORMAL("normal"),
    HIGH("high");

    private final String id;

    Priority(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    /** Parses the identifier used in policy files and JSON (e.g. {@code normal}). */
    public static Priority of(String id) {
        for (Priority v : values()) {
            if (v.id.equals(id)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown priority '" + id + "'");
    }
}
