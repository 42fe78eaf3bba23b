package io.assay.c2pa.validation;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What the credential checks trust. With {@code verifyTrust} off, signatures, certificate profiles and bindings are
 * still checked but no chain is required to reach an anchor (the reference's "trust checking off").
 *
 * @param verifyTrust          whether signer certificates must chain to {@code anchors} (or be on {@code allowedList})
 * @param verifyTimestampTrust whether time-stamp authorities must chain to {@code tsaAnchors}
 * @param anchors              trust anchors for signer certificates
 * @param allowedList          end-entity certificates trusted as they are
 * @param allowedEkus          extended key usage OIDs a signer certificate may carry to be trusted; empty means the
 *                             C2PA defaults
 * @param tsaAnchors           trust anchors for time-stamp authorities
 * @param now                  the validation time for signatures without a time-stamp (null: the clock)
 */
public record TrustSettings(
        boolean verifyTrust,
        boolean verifyTimestampTrust,
        List<X509Certificate> anchors,
        List<X509Certificate> allowedList,
        Set<String> allowedEkus,
        List<X509Certificate> tsaAnchors,
        Instant now) {

    public TrustSettings {
        anchors = List.copyOf(anchors);
        allowedList = List.copyOf(allowedList);
        allowedEkus = Set.copyOf(allowedEkus);
        tsaAnchors = List.copyOf(tsaAnchors);
    }

    /** Signatures and bindings checked, trust not checked. */
    public static TrustSettings noTrust() {
        return new TrustSettings(false, false, List.of(), List.of(), Set.of(), List.of(), null);
    }

    public Instant validationTime() {
        return now != null ? now : Instant.now();
    }
}
