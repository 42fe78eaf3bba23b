package io.assay.c2pa.container;

import io.assay.c2pa.C2paException;
import io.assay.core.media.MediaType;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * MP3: the store is the object of an ID3v2 {@code GEOB} frame whose MIME type is
 * {@value #C2PA_MIME} (or {@value #C2PA_MIME_CURRENT}, which current writers use). Frames are walked in the leading ID3v2.3/2.4 tag only; compressed or encrypted frames
 * are skipped (C2PA writers never produce them, and inflating them would open a decompression bomb), and a frame
 * that overruns the tag ends the walk.
 */
public final class Id3Extractor implements ManifestExtractor {

    static final String C2PA_MIME = "application/x-c2pa-manifest-store";
    static final String C2PA_MIME_CURRENT = "application/c2pa";
    private static final int MAX_FRAMES = 10_000;

    @Override
    public Set<MediaType> mediaTypes() {
        return Set.of(MediaType.MP3);
    }

    @Override
    public Extraction extract(SeekableByteChannel channel) throws IOException, C2paException {
        ChannelReader in = new ChannelReader(channel);
        if (!in.has(0, 10) || !in.fourCc(0).startsWith("ID3")) {
            return Extraction.none(List.of());
        }
        int version = in.u8(3);
        int flags = in.u8(5);
        if (version != 3 && version != 4) {
            return Extraction.none(List.of()); // ID3v2.2 predates GEOB-carried manifests
        }
        long end = Math.min(in.size(), 10 + syncSafe(in, 6));
        long pos = 10;
        if ((flags & 0x40) != 0 && in.has(pos, 4)) { // extended header
            pos += version == 4 ? syncSafe(in, pos) : 4 + in.u32be(pos);
        }
        for (int frames = 0; frames < MAX_FRAMES && pos + 10 <= end; frames++) {
            if (in.u8(pos) == 0) {
                break; // padding
            }
            String id = in.fourCc(pos);
            long size = version == 4 ? syncSafe(in, pos + 4) : in.u32be(pos + 4);
            int frameFlags = in.u8(pos + 9);
            long data = pos + 10;
            if (size > end - data) {
                break;
            }
            boolean compressedOrEncrypted = version == 4 ? (frameFlags & 0x0C) != 0 : (frameFlags & 0xC0) != 0;
            if (id.equals("GEOB") && !compressedOrEncrypted) {
                long body = data;
                long bodySize = size;
                if (version == 4 && (frameFlags & 0x01) != 0) { // data length indicator
                    body += 4;
                    bodySize -= 4;
                }
                long[] objectAt = new long[1];
                byte[] store = geobObject(in, body, bodySize, pos, objectAt);
                if (store != null) {
                    // the reference excludes the encapsulated object only: the store's own bytes
                    return Extraction.found(store, false, "ID3v2 GEOB frame at offset " + pos, List.of(),
                            List.of(new ByteRange(objectAt[0], store.length)));
                }
            }
            pos = data + size;
        }
        return Extraction.none(List.of());
    }

    /** The object of a GEOB frame if its MIME type is C2PA's, else null. */
    private static byte[] geobObject(ChannelReader in, long body, long size, long frameAt, long[] objectAt)
            throws IOException, C2paException {
        if (size < 4) {
            return null;
        }
        long end = body + size;
        int encoding = in.u8(body);
        long p = body + 1;
        long mimeEnd = terminator(in, p, end, false);
        if (mimeEnd < 0) {
            return null;
        }
        String mime = new String(in.bytes(p, (int) Math.min(mimeEnd - p, 256)), StandardCharsets.ISO_8859_1);
        if (!mime.equalsIgnoreCase(C2PA_MIME) && !mime.equalsIgnoreCase(C2PA_MIME_CURRENT)) {
            return null;
        }
        boolean wide = encoding == 1 || encoding == 2;
        long fileNameEnd = terminator(in, mimeEnd + 1, end, wide);
        long descEnd = fileNameEnd < 0 ? -1 : terminator(in, fileNameEnd + (wide ? 2 : 1), end, wide);
        if (descEnd < 0) {
            throw new C2paException("ID3 GEOB frame at offset " + frameAt + ": unterminated file name or description");
        }
        long object = descEnd + (wide ? 2 : 1);
        objectAt[0] = object;
        return in.bytes(object, StoreLimits.checkStoreSize(end - object, "ID3 GEOB frame at offset " + frameAt));
    }

    /** The offset of the string terminator (one zero byte, or an aligned pair for UTF-16) before {@code end}, or -1. */
    private static long terminator(ChannelReader in, long from, long end, boolean wide) throws IOException {
        if (!wide) {
            for (long i = from; i < end; i++) {
                if (in.u8(i) == 0) {
                    return i;
                }
            }
            return -1;
        }
        for (long i = from; i + 1 < end; i += 2) {
            if (in.u8(i) == 0 && in.u8(i + 1) == 0) {
                return i;
            }
        }
        return -1;
    }

    private static long syncSafe(ChannelReader in, long pos) throws IOException {
        return ((long) (in.u8(pos) & 0x7F) << 21) | ((in.u8(pos + 1) & 0x7F) << 14)
                | ((in.u8(pos + 2) & 0x7F) << 7) | (in.u8(pos + 3) & 0x7F);
    }
}
