package io.assay.hash.audio;

/**
 * Resamples 16-bit mono PCM to 11025 Hz the way fpcalc's decoder does: FFmpeg's libswresample on its integer path
 * with the settings Chromaprint asks for (Kaiser-windowed sinc, beta 9, 16 taps at the output rate, cutoff 0.8,
 * 256 phases with linear interpolation between them, exact rational phase count when the ratio allows it).
 *
 * <p>Written from swresample's documented behaviour, checked sample by sample against the {@code ffmpeg}
 * command with the same options: the filter bank is rounded to Q15 as swresample rounds it, the start is
 * mirrored around the first sample, and, as in fpcalc 1.5.1 (whose reader never flushes the resampler), output
 * stops where the filter would run past the last input sample.
 */
final class ChromaprintResampler {

    private static final int FILTER_SIZE = 16;
    private static final int PHASE_SHIFT = 8;
    private static final double CUTOFF = 0.8;
    private static final double KAISER_BETA = 9;

    private ChromaprintResampler() {
    }

    static short[] resample(short[] in, int inRate, int outRate) {
        if (inRate == outRate) {
            return in.clone();
        }
        double factor = Math.min(outRate * CUTOFF / inRate, 1.0);
        int phaseCount = 1 << PHASE_SHIFT;
        int length = Math.max((int) Math.ceil(FILTER_SIZE / factor), 1);
        if (length > 1) {
            length = (length + 1) & ~1;
        }
        long g = gcd(outRate, inRate);
        if (outRate / g <= phaseCount) {
            phaseCount = (int) (outRate / g); // an exact ratio needs only that many phases
        }
        int alloc = (length + 7) & ~7;
        short[] bank = buildFilterBank(factor, length, alloc, phaseCount);

        long g2 = gcd(outRate, (long) inRate * phaseCount);
        long srcIncrL = outRate / g2;
        long dstIncrL = (long) inRate * phaseCount / g2;
        while (dstIncrL < (1 << 20) && srcIncrL < (1 << 20)) {
            dstIncrL *= 2;
            srcIncrL *= 2;
        }
        int srcIncr = (int) srcIncrL;
        int dstIncr = (int) dstIncrL;
        int incrDiv = dstIncr / srcIncr;
        int incrMod = dstIncr % srcIncr;
        boolean linear = incrMod != 0; // with no fractional step, interpolation reduces to the plain filter

        int n = in.length;
        int start = (length - 1) / 2; // the first output is centred on the first input sample
        if (n == 0 || n + start < length) {
            return new short[0];
        }
        // The input, preceded by its mirror image (x[-k] = x[k]) so that the first outputs see a full filter.
        short[] x = new short[start + n];
        for (int k = 1; k <= start; k++) {
            x[start - k] = in[Math.min(k, n - 1)];
        }
        System.arraycopy(in, 0, x, start, n);

        long estimate = (long) n * outRate / inRate + 2;
        short[] out = new short[(int) Math.min(estimate, Integer.MAX_VALUE - 8)];
        int count = 0;
        int pos = 0;
        int index = 0;
        int frac = 0;
        while (pos + length <= x.length && count < out.length) {
            int base = index * alloc;
            int val = 0;
            if (linear) {
                int v2 = 0;
                int next = base + alloc;
                for (int i = 0; i < length; i++) {
                    int s = x[pos + i];
                    val += s * bank[base + i];
                    v2 += s * bank[next + i];
                }
                val = (int) (val + (long) (v2 - val) * frac / srcIncr);
            } else {
                for (int i = 0; i < length; i++) {
                    val += x[pos + i] * bank[base + i];
                }
            }
            val = (val + (1 << 14)) >> 15;
            out[count++] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, val));

            frac += incrMod;
            index += incrDiv;
            if (frac >= srcIncr) {
                frac -= srcIncr;
                index++;
            }
            pos += index / phaseCount;
            index %= phaseCount;
        }
        return count == out.length ? out : java.util.Arrays.copyOf(out, count);
    }

    /**
     * Q15 polyphase bank, {@code phaseCount + 1} rows of {@code alloc} taps. Like swresample, only the first half
     * of the phases is computed and the rest mirrored, all are normalised by the sum of phase 0, and the extra
     * last row is phase 0 rotated by one tap (what linear interpolation reads after the last phase).
     */
    private static short[] buildFilterBank(double factor, int taps, int alloc, int phaseCount) {
        short[] bank = new short[alloc * (phaseCount + 1)];
        int computed = phaseCount % 2 == 1 ? phaseCount : phaseCount / 2 + 1;
        int center = (taps - 1) / 2;
        double[] tab = new double[taps];
        double norm = 0;
        for (int ph = 0; ph < computed; ph++) {
            // At factor 1 sin(x) alternates in sign along the taps; swresample steps it that way.
            double s = factor == 1.0 ? Math.sin(Math.PI * ph / phaseCount) * ((center & 1) != 0 ? 1 : -1) : 0;
            for (int i = 0; i < taps; i++) {
                double x = Math.PI * ((double) (i - center) - (double) ph / phaseCount) * factor;
                double y;
                if (x == 0) {
                    y = 1.0;
                } else if (factor == 1.0) {
                    y = s / x;
                } else {
                    y = Math.sin(x) / x;
                }
                double w = 2.0 * x / (factor * taps * Math.PI);
                y *= besselI0(KAISER_BETA * Math.sqrt(Math.max(1 - w * w, 0)));
                tab[i] = y;
                s = -s;
                if (ph == 0) {
                    norm += y;
                }
            }
            for (int i = 0; i < taps; i++) {
                // swresample rounds through float (lrintf): round half to even on the float value.
                float v = (float) (tab[i] * (1 << 15) / norm);
                long r = (long) Math.rint(v);
                bank[ph * alloc + i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, r));
            }
            if (phaseCount % 2 == 0) {
                for (int i = 0; i < taps; i++) {
                    bank[(phaseCount - ph) * alloc + taps - 1 - i] = bank[ph * alloc + i];
                }
            }
        }
        int last = alloc * phaseCount;
        System.arraycopy(bank, 0, bank, last + 1, alloc - 1);
        bank[last] = bank[alloc - 1];
        return bank;
    }

    /** Modified Bessel function of the first kind, order 0, by its power series (converges fast for x <= 16). */
    static double besselI0(double x) {
        double q = x * x / 4;
        double term = 1;
        double sum = 1;
        for (int k = 1; k < 500; k++) {
            term *= q / ((double) k * k);
            double next = sum + term;
            if (next == sum) {
                break;
            }
            sum = next;
        }
        return sum;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
