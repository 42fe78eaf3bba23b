package io.assay.c2pa.embed;

import io.assay.c2pa.C2paException;

import java.io.ByteArrayOutputStream;
import java.util.HashSet;
import java.util.Set;

/**
 * JPEG: the store goes into APP11 segments (ISO 19566-5 packaging), each carrying {@code JP}, a box instance number,
 * a sequence number and a slice of the JUMBF box; every segment after the first repeats the box's 8-byte header.
 * The segments are placed after the leading APP0/APP1 segments (JFIF and Exif must come first), and the data hash
 * excludes them as one range.
 */
final class JpegEmbedder implements Embedder {

    private static final int APP11 = 0xEB;
    private static final int MAX_SEGMENT = 0xFFFF - 2;
    private static final int PACKET_HEADER = 8;

    @Override
    public HardBinding binding() {
        return HardBinding.DATA;
    }

    @Override
    public byte[] strip(byte[] asset) throws C2paException {
        requireSoi(asset);
        Set<Integer> c2paInstances = new HashSet<>();
        for (Segment s : segments(asset)) {
            if (s.isC2paStore(asset)) {
                c2paInstances.add(s.instance(asset));
            }
        }
        if (c2paInstances.isEmpty()) {
            return asset;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(asset.length);
        int copied = 0;
        for (Segment s : segments(asset)) {
            if (s.isJumbf(asset) && c2paInstances.contains(s.instance(asset))) {
                out.write(asset, copied, s.start - copied);
                copied = s.end;
            }
        }
        out.write(asset, copied, asset.length - copied);
        return out.toByteArray();
    }

    @Override
    public Placement embed(byte[] asset, byte[] store) throws C2paException {
        requireSoi(asset);
        Set<Integer> used = new HashSet<>();
        int insertAt = 2;
        boolean leading = true;
        for (Segment s : segments(asset)) {
            if (s.isJumbf(asset)) {
                used.add(s.instance(asset));
            }
            if (leading && (s.marker == 0xE0 || s.marker == 0xE1)) {
                insertAt = s.end;
            } else {
                leading = false;
            }
        }
        int instance = 1;
        while (used.contains(instance)) {
            instance++;
        }
        if (store.length < 8) {
            throw new C2paException("a manifest store is a JUMBF box of at least 8 bytes");
        }
        ByteArrayOutputStream segs = new ByteArrayOutputStream(store.length + 64);
        int pos = 0;
        long sequence = 1;
        while (pos < store.length) {
            boolean first = pos == 0;
            int room = MAX_SEGMENT - PACKET_HEADER - (first ? 0 : 8);
            int n = Math.min(room, store.length - pos);
            int length = 2 + PACKET_HEADER + (first ? 0 : 8) + n;
            segs.write(0xFF);
            segs.write(APP11);
            segs.write(length >> 8);
            segs.write(length);
            segs.write('J');
            segs.write('P');
            segs.write(instance >> 8);
            segs.write(instance);
            segs.write((int) (sequence >>> 24));
            segs.write((int) (sequence >>> 16));
            segs.write((int) (sequence >>> 8));
            segs.write((int) sequence);
            if (!first) {
                segs.write(store, 0, 8);
            }
            segs.write(store, pos, n);
            pos += n;
            sequence++;
        }
        byte[] inserted = segs.toByteArray();
        byte[] out = new byte[asset.length + inserted.length];
        System.arraycopy(asset, 0, out, 0, insertAt);
        System.arraycopy(inserted, 0, out, insertAt, inserted.length);
        System.arraycopy(asset, insertAt, out, insertAt + inserted.length, asset.length - insertAt);
        return new Placement(out, insertAt, inserted.length);
    }

    private static void requireSoi(byte[] asset) throws C2paException {
        if (asset.length < 4 || (asset[0] & 0xFF) != 0xFF || (asset[1] & 0xFF) != 0xD8) {
            throw new C2paException("not a JPEG file: no SOI marker");
        }
    }

    /** The marker segments before the first SOS (the only place APPn segments may be). */
    private static java.util.List<Segment> segments(byte[] b) throws C2paException {
        java.util.List<Segment> out = new java.util.ArrayList<>();
        int pos = 2;
        while (pos + 4 <= b.length) {
            if ((b[pos] & 0xFF) != 0xFF) {
                throw new C2paException("JPEG marker expected at offset " + pos);
            }
            int marker = b[pos + 1] & 0xFF;
            if (marker == 0xFF) { // fill byte
                pos++;
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) {
                break;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                pos += 2;
                continue;
            }
            int len = Bytes.u16(b, pos + 2);
            if (len < 2 || pos + 2 + len > b.length) {
                throw new C2paException("JPEG segment at offset " + pos + " runs past the end of the file");
            }
            out.add(new Segment(marker, pos, pos + 2 + len));
            pos += 2 + len;
        }
        return out;
    }

    private record Segment(int marker, int start, int end) {
        boolean isJumbf(byte[] b) {
            return marker == APP11 && end - start >= 4 + PACKET_HEADER && b[start + 4] == 'J' && b[start + 5] == 'P';
        }

        int instance(byte[] b) throws C2paException {
            return Bytes.u16(b, start + 6);
        }

        /** The first packet of a JUMBF box whose description names the C2PA manifest store type. */
        boolean isC2paStore(byte[] b) throws C2paException {
            if (!isJumbf(b) || Bytes.u32(b, start + 8) != 1 || end - start < 4 + PACKET_HEADER + 8 + 8 + 16) {
                return false;
            }
            int box = start + 4 + PACKET_HEADER;
            return Bytes.fourCc(b, box + 4).equals("jumb") && Bytes.fourCc(b, box + 12).equals("jumd")
                    && Bytes.fourCc(b, box + 16).equals("c2pa");
        }
    }
}
