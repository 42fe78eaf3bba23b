package io.assay.detect.eval;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A small labelled image dataset the build can make by itself, reproducibly (fixed seed), for running the whole
 * evaluation in tests and demos. It is not a benchmark: the fakes come from one simple pipeline, so figures on it
 * say that the evaluation works, not how good a detector is.
 *
 * <ul>
 *   <li><b>real</b>: square crops of natural photos from the shared PDQ corpus ({@code shared/corpus/pdq}, BSD,
 *   see its README), large photos first reduced by area averaging so a crop shows a scene, not a few pixels of
 *   it.</li>
 *   <li><b>fake</b>: other crops of the same photos sent through what image generators do last: the content made
 *   at half resolution (area-averaged), then upsampled 2x by nearest neighbour, by aligned linear interpolation,
 *   or by a transposed convolution with an uneven kernel (the "checkerboard" of GAN decoders), then light Gaussian
 *   noise (sigma 0..4 grey levels, so the artefacts are not equally plain in every fake). These leave the periodic
 *   spectral traces that spectral detectors look for.</li>
 * </ul>
 * Audio is not generated: the shared corpus has no recordings of human speech to pair with synthetic speech.
 */
public final class SyntheticDataset {

    /** The photos used, relative to the PDQ corpus folder: distinct scenes, no near-flat ones. */
    public static final List<String> PHOTOS = List.of("bridge-mods/aaa-orig.jpg", "reg-test-input/exif-rotn/exif-rotn-1.jpg",
            "reg-test-input/pen-and-coaster.png", "reg-test-input/labelme-subset/q0122.jpg",
            "reg-test-input/labelme-subset/q0291.jpg", "reg-test-input/labelme-subset/q0746.jpg",
            "reg-test-input/labelme-subset/q1050.jpg", "reg-test-input/labelme-subset/q2821.jpg");

    /** Why the generated data has no audio, for the report. */
    public static final String NO_AUDIO = "audio: not generated: the shared corpus has no recordings of human speech "
            + "(its audio is espeak-ng synthetic speech), so audio detectors and the telephone condition are not measured "
            + "on the generated data";

    /** The upsampling pipelines of the fakes, used in turn. */
    public enum Upsampling { NEAREST, LINEAR, TRANSPOSED_CONVOLUTION }

    /**
     * @param perClass items per class
     * @param size     side of the square images, even, 32..512
     * @param seed     the seed of every random choice (crop positions, noise)
     */
    public record Spec(int perClass, int size, long seed) {
        public Spec {
            if (perClass < 2 || perClass > 5000) {
                throw new IllegalArgumentException("items per class must be within 2..5000: " + perClass);
            }
            if (size < 32 || size > 512 || size % 2 != 0) {
                throw new IllegalArgumentException("image size must be even and within 32..512: " + size);
            }
        }
    }

    /** What was written: the dataset folder (with real/ and fake/) and notes for the report. */
    public record Result(Path dir, int reals, int fakes, List<String> notes) {
    }

    private SyntheticDataset() {
    }

    /**
     * Writes the dataset into {@code out} ({@code real/}, {@code fake/}, {@code DATASET.md}).
     *
     * @param pdqCorpus the PDQ corpus folder ({@code shared/corpus/pdq})
     */
    public static Result write(Path pdqCorpus, Path out, Spec spec) throws IOException {
        List<BufferedImage> photos = new ArrayList<>();
        for (String p : PHOTOS) {
            Path f = pdqCorpus.resolve(p);
            if (!Files.isRegularFile(f)) {
                throw new IOException("the PDQ corpus lacks " + p + " (expected at " + f.toAbsolutePath().normalize()
                        + "); SyntheticDataset needs shared/corpus/pdq");
            }
            BufferedImage img = ImageIO.read(f.toFile());
            if (img == null) {
                throw new IOException("cannot decode " + f);
            }
            img = ImageDegradation.opaqueRgb(img);
            // Reduce large photos so the crop side is at least a quarter of the short side: a scene, not a texture.
            while (Math.min(img.getWidth(), img.getHeight()) / 2 >= Math.max(spec.size() * 4, 256)) {
                img = ImageDegradation.halve(img);
            }
            if (img.getWidth() < spec.size() || img.getHeight() < spec.size()) {
                throw new IOException(p + " is smaller than " + spec.size() + " pixels");
            }
            photos.add(img);
        }
        Path real = Files.createDirectories(out.resolve("real"));
        Path fake = Files.createDirectories(out.resolve("fake"));
        SplittableRandom rnd = new SplittableRandom(spec.seed());
        for (int i = 0; i < spec.perClass(); i++) {
            BufferedImage src = photos.get(i % photos.size());
            writePng(crop(src, spec.size(), rnd), real.resolve(String.format(Locale.ROOT, "real-%04d.png", i)));
        }
        Upsampling[] ways = Upsampling.values();
        for (int i = 0; i < spec.perClass(); i++) {
            BufferedImage src = photos.get((i + 3) % photos.size());
            BufferedImage low = ImageDegradation.halve(crop(src, spec.size(), rnd));
            BufferedImage up = upsample(low, ways[i % ways.length]);
            addNoise(up, 4.0 * rnd.nextDouble(), rnd);
            writePng(up, fake.resolve(String.format(Locale.ROOT, "fake-%04d-%s.png", i,
                    ways[i % ways.length].name().toLowerCase(Locale.ROOT).replace('_', '-'))));
        }
        String made = String.format(Locale.ROOT, "generated dataset (SyntheticDataset, seed %d): %d real %dx%d crops of %d "
                        + "photos from shared/corpus/pdq; %d fake: crops reduced to half size and upsampled 2x (nearest, "
                        + "linear, transposed convolution) plus noise. Not a benchmark: the figures show the evaluation "
                        + "works, not how accurate a detector is", spec.seed(), spec.perClass(), spec.size(), spec.size(),
                photos.size(), spec.perClass());
        Files.writeString(out.resolve("DATASET.md"), "# Generated evaluation dataset\n\n" + made + ".\n\n" + NO_AUDIO + ".\n",
                StandardCharsets.UTF_8);
        return new Result(out, spec.perClass(), spec.perClass(), List.of(made, NO_AUDIO));
    }

