package io.assay.c2pa.validation;

import io.assay.c2pa.remote.RemoteManifestFetcher;
import io.assay.c2pa.remote.RemoteManifestPolicy;
import io.assay.c2pa.validation.binding.HardBindingCheck;
import io.assay.c2pa.validation.credential.X509CredentialCheck;
import io.assay.c2pa.validation.ingredient.IngredientManifestCheck;

import java.util.Optional;

/** The complete C2PA validation: X.509 credentials, hard bindings and hashed URIs, ingredients. */
public final class Validators {

    private Validators() {
    }

    public static C2paValidator standard(TrustSettings trust) {
        return standard(trust, RemoteManifestPolicy.DISABLED);
    }

    /** As {@link #standard(TrustSettings)}; remote manifests are fetched when {@code remote} is enabled. */
    public static C2paValidator standard(TrustSettings trust, RemoteManifestPolicy remote) {
        return standard(trust, remote.enabled() ? Optional.of(new RemoteManifestFetcher(remote)) : Optional.empty());
    }

    /** As {@link #standard(TrustSettings)}, with the given remote manifest fetcher (e.g. one with its own TLS trust). */
    public static C2paValidator standard(TrustSettings trust, Optional<RemoteManifestFetcher> remote) {
        X509CredentialCheck credentials = new X509CredentialCheck();
        return new C2paValidator(trust, credentials, new HardBindingCheck(), new IngredientManifestCheck(credentials), remote);
    }
}
