package io.assay.c2pa.validation;

import io.assay.c2pa.C2paContents;
import io.assay.c2pa.C2paException;
import io.assay.c2pa.C2paReader;
import io.assay.c2pa.manifest.Manifest;
import io.assay.c2pa.manifest.ManifestStore;
import io.assay.c2pa.manifest.ManifestStoreParser;
import io.assay.c2pa.remote.RemoteManifestFetcher;
import io.assay.core.media.MediaAsset;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Validates an asset's Content Credentials: reads the manifest store, then runs the credential, binding and
 * ingredient checks on the active manifest and decides the overall state. Thread-safe when its checks are.
 */
public final class C2paValidator {

    /** Failures that only say "not trusted": they keep a manifest from being Trusted, not from being Valid. */
    static final Set<String> TRUST_ONLY = Set.of("signingCredential.untrusted", "cawg.x509.credential.untrusted");

    private final TrustSettings trust;
    private final CredentialCheck credentials;
    private final BindingCheck bindings;
    private final IngredientCheck ingredients;
    private final Optional<RemoteManifestFetcher> remote;

    public C2paValidator(TrustSettings trust, CredentialCheck credentials, BindingCheck bindings, IngredientCheck ingredients) {
        this(trust, credentials, bindings, ingredients, Optional.empty());
    }

    /**
     * @param remote fetches the remote manifest of an asset without an embedded one, when present and its policy is
     *               enabled; empty = remote manifests are never fetched
     */
    public C2paValidator(TrustSettings trust, CredentialCheck credentials, BindingCheck bindings, IngredientCheck ingredients,
                         Optional<RemoteManifestFetcher> remote) {
        this.trust = trust;
        this.credentials = credentials;
        this.bindings = bindings;
        this.ingredients = ingredients;
        this.remote = remote.filter(r -> r.policy().enabled());
    }

    /** Whether this validator fetches remote manifests. */
    public boolean fetchesRemoteManifests() {
        return remote.isPresent();
    }

    /**
     * The report, or empty when the asset has no embedded manifest store (and no remote one was fetched: see
     * {@link #fetchesRemoteManifests()}).
     *
     * @throws C2paException when a store is malformed, or a remote manifest is refused or cannot be fetched
     *                       ({@link io.assay.c2pa.remote.RemoteManifestException})
     */
    public Optional<ValidationReport> validate(MediaAsset asset) throws C2paException {
        return validate(withRemoteStore(C2paReader.inspect(asset)), asset);
    }

    /**
     * The contents as they are, or, when they hold no embedded store but a remote manifest URL and this validator
     * fetches remote manifests, with the store fetched from the first URL (it has no byte ranges in the asset).
     */
    public C2paContents withRemoteStore(C2paContents contents) throws C2paException {
        if (contents.store().isPresent() || contents.remoteManifestUrls().isEmpty() || remote.isEmpty()) {
            return contents;
        }
        String url = contents.remoteManifestUrls().getFirst();
        byte[] bytes = remote.get().fetch(url);
        ManifestStore store = ManifestStoreParser.parse(bytes, true, "remote manifest " + url);
        return new C2paContents(Optional.of(store), contents.remoteManifestUrls(), List.of());
    }

    /** Validates what {@link C2paReader#inspect} already read from the asset. */
    public Optional<ValidationReport> validate(C2paContents contents, MediaAsset asset) {
        if (contents.store().isEmpty()) {
            return Optional.empty();
        }
        Manifest active = contents.store().get().activeManifest();
        ValidationLog log = new ValidationLog();
        credentials.check(active, trust, log);
        bindings.check(contents, active, asset, log);
        List<IngredientDelta> deltas = ingredients.check(contents, active, trust, log);
        return Optional.of(new ValidationReport(contents.store().get(), log.statuses(), deltas, state(log.statuses(), deltas)));
    }

    static ValidationState state(List<ValidationStatus> active, List<IngredientDelta> deltas) {
        boolean invalid = active.stream().anyMatch(s -> s.kind() == StatusKind.FAILURE && !TRUST_ONLY.contains(s.code()))
                || deltas.stream().flatMap(d -> d.failures().stream()).anyMatch(s -> !TRUST_ONLY.contains(s.code()));
        if (invalid) {
            return ValidationState.Invalid;
        }
        boolean anyFailure = active.stream().anyMatch(s -> s.kind() == StatusKind.FAILURE)
                || deltas.stream().anyMatch(d -> !d.failures().isEmpty());
        boolean trusted = active.stream().anyMatch(s -> s.kind() == StatusKind.SUCCESS && s.code().equals("signingCredential.trusted"));
        return !anyFailure && trusted ? ValidationState.Trusted : ValidationState.Valid;
    }
}
