package io.assay.exchange.stix;

/**
 * The debunk context, shaped like schema.org ClaimReview: who reviewed (author), when, where the review is (url),
 * the verdict (rating, e.g. "False", "Altered") and the claim reviewed.
 */
public record ClaimReview(String author, Timestamp datePublished, String url, String rating, String claimReviewed) {
}
