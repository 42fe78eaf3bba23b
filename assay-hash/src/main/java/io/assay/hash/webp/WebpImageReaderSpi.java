package io.assay.hash.webp;

import javax.imageio.ImageReader;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.spi.ServiceRegistry;
import javax.imageio.stream.ImageInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;

/**
 * Registers {@link WebpImageReader} with ImageIO (through {@code META-INF/services}). It claims only lossy WebP
 * files, simple or extended, still images: lossless (VP8L) and animated files are left to other readers. When
 * registered after another WebP reader, it asks the registry to be ordered before it; when registered first (its
 * classes earlier on the class path), ImageIO's order between the two is unspecified, so callers that must get
 * libwebp-identical pixels pick the reader explicitly (as {@code io.assay.hash.pdq.ImageDecoders} does).
 */
public final class WebpImageReaderSpi extends ImageReaderSpi {

    /** Chunks scanned in an extended file before giving up on finding the image chunk. */
    private static final int MAX_SCANNED_CHUNKS = 64;

    public WebpImageReaderSpi() {
        super("Assay", "1.0", new String[] {"webp", "WebP", "WEBP"}, new String[] {"webp"},
                new String[] {"image/webp"}, WebpImageReader.class.getName(), new Class<?>[] {ImageInputStream.class},
                null, false, null, null, null, null, false, null, null, null, null);
    }

    @Override
    public String getDescription(Locale locale) {
        return "Lossy WebP (VP8) reader, identical to libwebp's decoding";
    }

    @Override
    public ImageReader createReaderInstance(Object extension) {
        return new WebpImageReader(this);
    }

    @Override
    public void onRegistration(ServiceRegistry registry, Class<?> category) {
        Iterator<ImageReaderSpi> it = registry.getServiceProviders(ImageReaderSpi.class, false);
        while (it.hasNext()) {
            ImageReaderSpi other = it.next();
            if (other != this && Arrays.stream(other.getFormatNames()).anyMatch("webp"::equalsIgnoreCase)) {
                registry.setOrdering(ImageReaderSpi.class, this, other);
            }
        }
    }

    @Override
    public boolean canDecodeInput(Object source) throws IOException {
        if (!(source instanceof ImageInputStream in)) {
            return false;
        }
        in.mark();
        try {
            return isLossyStill(in);
        } finally {
            in.reset();
        }
    }

    static boolean isLossyStill(ImageInputStream in) throws IOException {
        byte[] b = new byte[12];
        if (!readFully(in, b, 12) || !WebpContainer.isWebp(b)) {
            return false;
        }
        if (!readFully(in, b, 8)) {
            return false;
        }
        String tag = WebpContainer.tag(b, 0);
        if (tag.equals("VP8 ")) {
            return true;
        }
        if (!tag.equals("VP8X") || WebpContainer.le32(b, 4) != 10) {
            return false;
        }
        byte[] vp8x = new byte[10];
        if (!readFully(in, vp8x, 10) || (vp8x[0] & 0x02) != 0) { // animation flag
            return false;
        }
        for (int n = 0; n < MAX_SCANNED_CHUNKS; n++) {
            if (!readFully(in, b, 8)) {
                return false;
            }
            tag = WebpContainer.tag(b, 0);
            if (tag.equals("VP8 ")) {
                return true;
            }
            if (tag.equals("VP8L")) {
                return false;
            }
            long size = WebpContainer.le32(b, 4);
            long skip = size + (size & 1);
            if (in.skipBytes(skip) != skip) {
                return false;
            }
        }
        return false;
    }

    private static boolean readFully(ImageInputStream in, byte[] b, int len) throws IOException {
        int n = 0;
        while (n < len) {
            int r = in.read(b, n, len - n);
            if (r < 0) {
                return false;
            }
            n += r;
        }
        return true;
    }
}