    private static BufferedImage crop(BufferedImage src, int size, SplittableRandom rnd) {
        int x = rnd.nextInt(src.getWidth() - size + 1);
        int y = rnd.nextInt(src.getHeight() - size + 1);
        BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[size];
        for (int r = 0; r < size; r++) {
            src.getRGB(x, y + r, size, 1, row, 0, size);
            out.setRGB(0, r, size, 1, row, 0, size);
        }
        return out;
    }

    /** 2x upsampling, each channel separately, separable (rows, then columns). */
    static BufferedImage upsample(BufferedImage low, Upsampling way) {
        int w = low.getWidth(), h = low.getHeight();
        BufferedImage out = new BufferedImage(2 * w, 2 * h, BufferedImage.TYPE_INT_RGB);
        double[][] planes = new double[3][];
        for (int c = 0; c < 3; c++) {
            double[] plane = new double[w * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    plane[y * w + x] = (low.getRGB(x, y) >> (16 - 8 * c)) & 0xff;
                }
            }
            double[] rows = new double[2 * w * h];
            for (int y = 0; y < h; y++) {
                double[] line = upsample1d(slice(plane, y * w, 1, w), way);
                System.arraycopy(line, 0, rows, y * 2 * w, 2 * w);
            }
            double[] both = new double[4 * w * h];
            for (int x = 0; x < 2 * w; x++) {
                double[] col = upsample1d(slice(rows, x, 2 * w, h), way);
                for (int y = 0; y < 2 * h; y++) {
                    both[y * 2 * w + x] = col[y];
                }
            }
            planes[c] = both;
        }
        for (int i = 0; i < 4 * w * h; i++) {
            out.setRGB(i % (2 * w), i / (2 * w), grey(planes[0][i]) << 16 | grey(planes[1][i]) << 8 | grey(planes[2][i]));
        }
        return out;
    }

    private static double[] slice(double[] a, int start, int stride, int n) {
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = a[start + i * stride];
        }
        return s;
    }

    static double[] upsample1d(double[] a, Upsampling way) {
        int n = a.length;
        double[] o = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double next = a[Math.min(i + 1, n - 1)];
            switch (way) {
                case NEAREST -> {
                    o[2 * i] = a[i];
                    o[2 * i + 1] = a[i];
                }
                case LINEAR -> {
                    o[2 * i] = a[i];
                    o[2 * i + 1] = (a[i] + next) / 2;
                }
                case TRANSPOSED_CONVOLUTION -> {
                    // Stride-2 transposed convolution with the kernel (0.3, 0.8, 0.75, 0.2): its phases sum to 1.0
                    // (0.8 + 0.2) and 1.05 (0.75 + 0.3), a faint period-2 gain ripple, the checkerboard of GAN decoders.
                    double prev = a[Math.max(i - 1, 0)];
                    o[2 * i] = 0.8 * a[i] + 0.2 * prev;
                    o[2 * i + 1] = 0.75 * a[i] + 0.3 * next;
                }
            }
        }
        return o;
    }

    private static void addNoise(BufferedImage img, double sigma, SplittableRandom rnd) {
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                int r = grey(((p >> 16) & 0xff) + sigma * gaussian(rnd));
                int g = grey(((p >> 8) & 0xff) + sigma * gaussian(rnd));
                int b = grey((p & 0xff) + sigma * gaussian(rnd));
                img.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
    }

    private static double gaussian(SplittableRandom rnd) {
        // Box-Muller by hand: the JDK's nextGaussian algorithm may change between releases, this data must not.
        double u = 1 - rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }

    private static int grey(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    private static void writePng(BufferedImage img, Path f) throws IOException {
        if (!ImageIO.write(img, "png", f.toFile())) {
            throw new IOException("no PNG encoder in ImageIO");
        }
    }
}
