package io.assay.hash.webp;

import javax.imageio.IIOException;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * ImageIO reader for lossy WebP (see {@link WebpDecoder}). One image per file; no metadata. The whole RIFF chunk
 * is read into memory on first use (never more than the RIFF header declares). A read parameter's source region
 * and subsampling are honoured by cropping the decoded image; other parameters are ignored.
 */
public final class WebpImageReader extends ImageReader {

    private byte[] file;
    private WebpContainer.Info info;

    private boolean decodeAlpha = true;

    /**
     * Whether to decode the alpha plane (default true). Off, a VP8L-compressed alpha plane is never handed to the
     * lossless decoder, which can spin on hostile input (see {@link WebpDecoder#decode(byte[], long, boolean)}).
     */
    public void setDecodeAlpha(boolean decodeAlpha) {
        this.decodeAlpha = decodeAlpha;
    }

    public WebpImageReader(WebpImageReaderSpi spi) {
        super(spi);
    }

    @Override
    public void setInput(Object input, boolean seekForwardOnly, boolean ignoreMetadata) {
        super.setInput(input, seekForwardOnly, ignoreMetadata);
        file = null;
        info = null;
    }

    @Override
    public void reset() {
        super.reset();
        file = null;
        info = null;
    }

    private WebpContainer.Info info() throws IOException {
        if (info == null) {
            if (!(input instanceof ImageInputStream in)) {
                throw new IllegalStateException("no input set");
            }
            file = readRiff(in);
            info = WebpContainer.parse(file);
            if (info.kind() != WebpContainer.Kind.LOSSY) {
                throw new IIOException("WebP: only lossy (VP8) images are read by this reader, not "
                        + info.kind().name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return info;
    }

    /** The RIFF chunk: 8 header bytes plus the declared size, read in bounded steps. */
    static byte[] readRiff(ImageInputStream in) throws IOException {
        byte[] head = new byte[12];
        in.readFully(head);
        if (!WebpContainer.isWebp(head)) {
            throw new WebpFormatException("not a WebP file (no RIFF/WEBP signature)");
        }
        long riffSize = WebpContainer.le32(head, 4);
        long total = riffSize + 8;
        if (riffSize < 12 || total > Integer.MAX_VALUE - 16) {
            throw new WebpFormatException("WebP: invalid RIFF size " + riffSize);
        }
        byte[] buf = Arrays.copyOf(head, (int) Math.min(total, 1 << 16));
        int n = 12;
        while (n < total) {
            if (n == buf.length) {
                buf = Arrays.copyOf(buf, (int) Math.min(total, 2L * buf.length));
            }
            int r = in.read(buf, n, buf.length - n);
            if (r < 0) {
                throw new WebpFormatException("WebP: truncated file (RIFF declares " + riffSize + " bytes, " + (n - 8)
                        + " present)");
            }
            n += r;
        }
        return buf;
    }

    private void checkIndex(int imageIndex) {
        if (imageIndex != 0) {
            throw new IndexOutOfBoundsException("a WebP file holds one image: index " + imageIndex);
        }
    }

    @Override
    public int getNumImages(boolean allowSearch) {
        return 1;
    }

    @Override
    public int getWidth(int imageIndex) throws IOException {
        checkIndex(imageIndex);
        return info().width();
    }

    @Override
    public int getHeight(int imageIndex) throws IOException {
        checkIndex(imageIndex);
        return info().height();
    }

    @Override
    public Iterator<ImageTypeSpecifier> getImageTypes(int imageIndex) throws IOException {
        checkIndex(imageIndex);
        int type = info().hasAlpha() ? BufferedImage.TYPE_4BYTE_ABGR : BufferedImage.TYPE_3BYTE_BGR;
        return List.of(ImageTypeSpecifier.createFromBufferedImageType(type)).iterator();
    }

    @Override
    public IIOMetadata getStreamMetadata() {
        return null;
    }

    @Override
    public IIOMetadata getImageMetadata(int imageIndex) {
        checkIndex(imageIndex);
        return null;
    }

    @Override
    public BufferedImage read(int imageIndex, ImageReadParam param) throws IOException {
        checkIndex(imageIndex);
        info();
        processImageStarted(imageIndex);
        BufferedImage img = WebpDecoder.decode(file, WebpDecoder.DEFAULT_MAX_PIXELS, decodeAlpha).toBufferedImage();
        if (param != null) {
            img = applyRegion(img, param);
        }
        processImageComplete();
        return img;
    }

    private static BufferedImage applyRegion(BufferedImage img, ImageReadParam param) throws IIOException {
        Rectangle region = new Rectangle(0, 0, img.getWidth(), img.getHeight());
        if (param.getSourceRegion() != null) {
            region = region.intersection(param.getSourceRegion());
        }
        int sx = param.getSourceXSubsampling();
        int sy = param.getSourceYSubsampling();
        int ox = param.getSubsamplingXOffset();
        int oy = param.getSubsamplingYOffset();
        if (region.width == img.getWidth() && region.height == img.getHeight() && sx == 1 && sy == 1 && ox == 0
                && oy == 0) {
            return img;
        }
        region.x += ox;
        region.y += oy;
        region.width -= ox;
        region.height -= oy;
        if (region.width <= 0 || region.height <= 0) {
            throw new IIOException("the source region is empty");
        }
        int w = (region.width + sx - 1) / sx;
        int h = (region.height + sy - 1) / sy;
        BufferedImage out = new BufferedImage(w, h, img.getType());
        Raster src = img.getRaster();
        WritableRaster dst = out.getRaster();
        int bands = src.getNumBands();
        int[] px = new int[bands];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                src.getPixel(region.x + x * sx, region.y + y * sy, px);
                dst.setPixel(x, y, px);
            }
        }
        return out;
    }
}
