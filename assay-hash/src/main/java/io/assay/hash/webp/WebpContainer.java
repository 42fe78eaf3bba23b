package io.assay.hash.webp;

import java.nio.charset.StandardCharsets;

/**
 * The RIFF container of a WebP file: which kind of image it holds, its size, and where the {@code VP8 } and
 * {@code ALPH} payloads lie. Follows the WebP container specification and libwebp's acceptance rules: a simple
 * file ({@code RIFF WEBP VP8 }), or an extended one ({@code VP8X}, then optional chunks such as ICCP, ALPH, EXIF,
 * XMP and unknown ones, then the image). Animated and lossless (VP8L) files are recognised but not decoded here.
 */
public final class WebpContainer {

    /** What the file holds. */
    public enum Kind {
        /** A VP8 key frame, possibly with an ALPH chunk: decodable by this package. */
        LOSSY,
        /** A VP8L image. */
        LOSSLESS,
        /** An animation (VP8X with the animation flag). */
        ANIMATED
    }

    /**
     * One parsed container. Offsets are into the array given to {@link #parse(byte[])}; the alpha fields are -1
     * without an ALPH chunk. {@code width} and {@code height} are the canvas size (VP8X) or the frame size.
     */
    public record Info(Kind kind, int width, int height, int imageOffset, int imageLength, int alphaOffset,
                       int alphaLength) {

        public boolean hasAlpha() {
            return alphaOffset >= 0;
        }
    }

    private static final int ANIMATION_FLAG = 0x02;
    private static final long MAX_CHUNK_PAYLOAD = 0xFFFFFFFFL - 8 - 1;
    /** More chunks than any real file has; a guard against pathological inputs. */
    private static final int MAX_CHUNKS = 100_000;

    private WebpContainer() {
    }

    /** True when the bytes start with the RIFF/WEBP signature. */
    public static boolean isWebp(byte[] head) {
        return head.length >= 12 && tag(head, 0).equals("RIFF") && tag(head, 8).equals("WEBP");
    }

    /**
     * Parses the container.
     *
     * @throws WebpFormatException if it is not a well-formed WebP file
     */
    public static Info parse(byte[] data) throws WebpFormatException {
        if (!isWebp(data)) {
            throw new WebpFormatException("not a WebP file (no RIFF/WEBP signature)");
        }
        long riffSize = le32(data, 4);
        if (riffSize < 4 + 8) {
            throw new WebpFormatException("WebP: RIFF size " + riffSize + " is too small");
        }
        if (riffSize > MAX_CHUNK_PAYLOAD) {
            throw new WebpFormatException("WebP: RIFF size " + riffSize + " is too large");
        }
        if (riffSize > data.length - 8L) {
            throw new WebpFormatException("WebP: truncated file (RIFF declares " + riffSize + " bytes, "
                    + (data.length - 8) + " present)");
        }
        int end = (int) (riffSize + 8); // trailing bytes after the RIFF chunk are ignored
        int pos = 12;
        if (end - pos < 8) {
            throw new WebpFormatException("WebP: no chunk after the RIFF header");
        }
        String first = tag(data, pos);
        if (first.equals("VP8 ") || first.equals("VP8L")) {
            return image(data, pos, end, first, false, 0, 0, -1, -1);
        }
        if (!first.equals("VP8X")) {
            throw new WebpFormatException("WebP: unexpected first chunk '" + printable(first) + "'");
        }
        long vp8xSize = le32(data, pos + 4);
        if (vp8xSize != 10) {
            throw new WebpFormatException("WebP: VP8X chunk of " + vp8xSize + " bytes instead of 10");
        }
        if (end - pos < 18) {
            throw new WebpFormatException("WebP: truncated VP8X chunk");
        }
        int flags = (int) le32(data, pos + 8);
        int canvasW = 1 + le24(data, pos + 12);
        int canvasH = 1 + le24(data, pos + 15);
        if ((long) canvasW * canvasH >= (1L << 32)) {
            throw new WebpFormatException("WebP: canvas " + canvasW + "x" + canvasH + " is too large");
        }
        pos += 18;
        if ((flags & ANIMATION_FLAG) != 0) {
            return new Info(Kind.ANIMATED, canvasW, canvasH, -1, -1, -1, -1);
        }
        int alphaOff = -1;
        int alphaLen = -1;
        for (int n = 0; ; n++) {
            if (n > MAX_CHUNKS) {
                throw new WebpFormatException("WebP: too many chunks");
            }
            if (end - pos < 8) {
                throw new WebpFormatException("WebP: extended file without an image chunk");
            }
            String t = tag(data, pos);
            if (t.equals("VP8 ") || t.equals("VP8L")) {
                return image(data, pos, end, t, true, canvasW, canvasH, alphaOff, alphaLen);
            }
            long size = le32(data, pos + 4);
            if (size > MAX_CHUNK_PAYLOAD) {
                throw new WebpFormatException("WebP: chunk '" + printable(t) + "' has an invalid size");
            }
            long disk = (8 + size + 1) & ~1L;
            if (disk > end - pos) {
                throw new WebpFormatException("WebP: chunk '" + printable(t) + "' runs past the end of the file");
            }
            if (t.equals("ALPH")) {
                alphaOff = pos + 8;
                alphaLen = (int) size;
            }
            pos += (int) disk;
        }
    }

    private static Info image(byte[] data, int pos, int end, String tag, boolean extended, int canvasW,
                              int canvasH, int alphaOff, int alphaLen) throws WebpFormatException {
        long size = le32(data, pos + 4);
        if (size > end - pos - 8L) {
            throw new WebpFormatException("WebP: " + tag.trim() + " chunk of " + size + " bytes runs past the end of "
                    + "the file");
        }
        int off = pos + 8;
        int len = (int) size;
        if (tag.equals("VP8L")) {
            int w = canvasW;
            int h = canvasH;
            if (len >= 5 && (data[off] & 0xFF) == 0x2f) {
                long bits = le32(data, off + 1);
                w = (int) (bits & 0x3fff) + 1;
                h = (int) ((bits >> 14) & 0x3fff) + 1;
            }
            return new Info(Kind.LOSSLESS, w, h, off, len, -1, -1);
        }
        int[] wh = Vp8Decoder.dimensions(data, off, len);
        if (extended && (wh[0] != canvasW || wh[1] != canvasH)) {
            throw new WebpFormatException("WebP: VP8 frame " + wh[0] + "x" + wh[1] + " differs from the canvas "
                    + canvasW + "x" + canvasH);
        }
        return new Info(Kind.LOSSY, wh[0], wh[1], off, len, extended ? alphaOff : -1, extended ? alphaLen : -1);
    }

    static String tag(byte[] b, int off) {
        return new String(b, off, 4, StandardCharsets.ISO_8859_1);
    }

    private static String printable(String tag) {
        StringBuilder sb = new StringBuilder();
        for (char c : tag.toCharArray()) {
            sb.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return sb.toString();
    }

    static long le32(byte[] b, int off) {
        return (b[off] & 0xFFL) | (b[off + 1] & 0xFFL) << 8 | (b[off + 2] & 0xFFL) << 16 | (b[off + 3] & 0xFFL) << 24;
    }

    static int le24(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8 | (b[off + 2] & 0xFF) << 16;
    }
}
