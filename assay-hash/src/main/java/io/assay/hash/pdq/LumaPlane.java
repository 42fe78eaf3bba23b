package io.assay.hash.pdq;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.color.ColorSpace;

/**
 * A row-major float luma plane made from a decoded image, optionally resampled to a fixed size by nearest
 * neighbour (the C++ reference's 512x512 shortcut). Pixels are read straight from the raster's data buffer when it
 * is a plain interleaved byte layout, and a row at a time otherwise; never one {@code getRGB} call per pixel.
 *
 * <p>Colour handling: grey images use the sample itself (as the reference does for one-channel images); anything
 * with colour becomes R, G, B first and then Y = 0.299 R + 0.587 G + 0.114 B in single precision. Alpha is ignored
 * without compositing, as HMA's hasher (Pillow's {@code convert("RGB")}) does: the C++ reference refuses images
 * with an alpha channel. 16-bit samples keep their high byte, as libpng's strip-16 does. Colour spaces other than
 * sRGB and grey (CMYK, YCCK, Lab) are converted to sRGB by the colour model, a row at a time.
 */
public record LumaPlane(float[] luma, int width, int height) {

    private static final float R = 0.299f;
    private static final float G = 0.587f;
    private static final float B = 0.114f;

    /** The whole image at its own size. */
    public static LumaPlane of(BufferedImage image) {
        return of(image, image.getWidth(), image.getHeight());
    }

