package io.assay.c2pa.embed;

import io.assay.c2pa.C2paException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * ISO BMFF (MP4, MOV, M4A, HEIC, HEIF, AVIF): the store is a top-level {@code uuid} box (C2PA's UUID, purpose
 * {@code manifest}) placed right after {@code ftyp}, where readers that stream the file find it first. Moving the
 * media data means rewriting every absolute file offset that points into it: chunk offsets ({@code stco},
 * {@code co64}), item locations ({@code iloc}), fragment base offsets ({@code tfhd}) and the fragment random access
 * table ({@code tfra}). Anything else that stores absolute offsets is not rewritten (see the module README).
 */
final class BmffEmbedder implements Embedder {

    static final byte[] C2PA_UUID = {(byte) 0xd8, (byte) 0xfe, (byte) 0xc3, (byte) 0xd6, 0x1b, 0x0e, 0x48, 0x3c,
            (byte) 0x92, (byte) 0x97, 0x58, 0x28, (byte) 0x87, 0x7e, (byte) 0xc4, (byte) 0x81};
    /** Only the containers on the way to a box with absolute offsets are walked. */
    private static final Set<String> CONTAINERS = Set.of("moov", "trak", "mdia", "minf", "stbl", "moof", "traf",
            "mfra");
    private static final int MAX_DEPTH = 16;

    @Override
    public HardBinding binding() {
        return HardBinding.BMFF;
    }

    @Override
    public byte[] strip(byte[] asset) throws C2paException {
        return layout(asset, null).bytes();
    }

    @Override
    public Placement embed(byte[] asset, byte[] store) throws C2paException {
        return layout(asset, store);
    }

    /** ftyp, the new C2PA box (if any), then every other top-level box except old C2PA boxes, offsets rewritten. */
    private Placement layout(byte[] asset, byte[] store) throws C2paException {
        List<Box> top = boxes(asset, 0, asset.length);
        if (top.isEmpty() || !top.getFirst().type.equals("ftyp")) {
            throw new C2paException("not an ISO BMFF file: the first box is not ftyp");
        }
        byte[] c2pa = store == null ? new byte[0] : uuidBox(store);
        List<Box> kept = new ArrayList<>();
        for (Box b : top) {
            if (!isC2pa(asset, b)) {
                kept.add(b);
            }
        }
        long total = c2pa.length;
        for (Box b : kept) {
            total += b.size();
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new C2paException("files over 2 GiB are not signed in memory");
        }
        byte[] out = new byte[(int) total];
        long[] oldStart = new long[kept.size()];
        long[] newStart = new long[kept.size()];
        int pos = 0;
        for (int i = 0; i < kept.size(); i++) {
            Box b = kept.get(i);
            oldStart[i] = b.start;
            newStart[i] = pos;
            System.arraycopy(asset, (int) b.start, out, pos, (int) b.size());
            pos += (int) b.size();
            if (i == 0) {
                System.arraycopy(c2pa, 0, out, pos, c2pa.length);
                pos += c2pa.length;
            }
        }
        OffsetMap map = offset -> {
            for (int i = 0; i < kept.size(); i++) {
                Box b = kept.get(i);
                if (offset >= b.start && offset <= b.end) {
                    return newStart[i] + (offset - b.start);
                }
            }
            throw new C2paException("an absolute offset (" + offset + ") points outside the boxes that are kept");
        };
        boolean moved = false;
        for (int i = 0; i < kept.size(); i++) {
            moved |= oldStart[i] != newStart[i];
        }
        if (moved) {
            for (int i = 0; i < kept.size(); i++) {
                Box b = kept.get(i);
                rewrite(out, new Box(b.type, newStart[i], newStart[i] + b.size(), newStart[i] + (b.bodyStart - b.start)),
                        map, 0);
            }
        }
        long at = kept.getFirst().size();
        return new Placement(out, at, c2pa.length);
    }

