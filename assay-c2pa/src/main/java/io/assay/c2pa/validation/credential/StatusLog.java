package io.assay.c2pa.validation.credential;

import io.assay.c2pa.validation.ValidationLog;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A scratch list of status codes that a sub-check produces, kept apart from the manifest's {@link ValidationLog} until
 * the caller decides to keep it (the reference discards, for example, the log of a time-stamp signer that it did not
 * end up using). Which list a code lands in (success, informational, failure) depends on the code alone, as in the
 * reference.
 */
final class StatusLog {

    record Entry(String code, String explanation) {
    }

    /** Codes the reference files under success. */
    private static final Set<String> SUCCESS = Set.of(
            "claimSignature.validated", "claimSignature.insideValidity", "signingCredential.trusted",
            "signingCredential.ocsp.notRevoked", "timeStamp.trusted", "timeStamp.validated",
            "cawg.x509.credential.trusted", "cawg.x509.signature.validated", "cawg.identity.well-formed");

    /** Codes the reference files under informational; every other code is a failure. */
    private static final Set<String> INFORMATIONAL = Set.of(
            "signingCredential.ocsp.skipped", "signingCredential.ocsp.inaccessible",
            "signingCredential.ocsp.unknown", "timeStamp.untrusted", "timeStamp.outsideValidity",
            "timeStamp.mismatch", "timeStamp.malformed", "algorithm.deprecated",
            "cawg.ica.untrustedIssuer", CawgIdentity.ICA_NOT_VALIDATED);

    private final List<Entry> entries = new ArrayList<>();

    void add(String code, String explanation) {
        entries.add(new Entry(code, explanation));
    }

    void addAll(StatusLog other) {
        entries.addAll(other.entries);
    }

    boolean has(String code) {
        return entries.stream().anyMatch(e -> e.code().equals(code));
    }

    List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** Copies every entry into {@code log}, with {@code url}, in the list its code belongs to. */
    void flushTo(ValidationLog log, String url) {
        for (Entry e : entries) {
            switch (kindOf(e.code())) {
                case 0 -> log.success(e.code(), url, e.explanation());
                case 1 -> log.informational(e.code(), url, e.explanation());
                default -> log.failure(e.code(), url, e.explanation());
            }
        }
    }

    /** 0 success, 1 informational, 2 failure. */
    static int kindOf(String code) {
        if (SUCCESS.contains(code)) {
            return 0;
        }
        return INFORMATIONAL.contains(code) ? 1 : 2;
    }
}
