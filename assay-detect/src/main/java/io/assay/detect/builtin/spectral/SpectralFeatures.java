package io.assay.detect.builtin.spectral;

import io.assay.detect.builtin.Fft;

import java.util.ArrayList;
import java.util.List;

/**
 * The frequency-domain features of an image's luma: the power spectrum of 128x128 Hann-windowed tiles, averaged
 * over up to 16 tiles spread over the image, summarised as
 * <ul>
 *   <li>the azimuthally averaged log power in 8 equal radial bands up to the Nyquist radius and in the corners
 *       beyond it, each relative to the lowest band (the spectral slope; up-sampling leaves the upper bands empty
 *       or filled with mirrored replicas);</li>
 *   <li>the share of power above half the Nyquist radius;</li>
 *   <li>for periods 2, 4 and 8 pixels, how far the spectrum at the frequencies of that period rises over its
 *       neighbourhood (the periodic peaks of nearest-neighbour and transposed-convolution up-sampling, the
 *       "checkerboard" of GAN and diffusion decoders; period 8 is also JPEG's block grid).</li>
 * </ul>
 */
public final class SpectralFeatures {

    public static final int TILE = 128;
    public static final int MAX_TILES = 16;
    private static final int BANDS = 8;
    private static final double EPS = 1e-12;

    public static final List<String> NAMES = names();

    private static final double[] WINDOW = hann(TILE);

    private SpectralFeatures() {
    }

    private static List<String> names() {
        List<String> n = new ArrayList<>();
        for (int b = 1; b < BANDS; b++) {
            n.add("band" + b + "_vs_band0");
        }
        n.add("corner_vs_band0");
        n.add("high_share");
        n.add("peak_period2");
        n.add("peak_period4");
        n.add("peak_period8");
        return List.copyOf(n);
    }

    /** Whether the image is large enough for one tile. */
    public static boolean fits(LumaPlane luma) {
        return luma.width() >= TILE && luma.height() >= TILE;
    }

    /** The features of an image (at least one tile in size). */
    public static double[] of(LumaPlane luma) {
        return summarise(averageSpectrum(luma.width(), luma.height(), luma::crop));
    }

    /**
     * The features of a decoded image, reading only the tiles' pixels: a 64-megapixel upload costs 16 tiles of
     * luma, not a plane of the whole image (and is never shrunk, which would wipe out the traces looked for).
     */
    public static double[] of(java.awt.image.BufferedImage image) {
        return summarise(averageSpectrum(image.getWidth(), image.getHeight(),
                (x, y, w, h) -> LumaPlane.of(image.getSubimage(x, y, w, h))));
    }

