package io.assay.c2pa;

import io.assay.c2pa.container.Extraction;
import io.assay.c2pa.container.Extractors;
import io.assay.c2pa.container.ManifestExtractor;
import io.assay.c2pa.manifest.ManifestStore;
import io.assay.c2pa.manifest.ManifestStoreParser;
import io.assay.core.media.MediaAsset;
import io.assay.core.media.MediaType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SeekableByteChannel;
import java.util.Optional;

/**
 * Reads the C2PA manifest store of an asset: finds it in the container, parses the JUMBF and the C2PA layout.
 * Reading only: signatures, certificate trust and hash bindings are not validated. Stateless and thread-safe.
 *
 * <pre>{@code
 * Optional<ManifestStore> store = C2paReader.read(asset);
 * store.ifPresent(s -> System.out.println(s.activeManifest().claim().generator()));
 * }</pre>
 */
public final class C2paReader {

    private C2paReader() {
    }

    /** Whether C2PA can be read from assets of this type. */
    public static boolean supports(MediaType type) {
        return Extractors.forType(type).isPresent();
    }

    /**
     * The asset's embedded manifest store; empty when it has none (or its type cannot carry one).
     *
     * @throws C2paException when a store is present but malformed
     */
    public static Optional<ManifestStore> read(MediaAsset asset) throws C2paException {
        return inspect(asset).store();
    }

    /** The embedded store and any remote manifest references. */
    public static C2paContents inspect(MediaAsset asset) throws C2paException {
        Optional<ManifestExtractor> extractor = Extractors.forType(asset.mediaType());
        if (extractor.isEmpty()) {
            return C2paContents.NONE;
        }
        Extraction extraction;
        try (SeekableByteChannel channel = asset.openChannel()) {
            extraction = extractor.get().extract(channel);
        } catch (IOException e) {
            // a structure that points past the end of the file surfaces here as an EOFException
            if (e instanceof java.io.EOFException) {
                throw new C2paException(asset.mediaType().mime() + " container: " + e.getMessage(), e);
            }
            throw new UncheckedIOException("cannot read " + asset.name(), e);
        }
        if (extraction.store().isEmpty()) {
            return new C2paContents(Optional.empty(), extraction.remoteUrls());
        }
        ManifestStore store = ManifestStoreParser.parse(extraction.store().get(), extraction.framed(),
                extraction.location());
        return new C2paContents(Optional.of(store), extraction.remoteUrls(), extraction.storeRanges());
    }
}
