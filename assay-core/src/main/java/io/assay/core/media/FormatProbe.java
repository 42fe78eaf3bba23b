package io.assay.core.media;

import io.assay.core.media.AssetRejectedException.Reason;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;

/**
 * Walks the outer structure of a container, reading headers only, before any analyzer or library parser sees it.
 * It rejects what would make later parsers fail or blow up: structures that run past the end of the file
 * (truncation), impossible lengths (malformation) and images whose header declares more pixels than allowed
 * (decompression bombs). It never decodes pixels and reads O(number of top-level structures) bytes.
 */
final class FormatProbe {

    /** A guard against files made of millions of tiny structures; real files have far fewer. */
    private static final int MAX_STRUCTURES = 1_000_000;

    private final MediaAsset asset;
    private final AssetLimits limits;
    private final SeekableByteChannel ch;
    private final long size;

    private FormatProbe(MediaAsset asset, AssetLimits limits, SeekableByteChannel ch) throws IOException {
        this.asset = asset;
        this.limits = limits;
        this.ch = ch;
        this.size = ch.size();
    }

    static void check(MediaAsset asset, AssetLimits limits) throws AssetRejectedException {
        try (SeekableByteChannel ch = asset.openChannel()) {
            FormatProbe probe = new FormatProbe(asset, limits, ch);
            switch (asset.mediaType()) {
                case JPEG -> probe.jpeg();
                case PNG -> probe.png();
                case GIF -> probe.gif();
                case WEBP -> probe.webp();
                case WAV -> probe.riff();
                case TIFF -> probe.tiff();
                case MP4, MOV, M4A, HEIC, HEIF, AVIF -> probe.bmff();
                case MP3 -> probe.mp3();
                case PDF, SVG, C2PA -> {
                    // Text-based or self-describing: their parsers bound themselves.
                }
            }
        } catch (AssetRejectedException e) {
            throw e;
        } catch (IOException e) {
            throw new AssetRejectedException(Reason.UNREADABLE, "cannot read file: " + e.getMessage());
        }
    }

    private String fmt() {
        return asset.mediaType().name();
    }

    // ---- JPEG: marker segments up to the start of scan ----

    private void jpeg() throws IOException, AssetRejectedException {
        long pos = 2;
        for (int n = 0; n < MAX_STRUCTURES; n++) {
            if (pos + 2 > size) {
                throw truncated("JPEG ends at byte " + size + " before the image data starts");
            }
            byte[] m = read(pos, 2);
            if ((m[0] & 0xFF) != 0xFF) {
                throw new AssetRejectedException(Reason.MALFORMED,
                        "malformed JPEG: expected a marker at byte " + pos + ", found 0x" + Integer.toHexString(m[0] & 0xFF));
            }
            int marker = m[1] & 0xFF;
            if (marker == 0xFF) {
                pos++; // fill byte
                continue;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                pos += 2; // standalone markers
                continue;
            }
            if (marker == 0xD9) {
                throw truncated("JPEG ends (EOI) before any image data");
            }
            if (pos + 4 > size) {
                throw truncated("JPEG ends inside the segment header at byte " + pos);
            }
            int len = u16be(read(pos + 2, 2), 0);
            if (len < 2) {
                throw new AssetRejectedException(Reason.MALFORMED, "malformed JPEG: segment length " + len + " at byte " + pos);
            }
            long end = pos + 2 + len;
            if (end > size) {
                throw truncated("JPEG segment 0x" + Integer.toHexString(marker).toUpperCase() + " at byte " + pos
                        + " declares " + len + " bytes but the file ends at byte " + size);
            }
            boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (sof && len >= 7) {
                byte[] h = read(pos + 5, 4);
                checkPixels(u16be(h, 2), u16be(h, 0));
            }
            if (marker == 0xDA) {
                return; // start of scan: entropy-coded data follows
            }
            pos = end;
        }
        throw tooMany();
    }

