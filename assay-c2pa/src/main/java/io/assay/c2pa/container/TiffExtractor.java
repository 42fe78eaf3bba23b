package io.assay.c2pa.container;

import io.assay.c2pa.C2paException;
import io.assay.core.media.MediaType;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * TIFF and DNG (classic and BigTIFF): the store is the value of tag {@code 0xCD41} in the first IFD; tag 700 (XMP)
 * gives remote references. Only IFD0 is read, so files with thousands of sub-IFDs cost nothing.
 */
public final class TiffExtractor implements ManifestExtractor {

    static final int C2PA_TAG = 0xCD41;
    static final int XMP_TAG = 700;
    private static final int MAX_ENTRIES = 4096;

    @Override
    public Set<MediaType> mediaTypes() {
        return Set.of(MediaType.TIFF);
    }

    @Override
    public Extraction extract(SeekableByteChannel channel) throws IOException, C2paException {
        ChannelReader in = new ChannelReader(channel);
        List<String> remote = new ArrayList<>();
        if (!in.has(0, 8)) {
            return Extraction.none(remote);
        }
        boolean le = in.u16be(0) == 0x4949;
        int magic = u16(in, 2, le);
        boolean big = magic == 43;
        long ifd = big ? (in.has(0, 16) ? u64(in, 8, le) : -1) : u32(in, 4, le);
        if ((magic != 42 && !big) || ifd < 0 || !in.has(ifd, big ? 8 : 2)) {
            return Extraction.none(remote);
        }
        long count = big ? u64(in, ifd, le) : u16(in, ifd, le);
        int entrySize = big ? 20 : 12;
        long first = ifd + (big ? 8 : 2);
        byte[] store = null;
        long storeEntry = -1;
        for (long i = 0; i < Math.min(count, MAX_ENTRIES); i++) {
            long e = first + i * entrySize;
            if (!in.has(e, entrySize)) {
                break;
            }
            int tag = u16(in, e, le);
            if (tag != C2PA_TAG && tag != XMP_TAG) {
                continue;
            }
            int type = u16(in, e + 2, le);
            long n = big ? u64(in, e + 4, le) : u32(in, e + 4, le);
            if (type != 1 && type != 7 && type != 2) { // BYTE, UNDEFINED, ASCII
                continue;
            }
            int inline = big ? 8 : 4;
            long valueAt = n <= inline ? e + (big ? 12 : 8) : (big ? u64(in, e + 12, le) : u32(in, e + 8, le));
            if (tag == C2PA_TAG) {
                int length = StoreLimits.checkStoreSize(n, "TIFF tag 0xCD41 at offset " + e);
                if (!in.has(valueAt, length)) {
                    throw new C2paException("TIFF tag 0xCD41 at offset " + e + ": value of " + length
                            + " bytes at offset " + valueAt + " lies past the end of the file");
                }
                store = in.bytes(valueAt, length);
                storeEntry = e;
            } else if (n <= StoreLimits.MAX_XMP_BYTES && in.has(valueAt, n)) {
                remote.addAll(XmpProvenance.urls(in.bytes(valueAt, (int) n)));
            }
        }
        return store == null ? Extraction.none(remote)
                : Extraction.found(store, false, "TIFF tag 0xCD41 (IFD entry at offset " + storeEntry + ")", remote);
    }

    private static int u16(ChannelReader in, long pos, boolean le) throws IOException {
        return le ? in.u16le(pos) : in.u16be(pos);
    }

    private static long u32(ChannelReader in, long pos, boolean le) throws IOException {
        return le ? in.u32le(pos) : in.u32be(pos);
    }

    private static long u64(ChannelReader in, long pos, boolean le) throws IOException {
        return le ? in.u64le(pos) : in.u64be(pos);
    }
}
