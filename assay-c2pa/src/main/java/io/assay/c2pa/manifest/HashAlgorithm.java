package io.assay.c2pa.manifest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;

/** The hash algorithms C2PA allows for hashed URIs and hard bindings, by their C2PA names. */
public enum HashAlgorithm {
    SHA256("sha256", "SHA-256"),
    SHA384("sha384", "SHA-384"),
    SHA512("sha512", "SHA-512");

    private final String c2paName;
    private final String jcaName;

    HashAlgorithm(String c2paName, String jcaName) {
        this.c2paName = c2paName;
        this.jcaName = jcaName;
    }

    public String c2paName() {
        return c2paName;
    }

    /** The algorithm for a C2PA name ({@code sha256}, {@code sha384}, {@code sha512}); empty for any other. */
    public static Optional<HashAlgorithm> of(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.toLowerCase(Locale.ROOT);
        for (HashAlgorithm a : values()) {
            if (a.c2paName.equals(n)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** A new digest; each call returns a fresh instance (digests are not thread-safe). */
    public MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(jcaName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(jcaName + " is missing from this Java runtime", e);
        }
    }
}
