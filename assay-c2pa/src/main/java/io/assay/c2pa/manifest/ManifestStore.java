package io.assay.c2pa.manifest;

import io.assay.c2pa.jumbf.JumbfBox;

import java.util.List;
import java.util.Optional;

/**
 * A C2PA manifest store: the manifests of an asset's provenance chain in stored order. The active manifest, the one
 * describing the asset itself, is the last.
 *
 * @param manifests the manifests, in stored order (never empty)
 * @param box       the store's JUMBF superbox as stored
 * @param location  where in the container the store was found
 */
public record ManifestStore(List<Manifest> manifests, JumbfBox.SuperBox box, String location) {

    public ManifestStore {
        manifests = List.copyOf(manifests);
        if (manifests.isEmpty()) {
            throw new IllegalArgumentException("a manifest store holds at least one manifest");
        }
    }

    public Manifest activeManifest() {
        return manifests.getLast();
    }

    public Optional<Manifest> manifest(String label) {
        return manifests.stream().filter(m -> m.label().equals(label)).findFirst();
    }
}
