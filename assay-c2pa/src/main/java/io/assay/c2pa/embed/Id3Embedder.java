package io.assay.c2pa.embed;

import io.assay.c2pa.C2paException;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * MP3: the store is the object of an ID3v2 {@code GEOB} frame (MIME type {@code application/c2pa}). An existing
 * ID3v2.3 or v2.4 tag keeps its other frames (without padding); a file without a tag gets a new v2.4 tag. The data
 * hash excludes only the store bytes inside the frame, as c2pa-rs does; tag and frame headers stay hashed.
 */
final class Id3Embedder implements Embedder {

    static final String MIME = "application/c2pa";
    private static final byte[] FRAME_PREFIX = frameBodyPrefix();

    @Override
    public HardBinding binding() {
        return HardBinding.DATA;
    }

    @Override
    public byte[] strip(byte[] asset) throws C2paException {
        Tag tag = Tag.read(asset);
        if (tag == null) {
            return asset;
        }
        ByteArrayOutputStream frames = new ByteArrayOutputStream();
        for (int[] f : tag.frames) {
            if (!isC2paFrame(asset, f)) {
                frames.write(asset, f[0], f[1] - f[0]);
            }
        }
        return tag.rewrite(asset, frames.toByteArray());
    }

    @Override
    public Placement embed(byte[] asset, byte[] store) throws C2paException {
        Tag tag = Tag.read(asset);
        int version = tag == null ? 4 : tag.version;
        ByteArrayOutputStream frames = new ByteArrayOutputStream();
        if (tag != null) {
            for (int[] f : tag.frames) {
                frames.write(asset, f[0], f[1] - f[0]);
            }
        }
        int frameStartInFrames = frames.size();
        long bodyLength = (long) FRAME_PREFIX.length + store.length;
        if (bodyLength > 0x0FFF_FFFFL) {
            throw new C2paException("the manifest store is too large for an ID3v2 frame");
        }
        frames.writeBytes("GEOB".getBytes(StandardCharsets.ISO_8859_1));
        byte[] size = new byte[4];
        if (version == 4) {
            syncSafe(size, 0, bodyLength);
        } else {
            Bytes.putU32(size, 0, bodyLength);
        }
        frames.writeBytes(size);
        frames.write(0);
        frames.write(0);
        frames.writeBytes(FRAME_PREFIX);
        frames.writeBytes(store);
        byte[] out;
        if (tag == null) {
            byte[] header = header(4, frames.size());
            out = new byte[header.length + frames.size() + asset.length];
            System.arraycopy(header, 0, out, 0, header.length);
            System.arraycopy(frames.toByteArray(), 0, out, header.length, frames.size());
            System.arraycopy(asset, 0, out, header.length + frames.size(), asset.length);
        } else {
            out = tag.rewrite(asset, frames.toByteArray());
        }
        long storeAt = 10L + frameStartInFrames + 10 + FRAME_PREFIX.length;
        return new Placement(out, storeAt, store.length);
    }

    private static boolean isC2paFrame(byte[] b, int[] f) {
        if (f[1] - f[0] < 10 + 1 + MIME.length() || !new String(b, f[0], 4, StandardCharsets.ISO_8859_1).equals("GEOB")) {
            return false;
        }
        String mime = new String(b, f[0] + 11, MIME.length(), StandardCharsets.ISO_8859_1);
        return mime.equalsIgnoreCase(MIME) && b[f[0] + 11 + MIME.length()] == 0;
    }

    /** Encoding UTF-8, MIME type, file name and description, each NUL-terminated. */
    private static byte[] frameBodyPrefix() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(3);
        b.writeBytes((MIME + "\0").getBytes(StandardCharsets.ISO_8859_1));
        b.writeBytes("c2pa\0".getBytes(StandardCharsets.UTF_8));
        b.writeBytes("c2pa manifest store\0".getBytes(StandardCharsets.UTF_8));
        return b.toByteArray();
    }

    static byte[] header(int version, long size) throws C2paException {
        if (size > 0x0FFF_FFFFL) {
            throw new C2paException("ID3v2 tag too large");
        }
        byte[] h = {'I', 'D', '3', (byte) version, 0, 0, 0, 0, 0, 0};
        syncSafe(h, 6, size);
        return h;
    }

    static void syncSafe(byte[] b, int at, long v) {
        b[at] = (byte) ((v >> 21) & 0x7F);
        b[at + 1] = (byte) ((v >> 14) & 0x7F);
        b[at + 2] = (byte) ((v >> 7) & 0x7F);
        b[at + 3] = (byte) (v & 0x7F);
    }

    static long syncSafe(byte[] b, long at) throws C2paException {
        Bytes.check(b, at, 4);
        int i = (int) at;
        return ((long) (b[i] & 0x7F) << 21) | ((b[i + 1] & 0x7F) << 14) | ((b[i + 2] & 0x7F) << 7) | (b[i + 3] & 0x7F);
    }

    /** An ID3v2.3/2.4 tag at the start of the file: its frames as [start, end) and where the audio begins. */
    private record Tag(int version, java.util.List<int[]> frames, int end) {

        static Tag read(byte[] b) throws C2paException {
            if (b.length < 10 || b[0] != 'I' || b[1] != 'D' || b[2] != '3') {
                return null;
            }
            int version = b[3];
            if (version != 3 && version != 4) {
                throw new C2paException("ID3v2." + version + " tags cannot carry a manifest; only v2.3 and v2.4 can");
            }
            int flags = b[5] & 0xFF;
            if ((flags & 0xC0) != 0 || (version == 4 && (flags & 0x10) != 0)) {
                throw new C2paException("ID3v2 tags with unsynchronisation, an extended header or a footer are not "
                        + "rewritten");
            }
            long size = syncSafe(b, 6);
            int end = (int) Math.min(10 + size, b.length);
            if (10 + size > b.length) {
                throw new C2paException("the ID3v2 tag runs past the end of the file");
            }
            java.util.List<int[]> frames = new java.util.ArrayList<>();
            int pos = 10;
            while (pos + 10 <= end && b[pos] != 0) { // a zero byte starts the padding
                long len = version == 4 ? syncSafe(b, pos + 4) : Bytes.u32(b, pos + 4);
                long next = pos + 10 + len;
                if (next > end) {
                    throw new C2paException("ID3v2 frame at offset " + pos + " runs past the end of the tag");
                }
                frames.add(new int[]{pos, (int) next});
                pos = (int) next;
            }
            return new Tag(version, frames, end);
        }

        byte[] rewrite(byte[] asset, byte[] frameBytes) throws C2paException {
            byte[] header = header(version, frameBytes.length);
            byte[] out = new byte[header.length + frameBytes.length + asset.length - end];
            System.arraycopy(header, 0, out, 0, header.length);
            System.arraycopy(frameBytes, 0, out, header.length, frameBytes.length);
            System.arraycopy(asset, end, out, header.length + frameBytes.length, asset.length - end);
            return out;
        }
    }
}