    private static byte[] uuidBox(byte[] store) throws C2paException {
        byte[] purpose = "manifest\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        long size = 8L + 16 + 4 + purpose.length + 8 + store.length;
        if (size > 0xFFFF_FFFFL) {
            throw new C2paException("manifest store too large");
        }
        byte[] b = new byte[(int) size];
        Bytes.putU32(b, 0, size);
        b[4] = 'u';
        b[5] = 'u';
        b[6] = 'i';
        b[7] = 'd';
        System.arraycopy(C2PA_UUID, 0, b, 8, 16);
        // version 0, flags 0 (bytes 24..27), the purpose, then the offset of an auxiliary uuid box (none: 0)
        System.arraycopy(purpose, 0, b, 28, purpose.length);
        System.arraycopy(store, 0, b, 28 + purpose.length + 8, store.length);
        return b;
    }

    private static boolean isC2pa(byte[] b, Box box) {
        return box.type.equals("uuid") && box.end - box.start >= 24
                && Arrays.equals(b, (int) box.start + 8, (int) box.start + 24, C2PA_UUID, 0, 16);
    }

    /** Rewrites the absolute offsets inside {@code box} (already copied to {@code out}). */
    private static void rewrite(byte[] out, Box box, OffsetMap map, int depth) throws C2paException {
        if (depth > MAX_DEPTH) {
            throw new C2paException("boxes nested too deeply");
        }
        switch (box.type) {
            case "stco" -> chunkOffsets(out, box, map, 4);
            case "co64" -> chunkOffsets(out, box, map, 8);
            case "iloc" -> itemLocations(out, box, map);
            case "tfhd" -> fragmentHeader(out, box, map);
            case "tfra" -> randomAccess(out, box, map);
            case "meta" -> {
                // ISO meta is a full box; QuickTime's has no version and flags and starts with its hdlr
                int skip = box.end - box.bodyStart >= 8 && Bytes.fourCc(out, box.bodyStart + 4).equals("hdlr") ? 0 : 4;
                for (Box child : boxes(out, box.bodyStart + skip, box.end)) {
                    rewrite(out, child, map, depth + 1);
                }
            }
            default -> {
                if (CONTAINERS.contains(box.type)) {
                    for (Box child : boxes(out, box.bodyStart, box.end)) {
                        rewrite(out, child, map, depth + 1);
                    }
                }
            }
        }
    }

    private static void chunkOffsets(byte[] b, Box box, OffsetMap map, int width) throws C2paException {
        long count = Bytes.u32(b, box.bodyStart + 4);
        long at = box.bodyStart + 8;
        Bytes.check(b, at, count * width);
        for (long i = 0; i < count; i++, at += width) {
            long v = width == 4 ? Bytes.u32(b, at) : Bytes.u64(b, at);
            long n = map.apply(v);
            if (width == 4) {
                if (n > 0xFFFF_FFFFL) {
                    throw new C2paException("a chunk offset no longer fits stco");
                }
                Bytes.putU32(b, (int) at, n);
            } else {
                Bytes.putU64(b, (int) at, n);
            }
        }
    }

    private static void fragmentHeader(byte[] b, Box box, OffsetMap map) throws C2paException {
        int flags = (int) (Bytes.u32(b, box.bodyStart) & 0xFFFFFF);
        if ((flags & 0x1) != 0) { // base-data-offset-present: an absolute file offset
            long at = box.bodyStart + 8;
            Bytes.putU64(b, (int) at, map.apply(Bytes.u64(b, at)));
        }
    }

    private static void randomAccess(byte[] b, Box box, OffsetMap map) throws C2paException {
        int version = Bytes.u8(b, box.bodyStart);
        long sizes = Bytes.u32(b, box.bodyStart + 8);
        int trafBytes = (int) ((sizes >> 4) & 3) + 1;
        int trunBytes = (int) ((sizes >> 2) & 3) + 1;
        int sampleBytes = (int) (sizes & 3) + 1;
        long count = Bytes.u32(b, box.bodyStart + 12);
        long at = box.bodyStart + 16;
        int width = version == 1 ? 8 : 4;
        for (long i = 0; i < count; i++) {
            at += width; // time
            long v = width == 8 ? Bytes.u64(b, at) : Bytes.u32(b, at);
            long n = map.apply(v);
            if (width == 8) {
                Bytes.putU64(b, (int) at, n);
            } else {
                Bytes.putU32(b, (int) at, n);
            }
            at += width + trafBytes + trunBytes + sampleBytes;
        }
    }

