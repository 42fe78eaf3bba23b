package io.assay.exchange.stix;

/**
 * Why media is flagged: a short label (e.g. "deepfake", "ai-generated"), a human reason, the debunk URL if any, and
 * the election and candidate concerned if known. Nulls are allowed except for the label.
 */
public record DeepfakeFlag(String label, String reason, String debunkUrl, String election, String candidate) {

    public DeepfakeFlag {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("a flag needs a label");
        }
    }
}
