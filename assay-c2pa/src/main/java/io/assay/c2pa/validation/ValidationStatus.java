package io.assay.c2pa.validation;

/**
 * One validation status, with a code from the C2PA specification's "Validation" section (for example
 * {@code claimSignature.validated}, {@code assertion.dataHash.mismatch}).
 *
 * @param code        the specification's status code
 * @param url         the JUMBF URI of what was checked (an assertion, the claim signature), or null
 * @param explanation a human-readable sentence
 * @param kind        success, informational or failure
 */
public record ValidationStatus(String code, String url, String explanation, StatusKind kind) {
}
