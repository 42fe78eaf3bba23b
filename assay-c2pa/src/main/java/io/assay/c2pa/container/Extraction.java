package io.assay.c2pa.container;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a container holds of C2PA: the embedded manifest store's bytes (when there is one) and the remote manifest
 * URLs it points to (XMP {@code dcterms:provenance}; reported, never fetched).
 *
 * @param store        the JUMBF manifest store, exactly as embedded
 * @param framed       true when the container's framing alone delimits the store (JPEG APP11 segments, a sidecar),
 *                     so that framing wins over a disagreeing outer JUMBF length
 * @param location     where in the container the store was found, for messages (e.g. "JPEG APP11 box instance 2")
 * @param remoteUrls   http(s) URLs of remote manifests referenced by the container
 * @param storeRanges  where the store sits in the file, container framing included (e.g. the whole JPEG APP11
 *                     segments, the whole PNG caBX chunk): the region a data hash must exclude; empty when the
 *                     extractor does not record it
 */
public record Extraction(Optional<byte[]> store, boolean framed, String location, List<String> remoteUrls,
                         List<ByteRange> storeRanges) {

    public Extraction {
        Objects.requireNonNull(store, "store");
        location = location == null ? "" : location;
        remoteUrls = List.copyOf(remoteUrls);
        storeRanges = List.copyOf(storeRanges);
    }

    public Extraction(Optional<byte[]> store, boolean framed, String location, List<String> remoteUrls) {
        this(store, framed, location, remoteUrls, List.of());
    }

    public static Extraction found(byte[] store, boolean framed, String location, List<String> remoteUrls,
                                   List<ByteRange> storeRanges) {
        return new Extraction(Optional.of(store), framed, location, remoteUrls, storeRanges);
    }

    public static Extraction none(List<String> remoteUrls) {
        return new Extraction(Optional.empty(), false, "", remoteUrls);
    }

    public static Extraction found(byte[] store, boolean framed, String location, List<String> remoteUrls) {
        return new Extraction(Optional.of(store), framed, location, remoteUrls);
    }
}