    // ---- PNG: chunks from IHDR to IEND ----

    private void png() throws IOException, AssetRejectedException {
        long pos = 8;
        boolean first = true;
        for (int n = 0; n < MAX_STRUCTURES; n++) {
            if (pos + 8 > size) {
                throw truncated("PNG ends at byte " + size + " without an IEND chunk");
            }
            byte[] h = read(pos, 8);
            long len = u32be(h, 0);
            String type = new String(h, 4, 4, StandardCharsets.ISO_8859_1);
            if (len > 0x7FFFFFFFL) {
                throw new AssetRejectedException(Reason.MALFORMED, "malformed PNG: chunk " + printable(type) + " at byte " + pos + " declares " + len + " bytes");
            }
            long end = pos + 12 + len;
            if (end > size) {
                throw truncated("PNG chunk " + printable(type) + " at byte " + pos + " declares " + len + " bytes but the file ends at byte " + size);
            }
            if (first) {
                if (!type.equals("IHDR") || len < 8) {
                    throw new AssetRejectedException(Reason.MALFORMED, "malformed PNG: the first chunk is " + printable(type) + ", not IHDR");
                }
                byte[] ihdr = read(pos + 8, 8);
                checkPixels(u32be(ihdr, 0), u32be(ihdr, 4));
                first = false;
            }
            if (type.equals("IEND")) {
                return;
            }
            pos = end;
        }
        throw tooMany();
    }

    // ---- GIF: logical screen descriptor ----

    private void gif() throws IOException, AssetRejectedException {
        if (size < 13) {
            throw truncated("GIF ends inside its header");
        }
        byte[] h = read(6, 4);
        checkPixels(u16le(h, 0), u16le(h, 2));
    }

    // ---- RIFF (WebP, WAV): top-level chunks ----

