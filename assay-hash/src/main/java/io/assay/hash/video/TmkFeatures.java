package io.assay.hash.video;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * TMK+PDQF feature vectors of a video (Meta's Temporal Match Kernel over PDQ float features), in the layout of
 * upstream's {@code .tmk} files: the average frame feature ("level 1") and, for each of the P periods and m Fourier
 * coefficients, a cosine and a sine feature ("level 2"), each of dimension d = 256.
 *
 * <p>File format (little-endian, as written on x86 by {@code tmk-hash-video}): magic {@code TMK1 FVEC PDQF}, then
 * ints frames per second, P, m, d, frame count; P ints (periods); m floats (Fourier coefficients); d floats (average
 * feature); P x m x d floats (cosine features); P x m x d floats (sine features).
 *
 * <p>Scores follow {@code tmk-two-level-score}: {@link #level1Score} is the cosine similarity of the average features
 * (-1..1), {@link #level2Score} the best time-offset match of the cosine/sine features, normalised (0..1), both
 * computed in single precision in upstream's order.
 */
public final class TmkFeatures {

    /** Upstream's periods (in resampled frames). */
    static final int[] PERIODS = {2731, 4391, 9767, 14653};

    /** Upstream's Fourier coefficients, as written in its source (decimal, rounded to float via double). */
    static final float[] COEFFICIENTS = floats(
            "0.0708041893112", "0.13937789309", "0.132897260304", "0.122765735552", "0.109878684888",
            "0.09529606433", "0.0800986647852", "0.0652590650356", "0.0515478238322", "0.0394851531195",
            "0.0293374252025", "0.0211492623679", "0.0147973073245", "0.0100512818746", "0.0066306408014",
            "0.00424947117334", "0.0026467615764", "0.00160270959695", "0.000943882629639", "0.000540841638603",
            "0.000301633183798", "0.000163800158855", "8.66454753015e-05", "4.46626303151e-05", "2.24429442235e-05",
            "1.09982139799e-05", "5.25823487999e-06", "2.45358229988e-06", "1.11781474895e-06", "4.97406489221e-07",
            "2.16265487234e-07", "9.19087006565e-08");

    private static final int HEADER_BYTES = 32;

    private final int framesPerSecond;
    private final int frameCount;
    private final int[] periods;
    private final float[] coefficients;
    private final float[] average;
    /** [period][coefficient][dimension] flattened. */
    private final float[] cos;
    private final float[] sin;
    private final int dimension;

    TmkFeatures(int framesPerSecond, int frameCount, int[] periods, float[] coefficients, float[] average,
                float[] cos, float[] sin) {
        this.framesPerSecond = framesPerSecond;
        this.frameCount = frameCount;
        this.periods = periods;
        this.coefficients = coefficients;
        this.average = average;
        this.dimension = average.length;
        this.cos = cos;
        this.sin = sin;
        long n = (long) periods.length * coefficients.length * dimension;
        if (cos.length != n || sin.length != n) {
            throw new IllegalArgumentException("TMK feature sizes do not agree");
        }
    }

    private static float[] floats(String... v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) Double.parseDouble(v[i]);
        }
        return f;
    }

    public int framesPerSecond() {
        return framesPerSecond;
    }

    /** Frames (after resampling) that went into the features. */
    public int frameCount() {
        return frameCount;
    }

    /** The average PDQF frame feature (a copy). */
    public float[] averageFeature() {
        return average.clone();
    }

    /** Reads a {@code .tmk} file. */
    public static TmkFeatures read(Path file) throws IOException {
        return fromBytes(Files.readAllBytes(file));
    }

    public static TmkFeatures fromBytes(byte[] bytes) {
        if (bytes.length < HEADER_BYTES) {
            throw new IllegalArgumentException("not a TMK feature file: too short");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        String magic = new String(bytes, 0, 12, java.nio.charset.StandardCharsets.US_ASCII);
        if (!magic.equals("TMK1FVECPDQF")) {
            throw new IllegalArgumentException("not a TMK+PDQF feature file (magic '" + magic.replaceAll("[^ -~]", "?") + "')");
        }
        int fps = b.getInt(12);
        int p = b.getInt(16);
        int m = b.getInt(20);
        int d = b.getInt(24);
        int count = b.getInt(28);
        if (p <= 0 || p > 64 || m <= 0 || m > 1024 || d <= 0 || d > 4096) {
            throw new IllegalArgumentException("implausible TMK dimensions P=" + p + " m=" + m + " d=" + d);
        }
        long expected = HEADER_BYTES + 4L * (p + m + d + 2L * p * m * d);
        if (bytes.length != expected) {
            throw new IllegalArgumentException("TMK file is " + bytes.length + " bytes, expected " + expected);
        }
        b.position(HEADER_BYTES);
        int[] periods = new int[p];
        for (int i = 0; i < p; i++) {
            periods[i] = b.getInt();
        }
        float[] coefficients = read(b, m);
        float[] average = read(b, d);
        float[] cos = read(b, p * m * d);
        float[] sin = read(b, p * m * d);
        return new TmkFeatures(fps, count, periods, coefficients, average, cos, sin);
    }

    private static float[] read(ByteBuffer b, int n) {
        float[] f = new float[n];
        b.asFloatBuffer().get(f);
        b.position(b.position() + 4 * n);
        return f;
    }

    /** The {@code .tmk} file bytes. */
    public byte[] toBytes() {
        int p = periods.length;
        int m = coefficients.length;
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES + 4 * (p + m + dimension + 2 * cos.length))
                .order(ByteOrder.LITTLE_ENDIAN);
        b.put("TMK1FVECPDQF".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        b.putInt(framesPerSecond).putInt(p).putInt(m).putInt(dimension).putInt(frameCount);
        for (int period : periods) {
            b.putInt(period);
        }
        for (float[] a : new float[][] {coefficients, average, cos, sin}) {
            for (float v : a) {
                b.putFloat(v);
            }
        }
        return b.array();
    }

    public void write(Path file) throws IOException {
        Files.write(file, toBytes());
    }

    /** Cosine similarity of the average features (upstream's level 1), -1..1. */
    public static float level1Score(TmkFeatures a, TmkFeatures b) {
        compatible(a, b);
        float na = norm(a.average, 0, a.dimension);
        float nb = norm(b.average, 0, b.dimension);
        if (na == 0 && nb == 0) {
            return 0;
        }
        return dot(a.average, 0, b.average, 0, a.dimension) / (na * nb);
    }

    /** Upstream's level 2: the best offset's kernel value over all periods, normalised, 0..1. */
    public static float level2Score(TmkFeatures a, TmkFeatures b) {
        compatible(a, b);
        int p = a.periods.length;
        int m = a.coefficients.length;
        int d = a.dimension;
        float best = 0;
        for (int i = 0; i < p; i++) {
            float[] cc = new float[m];
            float[] ss = new float[m];
            float[] sc = new float[m];
            float[] cs = new float[m];
            for (int j = 0; j < m; j++) {
                int o = (i * m + j) * d;
                cc[j] = dot(a.cos, o, b.cos, o, d);
                ss[j] = dot(a.sin, o, b.sin, o, d);
                sc[j] = dot(a.sin, o, b.cos, o, d);
                cs[j] = dot(a.cos, o, b.sin, o, d);
            }
            int period = a.periods[i];
            float max = 0;
            for (int offset = 0; offset < period; offset++) {
                float delta = (float) (2.0 * Math.PI * (float) offset / (float) period);
                float k = cc[0];
                float cosJd = 1;
                float sinJd = 0;
                float beta = (float) Math.sin(delta);
                float alpha = (float) Math.sin(delta / 2);
                alpha = 2 * alpha * alpha;
                for (int j = 1; j < m; j++) {
                    float nCos = (alpha * cosJd) + (beta * sinJd);
                    float nSin = (alpha * sinJd) - (beta * cosJd);
                    cosJd -= nCos;
                    sinJd -= nSin;
                    k += cosJd * (cc[j] + ss[j]);
                    k += sinJd * (sc[j] - cs[j]);
                }
                if (offset == 0 || k > max) {
                    max = k;
                }
            }
            if (i == 0 || max > best) {
                best = max;
            }
        }
        return best / a.pairScoreNormalizer();
    }

    private float pairScoreNormalizer() {
        float n = coefficients[0];
        for (int j = 1; j < coefficients.length; j++) {
            n = (float) (n + 2.0 * coefficients[j]);
        }
        return n;
    }

    private static void compatible(TmkFeatures a, TmkFeatures b) {
        if (a.framesPerSecond != b.framesPerSecond || !Arrays.equals(a.periods, b.periods)
                || a.coefficients.length != b.coefficients.length || a.dimension != b.dimension) {
            throw new IllegalArgumentException("TMK features made with different parameters");
        }
    }

    static float dot(float[] u, int uo, float[] v, int vo, int n) {
        float sum = 0;
        for (int i = 0; i < n; i++) {
            sum += u[uo + i] * v[vo + i];
        }
        return sum;
    }

    static float norm(float[] u, int o, int n) {
        float sum = 0;
        for (int i = 0; i < n; i++) {
            float e = u[o + i];
            sum += e * e;
        }
        return (float) Math.sqrt(sum);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TmkFeatures t && Arrays.equals(toBytes(), t.toBytes());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(average);
    }

    @Override
    public String toString() {
        return "TmkFeatures[" + frameCount + " frames @ " + framesPerSecond + " fps]";
    }

}
