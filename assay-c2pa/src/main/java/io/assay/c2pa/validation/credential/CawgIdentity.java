package io.assay.c2pa.validation.credential;

import io.assay.c2pa.manifest.Manifest;
import io.assay.c2pa.validation.TrustSettings;
import io.assay.c2pa.validation.ValidationLog;

/** CAWG identity assertions ({@code cawg.identity}): not validated yet. */
final class CawgIdentity {

    private CawgIdentity() {
    }

    static boolean isIdentityLabel(String label) {
        return label.equals("cawg.identity") || label.startsWith("cawg.identity__");
    }

    static void check(Manifest manifest, TrustSettings trust, ValidationLog log) {
        // not implemented yet
    }
}
