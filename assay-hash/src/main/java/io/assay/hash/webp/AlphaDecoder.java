package io.assay.hash.webp;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;

/**
 * Decodes the {@code ALPH} chunk of an extended lossy WebP file into a {@code width x height} alpha plane.
 *
 * <p>The chunk's first byte gives the compression (raw bytes, or a VP8L lossless image stream whose green channel
 * holds the alpha values), the prediction filter (none, horizontal, vertical, gradient) and a pre-processing hint
 * that needs no action when decoding. Raw alpha is decoded here. VP8L-compressed alpha is wrapped into a minimal
 * lossless WebP file and handed to another installed ImageIO WebP reader (TwelveMonkeys'); the filter is then
 * undone here, as libwebp does. If no such reader is installed, the alpha plane cannot be decoded.
 */
final class AlphaDecoder {

    private static final int FILTER_NONE = 0;
    private static final int FILTER_HORIZONTAL = 1;
    private static final int FILTER_VERTICAL = 2;

    private AlphaDecoder() {
    }

    static byte[] decode(byte[] data, int off, int len, int width, int height) throws WebpFormatException {
        if (len <= 1) {
            throw new WebpFormatException("WebP: empty ALPH chunk");
        }
        int header = data[off] & 0xFF;
        int method = header & 3;
        int filter = (header >> 2) & 3;
        int preprocessing = (header >> 4) & 3;
        int reserved = header >> 6;
        if (method > 1 || preprocessing > 1 || reserved != 0) {
            throw new WebpFormatException("WebP: invalid ALPH header 0x" + Integer.toHexString(header));
        }
        int pixels = Math.multiplyExact(width, height);
        byte[] deltas;
        if (method == 0) {
            if (len - 1 < pixels) {
                throw new WebpFormatException("WebP: uncompressed ALPH chunk holds " + (len - 1) + " bytes, not "
                        + pixels);
            }
            deltas = new byte[pixels];
            System.arraycopy(data, off + 1, deltas, 0, pixels);
        } else {
            deltas = decodeLossless(data, off + 1, len - 1, width, height);
        }
        return unfilter(deltas, width, height, filter);
    }

    /** Undoes the prediction filter in place, row by row, as libwebp's unfilters do. */
    static byte[] unfilter(byte[] a, int width, int height, int filter) {
        if (filter == FILTER_NONE) {
            return a;
        }
        for (int y = 0; y < height; y++) {
            int row = y * width;
            int prev = row - width;
            if (y == 0 || filter == FILTER_HORIZONTAL) {
                int pred = y == 0 ? 0 : a[prev] & 0xFF;
                for (int x = 0; x < width; x++) {
                    pred = (pred + a[row + x]) & 0xFF;
                    a[row + x] = (byte) pred;
                }
            } else if (filter == FILTER_VERTICAL) {
                for (int x = 0; x < width; x++) {
                    a[row + x] = (byte) (a[prev + x] + a[row + x]);
                }
            } else { // gradient
                int top;
                int topLeft = a[prev] & 0xFF;
                int left = topLeft;
                for (int x = 0; x < width; x++) {
                    top = a[prev + x] & 0xFF;
                    int g = left + top - topLeft;
                    g = g < 0 ? 0 : g > 255 ? 255 : g;
                    left = (a[row + x] + g) & 0xFF;
                    topLeft = top;
                    a[row + x] = (byte) left;
                }
            }
        }
        return a;
    }

    /** The green channel of the VP8L image stream, decoded by another installed WebP reader. */
    private static byte[] decodeLossless(byte[] data, int off, int len, int width, int height)
            throws WebpFormatException {
        // RIFF header, "VP8L" chunk: signature byte, 14-bit width-1, 14-bit height-1, alpha bit, version 0.
        int payload = 5 + len;
        int padded = payload + (payload & 1);
        byte[] file = new byte[12 + 8 + padded];
        putTag(file, 0, "RIFF");
        putLe32(file, 4, 4 + 8 + padded);
        putTag(file, 8, "WEBP");
        putTag(file, 12, "VP8L");
        putLe32(file, 16, payload);
        file[20] = 0x2f;
        int bits = (width - 1) | (height - 1) << 14;
        putLe32(file, 21, bits);
        System.arraycopy(data, off, file, 25, len);
        ImageReader reader = losslessReader();
        if (reader == null) {
            throw new WebpFormatException("WebP: the alpha plane is VP8L-compressed and no lossless WebP reader is "
                    + "installed");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(file))) {
            reader.setInput(in, true, true);
            BufferedImage img = reader.read(0);
            if (img.getWidth() != width || img.getHeight() != height) {
                throw new WebpFormatException("WebP: alpha plane decoded as " + img.getWidth() + "x"
                        + img.getHeight() + ", expected " + width + "x" + height);
            }
            byte[] out = new byte[Math.multiplyExact(width, height)];
            int[] row = new int[width];
            for (int y = 0; y < height; y++) {
                img.getRGB(0, y, width, 1, row, 0, width);
                for (int x = 0; x < width; x++) {
                    out[y * width + x] = (byte) (row[x] >> 8);
                }
            }
            return out;
        } catch (WebpFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new WebpFormatException("WebP: cannot decode the VP8L-compressed alpha plane: " + e.getMessage(), e);
        } finally {
            reader.dispose();
        }
    }

    private static ImageReader losslessReader() {
        Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName("webp");
        ImageReader pick = null;
        while (it.hasNext()) {
            ImageReader r = it.next();
            if (pick == null && !(r instanceof WebpImageReader)) {
                pick = r;
            } else {
                r.dispose();
            }
        }
        return pick;
    }

    private static void putTag(byte[] b, int off, String tag) {
        for (int i = 0; i < 4; i++) {
            b[off + i] = (byte) tag.charAt(i);
        }
    }

    private static void putLe32(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >> 8);
        b[off + 2] = (byte) (v >> 16);
        b[off + 3] = (byte) (v >>> 24);
    }
}
