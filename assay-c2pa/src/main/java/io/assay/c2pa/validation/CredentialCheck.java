package io.assay.c2pa.validation;

import io.assay.c2pa.manifest.Manifest;

/**
 * Checks a manifest's claim signature and who made it: the COSE_Sign1 signature over the claim, the signer
 * certificate's profile and validity, its chain to the trust anchors, time-stamps and stapled revocation data.
 */
public interface CredentialCheck {

    void check(Manifest manifest, TrustSettings trust, ValidationLog log);
}