    /**
     * The image sampled to {@code outW x outH}: output column x reads source column floor(x * W / outW), row y
     * reads floor(y * H / outH), as CImg's nearest-neighbour resize does.
     */
    public static LumaPlane of(BufferedImage image, int outW, int outH) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] cols = new int[outW];
        for (int x = 0; x < outW; x++) {
            cols[x] = (int) ((long) x * w / outW);
        }
        float[] out = new float[outW * outH];
        RowReader reader = RowReader.of(image);
        int lastRow = -1;
        float[] row = new float[w];
        for (int y = 0; y < outH; y++) {
            int sy = (int) ((long) y * h / outH);
            int base = y * outW;
            if (sy == lastRow) {
                System.arraycopy(out, base - outW, out, base, outW);
            } else {
                reader.readSampled(sy, cols, out, base, row);
                lastRow = sy;
            }
        }
        return new LumaPlane(out, outW, outH);
    }

    /**
     * A JPEG's upsampled YCbCr raster (three byte bands) sampled to {@code outW x outH} like {@link #of(BufferedImage,
     * int, int)}; each sampled pixel is converted to RGB with libjpeg's tables, then to luma.
     */
    static LumaPlane ofYcc(Raster ycc, int outW, int outH) {
        int w = ycc.getWidth();
        int h = ycc.getHeight();
        int[] cols = new int[outW];
        for (int x = 0; x < outW; x++) {
            cols[x] = (int) ((long) x * w / outW);
        }
        float[] out = new float[outW * outH];
        int[] row = new int[w * 3];
        int lastRow = -1;
        for (int y = 0; y < outH; y++) {
            int sy = (int) ((long) y * h / outH);
            int base = y * outW;
            if (sy == lastRow) {
                System.arraycopy(out, base - outW, out, base, outW);
                continue;
            }
            ycc.getPixels(ycc.getMinX(), ycc.getMinY() + sy, w, 1, row);
            for (int x = 0; x < outW; x++) {
                int p = cols[x] * 3;
                int yy = row[p];
                int cb = row[p + 1];
                int cr = row[p + 2];
                out[base + x] = R * JfifYcc.red(yy, cr) + G * JfifYcc.green(yy, cb, cr) + B * JfifYcc.blue(yy, cb);
            }
            lastRow = sy;
        }
        return new LumaPlane(out, outW, outH);
    }

    /** Interleaved 8-bit RGB (a decoded video frame) at full size. */
    public static LumaPlane ofRgb(byte[] rgb, int width, int height) {
        if (rgb.length < 3L * width * height) {
            throw new IllegalArgumentException("RGB buffer holds " + rgb.length + " bytes, not " + width + "x" + height + "x3");
        }
        float[] out = new float[width * height];
        for (int i = 0, p = 0; i < out.length; i++, p += 3) {
            out[i] = R * (rgb[p] & 0xFF) + G * (rgb[p + 1] & 0xFF) + B * (rgb[p + 2] & 0xFF);
        }
        return new LumaPlane(out, width, height);
    }

    /** Reads one image row as luma. */
    private interface RowReader {

        void read(int y, float[] out);

        /**
         * The luma of row {@code y} at source columns {@code cols}, into {@code out} from {@code offset}. The
         * default reads the whole row into {@code row} (one image row long) and picks; readers with direct access
         * compute only the sampled pixels (the same float operations per pixel, so the same values).
         */
        default void readSampled(int y, int[] cols, float[] out, int offset, float[] row) {
            read(y, row);
            for (int x = 0; x < cols.length; x++) {
                out[offset + x] = row[cols[x]];
            }
        }

        static RowReader of(BufferedImage image) {
            Raster raster = image.getRaster();
            ColorModel cm = image.getColorModel();
            int bands = raster.getNumBands();
            ColorSpace cs = cm.getColorSpace();
            boolean grey = cs.getType() == ColorSpace.TYPE_GRAY && !(cm instanceof IndexColorModel);
            boolean rgb = cs.getType() == ColorSpace.TYPE_RGB && !(cm instanceof IndexColorModel);
            if (raster.getDataBuffer() instanceof DataBufferByte db && db.getNumBanks() == 1
                    && raster.getSampleModel() instanceof PixelInterleavedSampleModel sm
                    && cm instanceof ComponentColorModel && (grey || rgb)) {
                return interleavedBytes(raster, db.getData(), sm, grey);
            }
            if (cm instanceof IndexColorModel icm) {
                return indexed(raster, icm);
            }
            if ((grey || rgb) && cm instanceof ComponentColorModel
                    && (raster.getTransferType() == DataBuffer.TYPE_BYTE || raster.getTransferType() == DataBuffer.TYPE_USHORT)) {
                int shift = raster.getTransferType() == DataBuffer.TYPE_USHORT ? 8 : 0;
                return components(raster, grey, shift, bands);
            }
            if (cm.getColorSpace().isCS_sRGB() || cm instanceof java.awt.image.DirectColorModel) {
                return packedRgb(image);
            }
            return converted(image);
        }

        private static RowReader interleavedBytes(Raster raster, byte[] data, PixelInterleavedSampleModel sm, boolean grey) {
            int stride = sm.getScanlineStride();
            int pixel = sm.getPixelStride();
            int[] off = sm.getBandOffsets();
            int dx = raster.getSampleModelTranslateX();
            int dy = raster.getSampleModelTranslateY();
            int base = -dy * stride - dx * pixel;
            int w = raster.getWidth();
            if (grey) {
                int o0 = off[0];
                return new RowReader() {
                    @Override
                    public void read(int y, float[] out) {
                        int p = base + y * stride + o0;
                        for (int x = 0; x < w; x++, p += pixel) {
                            out[x] = data[p] & 0xFF;
                        }
                    }

                    @Override
                    public void readSampled(int y, int[] cols, float[] out, int offset, float[] unused) {
                        int p = base + y * stride + o0;
                        for (int x = 0; x < cols.length; x++) {
                            out[offset + x] = data[p + cols[x] * pixel] & 0xFF;
                        }
                    }
                };
            }
            int or = off[0];
            int og = off[1];
            int ob = off[2];
            return new RowReader() {
                @Override
                public void read(int y, float[] out) {
                    int p = base + y * stride;
                    for (int x = 0; x < w; x++, p += pixel) {
                        out[x] = R * (data[p + or] & 0xFF) + G * (data[p + og] & 0xFF) + B * (data[p + ob] & 0xFF);
                    }
                }

                @Override
                public void readSampled(int y, int[] cols, float[] out, int offset, float[] unused) {
                    int row = base + y * stride;
                    for (int x = 0; x < cols.length; x++) {
                        int p = row + cols[x] * pixel;
                        out[offset + x] = R * (data[p + or] & 0xFF) + G * (data[p + og] & 0xFF) + B * (data[p + ob] & 0xFF);
                    }
                }
            };
        }

        private static RowReader indexed(Raster raster, IndexColorModel icm) {
            int n = icm.getMapSize();
            byte[] r = new byte[n];
            byte[] g = new byte[n];
            byte[] b = new byte[n];
            icm.getReds(r);
            icm.getGreens(g);
            icm.getBlues(b);
            // A palette whose entries are all grey (1-bit and grey PNGs decoded as indexed) is read as grey samples.
            boolean allGrey = true;
            for (int i = 0; i < n && allGrey; i++) {
                allGrey = r[i] == g[i] && g[i] == b[i];
            }
            float[] lut = new float[n];
            for (int i = 0; i < n; i++) {
                lut[i] = allGrey ? (r[i] & 0xFF) : R * (r[i] & 0xFF) + G * (g[i] & 0xFF) + B * (b[i] & 0xFF);
            }
            int w = raster.getWidth();
            int[] row = new int[w];
            return (y, out) -> {
                raster.getSamples(raster.getMinX(), raster.getMinY() + y, w, 1, 0, row);
                for (int x = 0; x < w; x++) {
                    int v = row[x];
                    out[x] = v < n ? lut[v] : 0f;
                }
            };
        }

        private static RowReader components(Raster raster, boolean grey, int shift, int bands) {
            int w = raster.getWidth();
            int[] row = new int[w * bands];
            return (y, out) -> {
                raster.getPixels(raster.getMinX(), raster.getMinY() + y, w, 1, row);
                for (int x = 0, p = 0; x < w; x++, p += bands) {
                    if (grey) {
                        out[x] = row[p] >>> shift;
                    } else {
                        out[x] = R * (row[p] >>> shift) + G * (row[p + 1] >>> shift) + B * (row[p + 2] >>> shift);
                    }
                }
            };
        }

        private static RowReader packedRgb(BufferedImage image) {
            int w = image.getWidth();
            int[] row = new int[w];
            return (y, out) -> {
                image.getRGB(0, y, w, 1, row, 0, w); // one call per row, converted by the colour model
                for (int x = 0; x < w; x++) {
                    int c = row[x];
                    out[x] = R * ((c >>> 16) & 0xFF) + G * ((c >>> 8) & 0xFF) + B * (c & 0xFF);
                }
            };
        }

        private static RowReader converted(BufferedImage image) {
            // CMYK, Lab and other colour spaces: let the colour model map each row to sRGB.
            return packedRgb(image);
        }
    }
}
