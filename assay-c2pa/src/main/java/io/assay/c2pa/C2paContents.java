package io.assay.c2pa;

import io.assay.c2pa.container.ByteRange;
import io.assay.c2pa.manifest.ManifestStore;

import java.util.List;
import java.util.Optional;

/**
 * What an asset carries of C2PA.
 *
 * @param store              the embedded manifest store, when there is one
 * @param remoteManifestUrls remote manifest URLs the asset references (XMP {@code dcterms:provenance}); never fetched
 * @param storeRanges        where the embedded store sits in the asset's bytes, container framing included (empty
 *                           when unknown); a data hash's exclusions must cover it
 */
public record C2paContents(Optional<ManifestStore> store, List<String> remoteManifestUrls,
                           List<ByteRange> storeRanges) {

    public static final C2paContents NONE = new C2paContents(Optional.empty(), List.of());

    public C2paContents {
        remoteManifestUrls = List.copyOf(remoteManifestUrls);
        storeRanges = List.copyOf(storeRanges);
    }

    public C2paContents(Optional<ManifestStore> store, List<String> remoteManifestUrls) {
        this(store, remoteManifestUrls, List.of());
    }

    /** The whole span of the store in the asset (first byte to last), when known. */
    public Optional<ByteRange> storeSpan() {
        if (storeRanges.isEmpty()) {
            return Optional.empty();
        }
        long start = storeRanges.stream().mapToLong(ByteRange::offset).min().orElseThrow();
        long end = storeRanges.stream().mapToLong(ByteRange::end).max().orElseThrow();
        return Optional.of(new ByteRange(start, end - start));
    }

    public boolean isEmpty() {
        return store.isEmpty() && remoteManifestUrls.isEmpty();
    }
}
