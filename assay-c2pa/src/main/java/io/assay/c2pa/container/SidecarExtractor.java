package io.assay.c2pa.container;

import io.assay.c2pa.C2paException;
import io.assay.core.media.MediaType;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.List;
import java.util.Set;

/** A {@code .c2pa} sidecar: the whole file is the JUMBF manifest store. */
public final class SidecarExtractor implements ManifestExtractor {

    @Override
    public Set<MediaType> mediaTypes() {
        return Set.of(MediaType.C2PA);
    }

    @Override
    public Extraction extract(SeekableByteChannel channel) throws IOException, C2paException {
        int size = StoreLimits.checkStoreSize(channel.size(), "C2PA sidecar");
        ByteBuffer buf = ByteBuffer.allocate(size);
        channel.position(0);
        while (buf.hasRemaining() && channel.read(buf) > 0) {
            // fill
        }
        return Extraction.found(buf.array(), true, "C2PA sidecar", List.of());
    }
}
