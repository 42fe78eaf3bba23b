package io.assay.metadata;

import io.assay.core.evidence.Assurance;
import io.assay.core.evidence.DigitalSourceType;
import io.assay.core.evidence.Evidence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The evidence gathered from one asset. One instance per scan (never shared), so that the analyzer itself keeps no
 * mutable state. The same statement found twice (XMP in two places, one tool in XMP and EXIF) is reported once.
 */
final class Findings {

    static final double XMP_SOURCE_TYPE_CONFIDENCE = 0.9;
    static final double AI_TOOL_CONFIDENCE = 0.8;
    static final double GENERATOR_TRACE_CONFIDENCE = 0.95;

    private final String source;
    private final Map<String, Evidence> byFinding = new LinkedHashMap<>();

    Findings(String source) {
        this.source = source;
    }

    void observation(String finding, Map<String, Object> details) {
        add(Evidence.observation(source, finding, details));
    }

    void declaration(String finding, double confidence, DigitalSourceType type, Map<String, Object> details) {
        add(Evidence.declaration(source, finding, confidence, type, Assurance.UNSIGNED, details));
    }

    private void add(Evidence e) {
        byFinding.putIfAbsent(e.finding(), e);
    }

    boolean isEmpty() {
        return byFinding.isEmpty();
    }

    List<Evidence> evidence() {
        return List.copyOf(new ArrayList<>(byFinding.values()));
    }

    /** Details in insertion order; skips null values so that callers can pass optional fields. */
    static Map<String, Object> details(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                m.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return m;
    }
}
