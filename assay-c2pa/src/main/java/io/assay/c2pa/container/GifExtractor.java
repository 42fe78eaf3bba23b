package io.assay.c2pa.container;

import io.assay.c2pa.C2paException;
import io.assay.core.media.MediaType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * GIF: the store is the data sub-blocks of an application extension whose identifier is {@code C2PA_GIF}. The walk
 * skips image data and other extensions by their sub-block lengths and stops at the trailer or at anything it does
 * not recognise.
 */
public final class GifExtractor implements ManifestExtractor {

    private static final String C2PA_APP = "C2PA_GIF";

    @Override
    public Set<MediaType> mediaTypes() {
        return Set.of(MediaType.GIF);
    }

    @Override
    public Extraction extract(SeekableByteChannel channel) throws IOException, C2paException {
        ChannelReader in = new ChannelReader(channel);
        if (!in.has(0, 13)) {
            return Extraction.none(List.of());
        }
        int packed = in.u8(10);
        long pos = 13 + ((packed & 0x80) != 0 ? 3L * (1 << ((packed & 7) + 1)) : 0);
        while (in.has(pos, 1)) {
            int block = in.u8(pos);
            if (block == 0x3B) {
                break; // trailer
            } else if (block == 0x2C) { // image descriptor
                if (!in.has(pos, 11)) {
                    break;
                }
                int imagePacked = in.u8(pos + 9);
                pos += 10 + ((imagePacked & 0x80) != 0 ? 3L * (1 << ((imagePacked & 7) + 1)) : 0);
                pos = skipSubBlocks(in, pos + 1); // after the LZW minimum code size
            } else if (block == 0x21 && in.has(pos, 3)) {
                int label = in.u8(pos + 1);
                if (label == 0xFF && in.u8(pos + 2) == 11 && in.has(pos + 3, 11)) {
                    String id = new String(in.bytes(pos + 3, 8), StandardCharsets.ISO_8859_1);
                    if (id.equals(C2PA_APP)) {
                        byte[] store = subBlocks(in, pos + 14, pos);
                        long end = skipSubBlocks(in, pos + 14);
                        // the whole extension (introducer, label, block size, identifier, sub-blocks, terminator)
                        return Extraction.found(store, false, "GIF application extension C2PA_GIF at offset " + pos,
                                List.of(), List.of(new ByteRange(pos, end - pos)));
                    }
                }
                pos = skipSubBlocks(in, pos + 2);
            } else {
                break;
            }
            if (pos < 0) {
                break;
            }
        }
        return Extraction.none(List.of());
    }

    /** The offset after the sub-block chain at {@code pos}, or -1 when it runs off the file. */
    private static long skipSubBlocks(ChannelReader in, long pos) throws IOException {
        while (in.has(pos, 1)) {
            int n = in.u8(pos);
            if (n == 0) {
                return pos + 1;
            }
            pos += 1 + n;
        }
        return -1;
    }

    private static byte[] subBlocks(ChannelReader in, long pos, long extensionAt) throws IOException, C2paException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            if (!in.has(pos, 1)) {
                throw new C2paException("GIF C2PA_GIF extension at offset " + extensionAt + " is cut short");
            }
            int n = in.u8(pos);
            if (n == 0) {
                return out.toByteArray();
            }
            if (!in.has(pos + 1, n)) {
                throw new C2paException("GIF C2PA_GIF extension at offset " + extensionAt + " is cut short");
            }
            StoreLimits.checkStoreSize((long) out.size() + n, "GIF C2PA_GIF extension at offset " + extensionAt);
            out.writeBytes(in.bytes(pos + 1, n));
            pos += 1 + n;
        }
    }
}
