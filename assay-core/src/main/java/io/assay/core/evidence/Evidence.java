package io.assay.core.evidence;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One finding of one analyzer.
 *
 * @param source            the analyzer that found it (e.g. {@code metadata}, {@code c2pa})
 * @param kind              what kind of statement it is
 * @param finding           one human-readable line, citing where in the file the finding comes from
 * @param confidence        0..1: how sure the analyzer is of the finding itself (not of the label)
 * @param digitalSourceType the IPTC digital source type IRI the finding implies, or null
 * @param assurance         how strongly a declaration is bound to the asset
 * @param details           machine-readable particulars (field names, values, offsets)
 */
public record Evidence(
        String source,
        EvidenceKind kind,
        String finding,
        double confidence,
        String digitalSourceType,
        Assurance assurance,
        Map<String, Object> details) {

    public Evidence {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(finding, "finding");
        if (confidence < 0 || confidence > 1 || Double.isNaN(confidence)) {
            throw new IllegalArgumentException("confidence must be within 0..1: " + confidence);
        }
        assurance = assurance == null ? Assurance.NONE : assurance;
        details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /** The parsed digital source type, when the IRI is one of the IPTC vocabulary. */
    public java.util.Optional<DigitalSourceType> sourceType() {
        return DigitalSourceType.parse(digitalSourceType);
    }

    public static Evidence observation(String source, String finding, Map<String, Object> details) {
        return new Evidence(source, EvidenceKind.OBSERVATION, finding, 1.0, null, Assurance.NONE, details);
    }

    /** A reviewer's decision about these exact bytes: the label that stands, who decided, when, why. */
    public static Evidence decision(String source, String label, String decidedBy, java.time.Instant decidedAt,
                                   String note) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("label", label);
        d.put("decidedBy", decidedBy);
        d.put("decidedAt", decidedAt == null ? null : decidedAt.toString());
        d.put("note", note);
        return new Evidence(source, EvidenceKind.DECISION, "reviewer decision: " + label + " (by " + decidedBy
                + (decidedAt == null ? "" : " at " + decidedAt) + (note == null || note.isBlank() ? "" : ": " + note) + ")",
                1.0, null, Assurance.NONE, d);
    }

    public static Evidence declaration(String source, String finding, double confidence, DigitalSourceType type,
                                       Assurance assurance, Map<String, Object> details) {
        return new Evidence(source, EvidenceKind.DECLARATION, finding, confidence, type.iri(), assurance, details);
    }
}
