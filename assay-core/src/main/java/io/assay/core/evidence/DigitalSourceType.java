package io.assay.core.evidence;

import java.util.Locale;
import java.util.Optional;

/**
 * The IPTC NewsCodes "digital source type" vocabulary, which C2PA actions and IPTC/XMP metadata both use to say how
 * a piece of media came to be. Each term is identified by its IRI under {@link #NAMESPACE}.
 */
public enum DigitalSourceType {
    DIGITAL_CAPTURE("digitalCapture"),
    COMPUTATIONAL_CAPTURE("computationalCapture"),
    NEGATIVE_FILM("negativeFilm"),
    POSITIVE_FILM("positiveFilm"),
    PRINT("print"),
    HUMAN_EDITS("humanEdits"),
    MINOR_HUMAN_EDITS("minorHumanEdits"),
    COMPOSITE_CAPTURE("compositeCapture"),
    ALGORITHMICALLY_ENHANCED("algorithmicallyEnhanced"),
    DATA_DRIVEN_MEDIA("dataDrivenMedia"),
    DIGITAL_ART("digitalArt"),
    VIRTUAL_RECORDING("virtualRecording"),
    COMPOSITE_SYNTHETIC("compositeSynthetic"),
    TRAINED_ALGORITHMIC_MEDIA("trainedAlgorithmicMedia"),
    ALGORITHMIC_MEDIA("algorithmicMedia"),
    SCREEN_CAPTURE("screenCapture"),
    COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA("compositeWithTrainedAlgorithmicMedia"),
    COMPOSITE("composite"),
    /** Retired IPTC terms, still found in older files. */
    DIGITAL_CREATION("digitalCreation"),
    SOFTWARE_IMAGE("softwareImage");

    public static final String NAMESPACE = "http://cv.iptc.org/newscodes/digitalsourcetype/";

    private final String code;

    DigitalSourceType(String code) {
        this.code = code;
    }

    /** The term's code, e.g. {@code trainedAlgorithmicMedia}. */
    public String code() {
        return code;
    }

    public String iri() {
        return NAMESPACE + code;
    }

    /**
     * Parses an IRI ({@code http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia}, also with
     * https), or a bare code as some writers store it.
     */
    public static Optional<DigitalSourceType> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim();
        String lower = v.toLowerCase(Locale.ROOT);
        int slash = v.lastIndexOf('/');
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            if (!lower.replace("https://", "http://").startsWith(NAMESPACE)) {
                return Optional.empty();
            }
            v = v.substring(slash + 1);
        }
        for (DigitalSourceType t : values()) {
            if (t.code.equalsIgnoreCase(v)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
