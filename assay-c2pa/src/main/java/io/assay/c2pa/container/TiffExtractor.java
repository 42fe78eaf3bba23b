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
    static final int SUB_IFDS_TAG = 0x014A;
    /** The reference's limits: pages (IFDs in the main chain) and SubIFDs per page. */
    static final int MAX_PAGES = 2000;
    static final int MAX_SUBFILES = 1000;

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
        checkPages(in, ifd, big, le);
        long count = big ? u64(in, ifd, le) : u16(in, ifd, le);
        int entrySize = big ? 20 : 12;
        long first = ifd + (big ? 8 : 2);
        byte[] store = null;
        long storeEntry = -1;
        long storeAt = -1;
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
                storeAt = valueAt;
            } else if (n <= StoreLimits.MAX_XMP_BYTES && in.has(valueAt, n)) {
                remote.addAll(XmpProvenance.urls(in.bytes(valueAt, (int) n)));
            }
        }
        return store == null ? Extraction.none(remote)
                : Extraction.found(store, false, "TIFF tag 0xCD41 (IFD entry at offset " + storeEntry + ")", remote,
                List.of(new ByteRange(storeAt, store.length))); // the tag's value; its count field is excluded apart
    }

    /**
     * Walks the chain of page IFDs as the reference does when it maps the file, and refuses what it refuses: more than
     * {@link #MAX_PAGES} pages, or a page whose SubIFDs tag lists more than {@link #MAX_SUBFILES} offsets (or more
     * offset bytes than the file holds). Only entry headers are read; a loop in the chain ends the walk.
     */
    private static void checkPages(ChannelReader in, long first, boolean big, boolean le)
            throws IOException, C2paException {
        java.util.Set<Long> seen = new java.util.HashSet<>();
        long ifd = first;
        int entrySize = big ? 20 : 12;
        for (int page = 1; ifd > 0 && in.has(ifd, big ? 8 : 2) && seen.add(ifd); page++) {
            if (page > MAX_PAGES) {
                throw new C2paException("InvalidAsset: TIFF file has too many pages (more than " + MAX_PAGES + ")");
            }
            long count = big ? u64(in, ifd, le) : u16(in, ifd, le);
            long entries = ifd + (big ? 8 : 2);
            long n = Math.min(count, MAX_ENTRIES);
            for (long i = 0; i < n; i++) {
                long e = entries + i * entrySize;
                if (!in.has(e, entrySize)) {
                    return;
                }
                if (u16(in, e, le) != SUB_IFDS_TAG) {
                    continue;
                }
                long values = big ? u64(in, e + 4, le) : u32(in, e + 4, le);
                if (values < 0 || values > in.size() / 4) {
                    throw new C2paException("InvalidAsset: TIFF IFD entry data size exceeds file size (SubIFDs at "
                            + e + ")");
                }
                if (values > MAX_SUBFILES) {
                    throw new C2paException("InvalidAsset: TIFF file has too many subfiles (" + values
                            + " SubIFDs in the IFD at offset " + ifd + ", more than " + MAX_SUBFILES + ")");
                }
            }
            long next = entries + count * entrySize;
            if (count > (in.size() / entrySize) + 1 || !in.has(next, big ? 8 : 4)) {
                return;
            }
            ifd = big ? u64(in, next, le) : u32(in, next, le);
        }
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
