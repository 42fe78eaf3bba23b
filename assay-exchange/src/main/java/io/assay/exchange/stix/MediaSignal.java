package io.assay.exchange.stix;

import java.util.Locale;
import java.util.Objects;

/**
 * One media signal as Assay matches on it: an algorithm name (lower case: sha256, md5, pdq, vpdq, chromaprint, or
 * another perceptual algorithm) and its value as text (hex for the hashes), with an optional quality (0-100, e.g.
 * PDQ's). Plain strings so that assay-hash's types map onto it without a dependency.
 */
public record MediaSignal(String type, String value, Integer quality) {

    public static final String SHA256 = "sha256";
    public static final String MD5 = "md5";
    public static final String PDQ = "pdq";
    public static final String VPDQ = "vpdq";
    public static final String CHROMAPRINT = "chromaprint";

    public MediaSignal {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        type = type.toLowerCase(Locale.ROOT);
        if (isCryptographic(type)) {
            value = value.toLowerCase(Locale.ROOT);
            int length = SHA256.equals(type) ? 64 : 32;
            if (value.length() != length || !value.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                throw new IllegalArgumentException(type + " must be " + length + " hex digits");
            }
        }
        if (value.isEmpty() || value.length() > 65_536) {
            throw new IllegalArgumentException("signal value must be 1 to 65536 characters");
        }
        if (quality != null && (quality < 0 || quality > 100)) {
            throw new IllegalArgumentException("quality must be 0..100");
        }
    }

    public static MediaSignal of(String type, String value) {
        return new MediaSignal(type, value, null);
    }

    /** Whether STIX has a standard hash name for it (it then goes into the pattern's file:hashes only). */
    public static boolean isCryptographic(String type) {
        return SHA256.equals(type) || MD5.equals(type);
    }

    /** The STIX hash-algorithm-ov name (SHA-256, MD5) for cryptographic signals. */
    String stixHashName() {
        return SHA256.equals(type) ? "SHA-256" : "MD5";
    }
}
