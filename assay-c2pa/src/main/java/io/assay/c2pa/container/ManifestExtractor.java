package io.assay.c2pa.container;

import io.assay.c2pa.C2paException;
import io.assay.core.media.MediaType;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.util.Set;

/**
 * Finds the C2PA manifest store that one container format embeds. Implementations walk the container's own
 * structure through the channel and copy out only the store (bounded by {@link StoreLimits}); they are stateless and
 * thread-safe.
 */
public interface ManifestExtractor {

    /** The media types whose containers this extractor walks. */
    Set<MediaType> mediaTypes();

    /**
     * Extracts the manifest store and remote references.
     *
     * @throws C2paException when the container's C2PA framing is broken (a truncated or out-of-order segment, a
     *                       store over the size limit)
     * @throws IOException   when the channel cannot be read
     */
    Extraction extract(SeekableByteChannel channel) throws IOException, C2paException;
}
