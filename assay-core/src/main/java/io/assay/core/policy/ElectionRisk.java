package io.assay.core.policy;

import com.fasterxml.jackson.annotation.JsonValue;

/** Whether the request's context touches a watched election. */
public enum ElectionRisk {
    NORMAL("normal"),
    HIGH("high");

    private final String id;

    ElectionRisk(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    /** Parses the identifier used in policy files and JSON (e.g. {@code normal}). */
    public static ElectionRisk of(String id) {
        for (ElectionRisk v : values()) {
            if (v.id.equals(id)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown electionrisk '" + id + "'");
    }
}
