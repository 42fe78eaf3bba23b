package io.assay.c2pa.validation.credential;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;

/**
 * What the X.509 credentials of CAWG identity assertions ({@code cawg.x509.cose}) are trusted against. This is kept
 * apart from the C2PA claim-signer trust ({@link io.assay.c2pa.validation.TrustSettings}) on purpose: the CAWG identity
 * assertion specification (1.x, "X.509 certificates and COSE signatures", trust model) names its own trust anchors
 * (S/MIME-capable roots, news-publisher lists), not the C2PA trust list, and the reference implementation (c2pa-rs
 * 0.91.3, {@code cawg_trust} settings) likewise keeps a separate CAWG configuration that is <em>empty by default</em>
 * while trust verification is on. With {@link #unconfigured()}, therefore, every CAWG X.509 credential is reported
 * {@code cawg.x509.credential.untrusted}, whatever the C2PA trust mode, exactly as the reference does.
 *
 * @param verifyTrust whether the identity credential's certificate profile and trust are checked at all (the
 *                    reference's {@code cawg_trust.verify_trust_list}; the CAWG specification requires it, so turning
 *                    it off is for development only)
 * @param anchors     trust anchors for CAWG identity certificates
 * @param allowedList end-entity certificates trusted as they are
 * @param allowedEkus extended key usage OIDs a CAWG identity certificate may carry to be trusted; empty means the
 *                    C2PA defaults (as the reference)
 */
public record CawgTrust(boolean verifyTrust, List<X509Certificate> anchors, List<X509Certificate> allowedList,
                        Set<String> allowedEkus) {

    public CawgTrust {
        anchors = List.copyOf(anchors);
        allowedList = List.copyOf(allowedList);
        allowedEkus = Set.copyOf(allowedEkus);
    }

    /** The default: trust is verified, but nothing is configured, so no CAWG X.509 credential is trusted. */
    public static CawgTrust unconfigured() {
        return new CawgTrust(true, List.of(), List.of(), Set.of());
    }

    /** Trust against these anchors and allowed end-entity certificates, with the default EKUs. */
    public static CawgTrust of(List<X509Certificate> anchors, List<X509Certificate> allowedList) {
        return new CawgTrust(true, anchors, allowedList, Set.of());
    }
}
