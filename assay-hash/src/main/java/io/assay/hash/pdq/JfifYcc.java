package io.assay.hash.pdq;

import org.w3c.dom.Node;

import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import java.io.IOException;

/**
 * libjpeg's YCbCr to RGB conversion (jdcolor.c: 16-bit fixed point, rounded table entries, clamped), for the JPEG
 * fast path of {@link PdqHasher}: converting only sampled pixels gives the same RGB as letting the decoder
 * convert every pixel.
 */
final class JfifYcc {

    private static final int SCALEBITS = 16;
    private static final long ONE_HALF = 1L << (SCALEBITS - 1);
    static final int[] CR_R = new int[256];
    static final int[] CB_B = new int[256];
    static final long[] CR_G = new long[256];
    static final long[] CB_G = new long[256];

    static {
        for (int i = 0; i < 256; i++) {
            long x = i - 128;
            CR_R[i] = (int) ((fix(1.40200) * x + ONE_HALF) >> SCALEBITS);
            CB_B[i] = (int) ((fix(1.77200) * x + ONE_HALF) >> SCALEBITS);
            CR_G[i] = -fix(0.71414) * x;
            CB_G[i] = -fix(0.34414) * x + ONE_HALF;
        }
    }

    private JfifYcc() {
    }

    private static long fix(double v) {
        return (long) (v * (1L << SCALEBITS) + 0.5);
    }

    static int clamp(int v) {
        return v < 0 ? 0 : Math.min(v, 255);
    }

    /** R, G, B of one YCbCr sample, as libjpeg computes them. */
    static int red(int y, int cr) {
        return clamp(y + CR_R[cr]);
    }

    static int green(int y, int cb, int cr) {
        return clamp(y + (int) ((CB_G[cb] + CR_G[cr]) >> SCALEBITS));
    }

    static int blue(int y, int cb) {
        return clamp(y + CB_B[cb]);
    }

    /**
     * Only the JDK's own JPEG reader, on a three-component JFIF file without an embedded ICC profile or an Adobe
     * marker: the case where it converts YCbCr to RGB with exactly the tables above and nothing else.
     */
    static boolean eligible(ImageReader reader) throws IOException {
        if (!reader.getClass().getName().equals("com.sun.imageio.plugins.jpeg.JPEGImageReader")) {
            return false;
        }
        IIOMetadata meta;
        try {
            meta = reader.getImageMetadata(0);
        } catch (javax.imageio.IIOException e) {
            return false; // metadata the JDK cannot model (e.g. odd JFIF thumbnails): take the ordinary path
        }
        if (meta == null || !java.util.Arrays.asList(meta.getMetadataFormatNames()).contains("javax_imageio_jpeg_image_1.0")) {
            return false;
        }
        Node root = meta.getAsTree("javax_imageio_jpeg_image_1.0");
        Node jfif = find(root, "app0JFIF");
        return jfif != null && find(jfif, "app2ICC") == null && find(root, "app14Adobe") == null
                && count(find(root, "sof"), "componentSpec") == 3;
    }

    private static Node find(Node n, String name) {
        if (n == null) {
            return null;
        }
        if (name.equals(n.getNodeName())) {
            return n;
        }
        for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
            Node f = find(c, name);
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    private static int count(Node n, String name) {
        int k = 0;
        if (n != null) {
            for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
                if (name.equals(c.getNodeName())) {
                    k++;
                }
            }
        }
        return k;
    }
}