    /**
     * The features of several images of one size (a video's sampled frames): their tile spectra averaged
     * together, so a trace in every frame adds up and one frame's content matters less.
     */
    public static double[] ofFrames(java.util.List<java.awt.image.BufferedImage> frames) {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("no frames");
        }
        double[][] sum = new double[TILE][TILE];
        for (java.awt.image.BufferedImage f : frames) {
            double[][] p = averageSpectrum(f.getWidth(), f.getHeight(), (x, y, w, h) -> LumaPlane.of(f.getSubimage(x, y, w, h)));
            for (int u = 0; u < TILE; u++) {
                for (int v = 0; v < TILE; v++) {
                    sum[u][v] += p[u][v] / frames.size();
                }
            }
        }
        return summarise(sum);
    }

    /** Reads one tile of luma. */
    @FunctionalInterface
    public interface TileReader {
        LumaPlane read(int x, int y, int w, int h);
    }

    /** The mean power spectrum (TILE x TILE, DC at [0][0]) of up to MAX_TILES tiles on an even grid. */
    public static double[][] averageSpectrum(int width, int height, TileReader tiles) {
        if (width < TILE || height < TILE) {
            throw new IllegalArgumentException("image of " + width + "x" + height + " is smaller than one " + TILE + "px tile");
        }
        int nx = Math.min(4, width / TILE);
        int ny = Math.min(4, height / TILE);
        double[][] sum = new double[TILE][TILE];
        for (int ty = 0; ty < ny; ty++) {
            for (int tx = 0; tx < nx; tx++) {
                int x = nx == 1 ? (width - TILE) / 2 : tx * (width - TILE) / (nx - 1);
                int y = ny == 1 ? (height - TILE) / 2 : ty * (height - TILE) / (ny - 1);
                addTileSpectrum(tiles.read(x, y, TILE, TILE), 0, 0, sum);
            }
        }
        double n = nx * ny;
        for (double[] row : sum) {
            for (int v = 0; v < TILE; v++) {
                row[v] /= n;
            }
        }
        return sum;
    }

    private static void addTileSpectrum(LumaPlane luma, int x0, int y0, double[][] sum) {
        double mean = 0;
        for (int y = 0; y < TILE; y++) {
            for (int x = 0; x < TILE; x++) {
                mean += luma.at(x0 + x, y0 + y);
            }
        }
        mean /= TILE * TILE;
        double[][] re = new double[TILE][TILE];
        double[][] im = new double[TILE][TILE];
        for (int y = 0; y < TILE; y++) {
            for (int x = 0; x < TILE; x++) {
                re[y][x] = (luma.at(x0 + x, y0 + y) - mean) * WINDOW[x] * WINDOW[y];
            }
            Fft.transform(re[y], im[y]);
        }
        double[] cr = new double[TILE];
        double[] ci = new double[TILE];
        for (int x = 0; x < TILE; x++) {
            for (int y = 0; y < TILE; y++) {
                cr[y] = re[y][x];
                ci[y] = im[y][x];
            }
            Fft.transform(cr, ci);
            for (int y = 0; y < TILE; y++) {
                sum[y][x] += cr[y] * cr[y] + ci[y] * ci[y];
            }
        }
    }

    /** The feature vector of a mean power spectrum. */
    public static double[] summarise(double[][] p) {
        double[] bandSum = new double[BANDS + 1]; // the last: corners beyond the Nyquist radius
        int[] bandCount = new int[BANDS + 1];
        double total = 0;
        double high = 0;
        int half = TILE / 2;
        for (int u = 0; u < TILE; u++) {
            int fu = u < half ? u : u - TILE;
            for (int v = 0; v < TILE; v++) {
                int fv = v < half ? v : v - TILE;
                if (fu == 0 && fv == 0) {
                    continue;
                }
                double r = Math.sqrt((double) fu * fu + (double) fv * fv) / half;
                int b = r > 1 ? BANDS : Math.min(BANDS - 1, (int) (r * BANDS));
                bandSum[b] += p[u][v];
                bandCount[b]++;
                total += p[u][v];
                if (r > 0.5) {
                    high += p[u][v];
                }
            }
        }
        double[] f = new double[NAMES.size()];
        double base = Math.log10(bandSum[0] / bandCount[0] + EPS);
        for (int b = 1; b <= BANDS; b++) {
            f[b - 1] = Math.log10(bandSum[b] / bandCount[b] + EPS) - base;
        }
        f[BANDS] = high / (total + EPS);
        f[BANDS + 1] = peakRise(p, 2);
        f[BANDS + 2] = peakRise(p, 4);
        f[BANDS + 3] = peakRise(p, 8);
        return f;
    }

    /**
     * Mean log10 ratio of the power at the frequencies of a period (the largest value within one bin, as the window
     * spreads a line over its neighbours) to the mean power on the ring three bins away.
     */
    static double peakRise(double[][] p, int period) {
        int step = TILE / period;
        double sum = 0;
        int count = 0;
        for (int ku = 0; ku < period; ku++) {
            for (int kv = 0; kv < period; kv++) {
                if (ku == 0 && kv == 0) {
                    continue;
                }
                int u = ku * step;
                int v = kv * step;
                double peak = 0;
                for (int du = -1; du <= 1; du++) {
                    for (int dv = -1; dv <= 1; dv++) {
                        peak = Math.max(peak, at(p, u + du, v + dv));
                    }
                }
                double ring = 0;
                int rn = 0;
                for (int du = -3; du <= 3; du++) {
                    for (int dv = -3; dv <= 3; dv++) {
                        if (Math.max(Math.abs(du), Math.abs(dv)) == 3) {
                            ring += at(p, u + du, v + dv);
                            rn++;
                        }
                    }
                }
                sum += Math.log10((peak + EPS) / (ring / rn + EPS));
                count++;
            }
        }
        return sum / count;
    }

    private static double at(double[][] p, int u, int v) {
        return p[Math.floorMod(u, TILE)][Math.floorMod(v, TILE)];
    }

    private static double[] hann(int n) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = 0.5 - 0.5 * StrictMath.cos(2 * Math.PI * i / n);
        }
        return w;
    }
}
