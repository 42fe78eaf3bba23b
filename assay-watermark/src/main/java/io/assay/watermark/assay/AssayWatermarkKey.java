package io.assay.watermark.assay;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The secret that shapes an Assay watermark: which chips of the tile carry the sync pattern and which carry each
 * coded bit, and their signs. Only a detector with the same key sees the mark; one without it sees noise. A key is
 * made from a passphrase (SHA-256 of its UTF-8 bytes, first 8 bytes as the seed).
 *
 * @param seed the 64-bit seed the layout is drawn from
 */
public record AssayWatermarkKey(long seed) {

    /**
     * The key used when none is configured. It is public, so anyone can read, forge or strip marks made with it;
     * deployments that rely on the mark set their own.
     */
    public static final AssayWatermarkKey DEFAULT = fromPassphrase("assay-watermark-default-key-v1");

    public static AssayWatermarkKey fromPassphrase(String passphrase) {
        if (passphrase == null || passphrase.isEmpty()) {
            throw new IllegalArgumentException("empty watermark passphrase");
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(passphrase.getBytes(StandardCharsets.UTF_8));
            long seed = 0;
            for (int i = 0; i < 8; i++) {
                seed = seed << 8 | (d[i] & 0xFF);
            }
            return new AssayWatermarkKey(seed);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "AssayWatermarkKey[...]"; // never print the seed
    }
}
