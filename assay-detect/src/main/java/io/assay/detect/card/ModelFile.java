package io.assay.detect.card;

import java.io.IOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Reads a card's model file and checks it is the file the card describes. The bytes checked are the bytes loaded,
 * so a file swapped between check and load cannot slip through.
 */
public final class ModelFile {

    /**
     * Larger files are refused: the detectors here are classifiers, not foundation models, and the bytes are held in
     * one array while hashed and handed to ONNX Runtime.
     */
    public static final long MAX_BYTES = 1L << 30;

    private ModelFile() {
    }

    /** The model's bytes, once their SHA-256 matches the card's. */
    public static byte[] readVerified(ModelCard card) throws ModelCardException {
        byte[] bytes;
        try {
            long size = Files.size(card.model());
            if (size > MAX_BYTES) {
                throw new ModelCardException("model card " + card.file() + ": model file " + card.model() + " is "
                        + size + " bytes, over the limit of " + MAX_BYTES);
            }
            bytes = Files.readAllBytes(card.model());
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ModelCardException("model card " + card.file() + ": model file " + card.model() + " does not exist");
        } catch (IOException e) {
            throw new ModelCardException("model card " + card.file() + ": cannot read model file " + card.model()
                    + ": " + e.getMessage(), e);
        }
        String actual = sha256(bytes);
        if (!actual.equals(card.sha256())) {
            throw new ModelCardException("model card " + card.file() + ": model file " + card.model()
                    + " has SHA-256 " + actual + " but the card expects " + card.sha256()
                    + " (wrong or altered model file; refusing to load it)");
        }
        return bytes;
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
