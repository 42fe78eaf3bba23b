package io.assay.c2pa;

import io.assay.c2pa.manifest.ManifestStore;

import java.util.List;
import java.util.Optional;

/**
 * What an asset carries of C2PA.
 *
 * @param store              the embedded manifest store, when there is one
 * @param remoteManifestUrls remote manifest URLs the asset references (XMP {@code dcterms:provenance}); never fetched
 */
public record C2paContents(Optional<ManifestStore> store, List<String> remoteManifestUrls) {

    public static final C2paContents NONE = new C2paContents(Optional.empty(), List.of());

    public C2paContents {
        remoteManifestUrls = List.copyOf(remoteManifestUrls);
    }

    public boolean isEmpty() {
        return store.isEmpty() && remoteManifestUrls.isEmpty();
    }
}
