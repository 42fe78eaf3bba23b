package io.assay.watermark.assay;

import io.assay.core.evidence.DigitalSourceType;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The small integers that stand for IPTC digital source types in an Assay watermark payload. The numbers are part of
 * the mark's format: never renumber, only append. 0 means "not stated".
 */
public final class SourceTypeCode {

    private static final Map<DigitalSourceType, Integer> CODES = new EnumMap<>(DigitalSourceType.class);
    private static final DigitalSourceType[] BY_CODE = new DigitalSourceType[256];

    static {
        put(1, DigitalSourceType.TRAINED_ALGORITHMIC_MEDIA);
        put(2, DigitalSourceType.COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA);
        put(3, DigitalSourceType.ALGORITHMIC_MEDIA);
        put(4, DigitalSourceType.COMPOSITE_SYNTHETIC);
        put(5, DigitalSourceType.ALGORITHMICALLY_ENHANCED);
        put(6, DigitalSourceType.DATA_DRIVEN_MEDIA);
        put(7, DigitalSourceType.DIGITAL_ART);
        put(8, DigitalSourceType.VIRTUAL_RECORDING);
        put(9, DigitalSourceType.DIGITAL_CAPTURE);
        put(10, DigitalSourceType.COMPUTATIONAL_CAPTURE);
        put(11, DigitalSourceType.COMPOSITE_CAPTURE);
        put(12, DigitalSourceType.COMPOSITE);
        put(13, DigitalSourceType.HUMAN_EDITS);
        put(14, DigitalSourceType.MINOR_HUMAN_EDITS);
        put(15, DigitalSourceType.SCREEN_CAPTURE);
        put(16, DigitalSourceType.NEGATIVE_FILM);
        put(17, DigitalSourceType.POSITIVE_FILM);
        put(18, DigitalSourceType.PRINT);
        put(19, DigitalSourceType.DIGITAL_CREATION);
        put(20, DigitalSourceType.SOFTWARE_IMAGE);
    }

    private SourceTypeCode() {
    }

    private static void put(int code, DigitalSourceType t) {
        CODES.put(t, code);
        BY_CODE[code] = t;
    }

    public static int code(DigitalSourceType type) {
        Integer c = CODES.get(type);
        if (c == null) {
            throw new IllegalArgumentException("no payload code for " + type);
        }
        return c;
    }

    /** The type a code stands for; empty for 0 and for codes not (yet) assigned. */
    public static Optional<DigitalSourceType> type(int code) {
        return code > 0 && code < BY_CODE.length ? Optional.ofNullable(BY_CODE[code]) : Optional.empty();
    }
}