    private static void itemLocations(byte[] b, Box box, OffsetMap map) throws C2paException {
        long p = box.bodyStart;
        int version = Bytes.u8(b, p);
        int sizes = Bytes.u16(b, p + 4);
        int offsetSize = sizes >> 12;
        int lengthSize = (sizes >> 8) & 0xF;
        int baseSize = (sizes >> 4) & 0xF;
        int indexSize = version >= 1 ? sizes & 0xF : 0;
        p += 6;
        long items;
        if (version < 2) {
            items = Bytes.u16(b, p);
            p += 2;
        } else {
            items = Bytes.u32(b, p);
            p += 4;
        }
        for (long i = 0; i < items; i++) {
            p += version < 2 ? 2 : 4; // item_ID
            int construction = 0;
            if (version >= 1) {
                construction = Bytes.u16(b, p) & 0xF;
                p += 2;
            }
            int dataReference = Bytes.u16(b, p);
            p += 2;
            long baseAt = p;
            long base = read(b, p, baseSize);
            p += baseSize;
            int extents = Bytes.u16(b, p);
            p += 2;
            boolean inFile = construction == 0 && dataReference == 0;
            Long shift = null;
            for (int e = 0; e < extents; e++) {
                p += indexSize;
                long offAt = p;
                long off = read(b, p, offsetSize);
                p += offsetSize + lengthSize;
                if (!inFile) {
                    continue;
                }
                long absolute = base + off;
                long s = map.apply(absolute) - absolute;
                if (baseSize > 0) {
                    if (shift != null && shift != s) {
                        throw new C2paException("an iloc item spans boxes that move by different amounts");
                    }
                    shift = s;
                } else if (s != 0) {
                    write(b, offAt, offsetSize, off + s);
                }
            }
            if (inFile && shift != null && shift != 0) {
                write(b, baseAt, baseSize, base + shift);
            }
        }
    }

    private static long read(byte[] b, long at, int size) throws C2paException {
        return switch (size) {
            case 0 -> 0;
            case 4 -> Bytes.u32(b, at);
            case 8 -> Bytes.u64(b, at);
            default -> throw new C2paException("unsupported iloc field size " + size);
        };
    }

    private static void write(byte[] b, long at, int size, long v) throws C2paException {
        switch (size) {
            case 4 -> {
                if (v < 0 || v > 0xFFFF_FFFFL) {
                    throw new C2paException("an item offset no longer fits 32 bits");
                }
                Bytes.putU32(b, (int) at, v);
            }
            case 8 -> Bytes.putU64(b, (int) at, v);
            default -> throw new C2paException("an iloc offset of " + size + " bytes cannot be moved");
        }
    }

    /** The boxes in [from, to). */
    private static List<Box> boxes(byte[] b, long from, long to) throws C2paException {
        List<Box> out = new ArrayList<>();
        long pos = from;
        while (pos + 8 <= to) {
            long size = Bytes.u32(b, pos);
            String type = Bytes.fourCc(b, pos + 4);
            long header = 8;
            if (size == 1) {
                size = Bytes.u64(b, pos + 8);
                header = 16;
            } else if (size == 0) {
                size = to - pos;
            }
            if (type.equals("uuid")) {
                header += 16;
            }
            if (size < header || pos + size > to) {
                throw new C2paException("BMFF box '" + type + "' at offset " + pos + " has a bad size");
            }
            out.add(new Box(type, pos, pos + size, pos + header));
            pos += size;
        }
        return out;
    }

    private record Box(String type, long start, long end, long bodyStart) {
        long size() {
            return end - start;
        }
    }

    @FunctionalInterface
    private interface OffsetMap {
        long apply(long offset) throws C2paException;
    }
}
