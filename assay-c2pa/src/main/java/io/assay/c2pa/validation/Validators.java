package io.assay.c2pa.validation;

import io.assay.c2pa.validation.binding.HardBindingCheck;
import io.assay.c2pa.validation.credential.X509CredentialCheck;
import io.assay.c2pa.validation.ingredient.IngredientManifestCheck;

/** The complete C2PA validation: X.509 credentials, hard bindings and hashed URIs, ingredients. */
public final class Validators {

    private Validators() {
    }

    public static C2paValidator standard(TrustSettings trust) {
        X509CredentialCheck credentials = new X509CredentialCheck();
        return new C2paValidator(trust, credentials, new HardBindingCheck(), new IngredientManifestCheck(credentials));
    }
}
