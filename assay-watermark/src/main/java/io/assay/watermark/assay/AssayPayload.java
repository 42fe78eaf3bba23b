package io.assay.watermark.assay;

import io.assay.core.evidence.DigitalSourceType;

import java.util.Optional;

/**
 * The 32 bits an Assay watermark carries: what the content is and who made it.
 *
 * @param sourceTypeCode the digital source type, as a {@link SourceTypeCode} (8 bits; 0 = not stated)
 * @param generatorId    the generator or issuer that applied the mark (24 bits: 0..16,777,215), from a registry the
 *                       deployment keeps; Assay does not assign them
 */
public record AssayPayload(int sourceTypeCode, int generatorId) {

    public static final int BITS = 32;
    public static final int MAX_GENERATOR_ID = (1 << 24) - 1;

    public AssayPayload {
        if (sourceTypeCode < 0 || sourceTypeCode > 255) {
            throw new IllegalArgumentException("source type code must be 0..255: " + sourceTypeCode);
        }
        if (generatorId < 0 || generatorId > MAX_GENERATOR_ID) {
            throw new IllegalArgumentException("generator id must be 0.." + MAX_GENERATOR_ID + ": " + generatorId);
        }
    }

    public static AssayPayload of(DigitalSourceType type, int generatorId) {
        return new AssayPayload(SourceTypeCode.code(type), generatorId);
    }

    public Optional<DigitalSourceType> sourceType() {
        return SourceTypeCode.type(sourceTypeCode);
    }

    /** The payload as one 32-bit word: source type code in the top byte, generator id below. */
    public long word() {
        return ((long) sourceTypeCode << 24) | generatorId;
    }

    public static AssayPayload ofWord(long word) {
        return new AssayPayload((int) (word >>> 24 & 0xFF), (int) (word & 0xFFFFFF));
    }

    public String hex() {
        return String.format("%08x", word());
    }
}
