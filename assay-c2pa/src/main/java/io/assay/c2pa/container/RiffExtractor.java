package io.assay.c2pa.container;

import io.assay.c2pa.C2paException;
import io.assay.core.media.MediaType;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * RIFF (WebP, WAV): the store is the data of a {@code C2PA} chunk. C2PA places it at the top level, but WAV writers
 * nest chunks in {@code LIST}s, so lists are walked too, to a bounded depth (deeper lists are skipped whole, which
 * defuses "RIFF bombs" of thousands of nested lists). XMP ({@code XMP } in WebP, {@code _PMX} in WAV) gives remote
 * references.
 */
public final class RiffExtractor implements ManifestExtractor {

    static final int MAX_LIST_DEPTH = 4;
    private static final int MAX_CHUNKS = 100_000;

    @Override
    public Set<MediaType> mediaTypes() {
        return Set.of(MediaType.WEBP, MediaType.WAV);
    }

    private static final class Walk {
        final ChannelReader in;
        final List<String> remote = new ArrayList<>();
        byte[] store;
        long storeAt;
        long storeChunkLength;
        int chunks;

        Walk(ChannelReader in) {
            this.in = in;
        }
    }

    @Override
    public Extraction extract(SeekableByteChannel channel) throws IOException, C2paException {
        ChannelReader in = new ChannelReader(channel);
        if (!in.has(0, 12) || !in.fourCc(0).equals("RIFF")) {
            return Extraction.none(List.of());
        }
        long end = Math.min(in.size(), 8 + in.u32le(4));
        Walk walk = new Walk(in);
        walkChunks(walk, 12, end, 0);
        return walk.store == null ? Extraction.none(walk.remote)
                : Extraction.found(walk.store, false, "RIFF C2PA chunk at offset " + walk.storeAt, walk.remote,
                List.of(new ByteRange(walk.storeAt, walk.storeChunkLength)));
    }

    private static void walkChunks(Walk w, long pos, long end, int depth) throws IOException, C2paException {
        while (pos + 8 <= end && w.store == null) {
            if (++w.chunks > MAX_CHUNKS) {
                return;
            }
            String id = w.in.fourCc(pos);
            long size = w.in.u32le(pos + 4);
            long data = pos + 8;
            if (data + size > end) {
                if (id.equals("C2PA")) {
                    throw new C2paException("RIFF: C2PA chunk at offset " + pos + " declares " + size
                            + " bytes, past the end of its parent");
                }
                return; // a chunk overrunning its parent ends the walk: nothing after it can be trusted
            }
            switch (id) {
                case "C2PA" -> {
                    w.store = w.in.bytes(data, StoreLimits.checkStoreSize(size, "RIFF C2PA chunk at offset " + pos));
                    w.storeAt = pos;
                    w.storeChunkLength = 8 + size; // header and data; the pad byte is not part of the chunk
                }
                case "XMP ", "_PMX" -> {
                    if (size <= StoreLimits.MAX_XMP_BYTES) {
                        w.remote.addAll(XmpProvenance.urls(w.in.bytes(data, (int) size)));
                    }
                }
                case "LIST" -> {
                    if (depth < MAX_LIST_DEPTH && size >= 4) {
                        walkChunks(w, data + 4, data + size, depth + 1);
                    }
                }
                default -> {
                }
            }
            pos = data + size + (size & 1); // chunks are padded to even length
        }
    }
}