    private void webp() throws IOException, AssetRejectedException {
        long end = riff();
        long pos = 12;
        if (pos + 8 > end) {
            throw truncated("WebP has no image chunk");
        }
        byte[] h = read(pos, 8);
        String fourcc = new String(h, 0, 4, StandardCharsets.ISO_8859_1);
        long len = u32le(h, 4);
        byte[] d = read(pos + 8, (int) Math.min(len, 30));
        switch (fourcc) {
            case "VP8X" -> {
                if (d.length >= 10) {
                    checkPixels(1 + u24le(d, 4), 1 + u24le(d, 7));
                }
            }
            case "VP8 " -> {
                if (d.length >= 10) {
                    checkPixels(u16le(d, 6) & 0x3FFF, u16le(d, 8) & 0x3FFF);
                }
            }
            case "VP8L" -> {
                if (d.length >= 5) {
                    long bits = u32le(d, 1);
                    checkPixels((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1);
                }
            }
            default -> {
                // Other first chunks are not WebP image data but are not dangerous either.
            }
        }
    }

    /** Checks the RIFF header and its top-level chunks; returns where the RIFF data ends. */
    private long riff() throws IOException, AssetRejectedException {
        if (size < 12) {
            throw truncated(fmt() + " ends inside its RIFF header");
        }
        long declared = u32le(read(4, 4), 0);
        // Streaming writers leave 0 or 0xFFFFFFFF when they could not seek back; accept those as "to the end".
        long end = (declared == 0 || declared == 0xFFFFFFFFL) ? size : 8 + declared;
        if (end > size) {
            throw truncated(fmt() + " declares " + (8 + declared) + " bytes but the file has " + size);
        }
        long pos = 12;
        for (int n = 0; n < MAX_STRUCTURES && pos + 8 <= end; n++) {
            byte[] h = read(pos, 8);
            long len = u32le(h, 4);
            long next = pos + 8 + len + (len & 1);
            if (pos + 8 + len > end) {
                throw truncated(fmt() + " chunk " + printable(new String(h, 0, 4, StandardCharsets.ISO_8859_1))
                        + " at byte " + pos + " declares " + len + " bytes beyond the end of the data");
            }
            pos = next;
        }
        return end;
    }

    // ---- TIFF: first IFD ----

    private void tiff() throws IOException, AssetRejectedException {
        if (size < 8) {
            throw truncated("TIFF ends inside its header");
        }
        byte[] h = read(0, 8);
        boolean le = h[0] == 'I';
        int magic = le ? u16le(h, 2) : u16be(h, 2);
        if (magic == 43) {
            return; // BigTIFF: 64-bit offsets; the metadata library bounds its own reads
        }
        long ifd = le ? u32le(h, 4) : u32be(h, 4);
        if (ifd < 8 || ifd + 2 > size) {
            throw new AssetRejectedException(Reason.MALFORMED, "malformed TIFF: first directory offset " + ifd + " is outside the file");
        }
        int count = le ? u16le(read(ifd, 2), 0) : u16be(read(ifd, 2), 0);
        if (ifd + 2 + 12L * count > size) {
            throw truncated("TIFF directory at byte " + ifd + " declares " + count + " entries beyond the end of the file");
        }
        byte[] entries = read(ifd + 2, 12 * count);
        long width = -1;
        long height = -1;
        for (int i = 0; i < count; i++) {
            int o = i * 12;
            int tag = le ? u16le(entries, o) : u16be(entries, o);
            int type = le ? u16le(entries, o + 2) : u16be(entries, o + 2);
            long value = type == 3 ? (le ? u16le(entries, o + 8) : u16be(entries, o + 8))
                    : (le ? u32le(entries, o + 8) : u32be(entries, o + 8));
            if (tag == 256) {
                width = value;
            } else if (tag == 257) {
                height = value;
            }
        }
        if (width > 0 && height > 0) {
            checkPixels(width, height);
        }
    }

    // ---- ISO BMFF: top-level boxes, and the image spatial extents of HEIF/AVIF ----

    private void bmff() throws IOException, AssetRejectedException {
        long pos = 0;
        for (int n = 0; n < MAX_STRUCTURES && pos < size; n++) {
            if (pos + 8 > size) {
                throw truncated(fmt() + " ends inside a box header at byte " + pos);
            }
            byte[] h = read(pos, 8);
            long len = u32be(h, 0);
            String type = new String(h, 4, 4, StandardCharsets.ISO_8859_1);
            int header = 8;
            if (len == 1) {
                if (pos + 16 > size) {
                    throw truncated(fmt() + " ends inside a box header at byte " + pos);
                }
                len = ByteBuffer.wrap(read(pos + 8, 8)).getLong();
                header = 16;
            } else if (len == 0) {
                len = size - pos;
            }
            if (len < header) {
                throw new AssetRejectedException(Reason.MALFORMED, "malformed " + fmt() + ": box " + printable(type) + " at byte " + pos + " has size " + len);
            }
            if (pos + len > size) {
                throw truncated(fmt() + " box " + printable(type) + " at byte " + pos + " declares " + len + " bytes but the file ends at byte " + size);
            }
            if (type.equals("meta") && asset.mediaType().kind() == MediaType.Kind.IMAGE) {
                // meta is a full box: 4 bytes of version and flags precede its children.
                imageExtents(pos + header + 4, pos + len, 0);
            }
            pos += len;
        }
        if (pos < size) {
            throw tooMany();
        }
    }

    /** Finds {@code ispe} properties under meta/iprp/ipco and checks each declared image size. */
    private void imageExtents(long from, long to, int depth) throws IOException, AssetRejectedException {
        long pos = from;
        for (int n = 0; n < 10_000 && pos + 8 <= to; n++) {
            byte[] h = read(pos, 8);
            long len = u32be(h, 0);
            String type = new String(h, 4, 4, StandardCharsets.ISO_8859_1);
            if (len < 8 || pos + len > to) {
                throw new AssetRejectedException(Reason.MALFORMED, "malformed " + fmt() + ": box " + printable(type) + " at byte " + pos + " does not fit its parent");
            }
            if ((type.equals("iprp") || type.equals("ipco")) && depth < 3) {
                imageExtents(pos + 8, pos + len, depth + 1);
            } else if (type.equals("ispe") && len >= 20) {
                byte[] d = read(pos + 12, 8);
                checkPixels(u32be(d, 0), u32be(d, 4));
            }
            pos += len;
        }
    }

    // ---- MP3: the ID3v2 tag must fit ----

    private void mp3() throws IOException, AssetRejectedException {
        if (size < 10) {
            return;
        }
        byte[] h = read(0, 10);
        if (h[0] == 'I' && h[1] == 'D' && h[2] == '3') {
            long tag = ((h[6] & 0x7F) << 21) | ((h[7] & 0x7F) << 14) | ((h[8] & 0x7F) << 7) | (h[9] & 0x7F);
            if (10 + tag > size) {
                throw truncated("MP3 ID3 tag declares " + tag + " bytes but the file has " + size);
            }
        }
    }

    // ---- helpers ----

    private void checkPixels(long width, long height) throws AssetRejectedException {
        if (width <= 0 || height <= 0) {
            throw new AssetRejectedException(Reason.MALFORMED, "malformed " + fmt() + ": image size " + width + " x " + height);
        }
        if (width * height > limits.maxPixels()) {
            throw new AssetRejectedException(Reason.DECOMPRESSION_BOMB, fmt() + " declares " + width + " x " + height
                    + " pixels (" + (width * height / 1_000_000) + " megapixels), over the limit of "
                    + (limits.maxPixels() / 1_000_000) + " megapixels");
        }
    }

    private AssetRejectedException truncated(String message) {
        return new AssetRejectedException(Reason.TRUNCATED, "truncated: " + message);
    }

    private AssetRejectedException tooMany() {
        return new AssetRejectedException(Reason.MALFORMED, "malformed " + fmt() + ": more than " + MAX_STRUCTURES + " structures");
    }

    private byte[] read(long pos, int n) throws IOException {
        int len = (int) Math.max(0, Math.min(n, size - pos));
        ByteBuffer buf = ByteBuffer.allocate(len);
        ch.position(pos);
        while (buf.hasRemaining()) {
            if (ch.read(buf) < 0) {
                break;
            }
        }
        return buf.array();
    }

    private static String printable(String fourcc) {
        StringBuilder sb = new StringBuilder("'");
        for (char c : fourcc.toCharArray()) {
            sb.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        return sb.append('\'').toString();
    }

    private static int u16be(byte[] b, int o) {
        return o + 2 > b.length ? 0 : ((b[o] & 0xFF) << 8) | (b[o + 1] & 0xFF);
    }

    private static int u16le(byte[] b, int o) {
        return o + 2 > b.length ? 0 : ((b[o + 1] & 0xFF) << 8) | (b[o] & 0xFF);
    }

    private static long u24le(byte[] b, int o) {
        return o + 3 > b.length ? 0 : ((b[o + 2] & 0xFFL) << 16) | ((b[o + 1] & 0xFF) << 8) | (b[o] & 0xFF);
    }

    private static long u32be(byte[] b, int o) {
        return o + 4 > b.length ? 0 : ((b[o] & 0xFFL) << 24) | ((b[o + 1] & 0xFF) << 16) | ((b[o + 2] & 0xFF) << 8) | (b[o + 3] & 0xFF);
    }

    private static long u32le(byte[] b, int o) {
        return o + 4 > b.length ? 0 : ((b[o + 3] & 0xFFL) << 24) | ((b[o + 2] & 0xFF) << 16) | ((b[o + 1] & 0xFF) << 8) | (b[o] & 0xFF);
    }
}
