package io.assay.watermark.assay;

/**
 * Channel coding of the payload: 32 bits + CRC-16 (CCITT polynomial 0x1021, initial value 0xFFFF) = 48 bits, then a
 * rate-1/3 convolutional code of constraint length 7 (generators 133, 171, 165 octal) terminated with 6 zero bits:
 * 162 coded bits. Decoding is soft-decision Viterbi; the CRC then tells a decoded word from noise (a random word
 * passes with probability 2^-16).
 */
final class PayloadCode {

    static final int INFO_BITS = AssayPayload.BITS + 16;
    static final int CODED_BITS = (INFO_BITS + 6) * 3;

    private static final int K = 7;
    private static final int STATES = 1 << (K - 1);
    private static final int[] GENERATORS = {0133, 0171, 0165};

    private PayloadCode() {
    }

    static int crc16(long word32) {
        int crc = 0xFFFF;
        for (int i = 31; i >= 0; i--) {
            int bit = (int) (word32 >>> i & 1);
            int top = (crc >>> 15 & 1) ^ bit;
            crc = (crc << 1) & 0xFFFF;
            if (top != 0) {
                crc ^= 0x1021;
            }
        }
        return crc;
    }

    /** The 162 coded bits (0/1) for a payload word. */
    static int[] encode(long word32) {
        long info = (word32 << 16) | crc16(word32);
        int[] out = new int[CODED_BITS];
        int reg = 0;
        int o = 0;
        for (int i = 0; i < INFO_BITS + 6; i++) {
            int bit = i < INFO_BITS ? (int) (info >>> (INFO_BITS - 1 - i) & 1) : 0;
            reg = ((reg << 1) | bit) & ((1 << K) - 1);
            for (int g : GENERATORS) {
                out[o++] = Integer.bitCount(reg & g) & 1;
            }
        }
        return out;
    }

    /**
     * Viterbi decoding of soft values (positive = bit 1, magnitude = confidence).
     *
     * @return the 32-bit payload word when the CRC matches, else -1
     */
    static long decode(double[] soft) {
        if (soft.length != CODED_BITS) {
            throw new IllegalArgumentException("expected " + CODED_BITS + " soft values, got " + soft.length);
        }
        int steps = INFO_BITS + 6;
        double[] metric = new double[STATES];
        double[] next = new double[STATES];
        java.util.Arrays.fill(metric, Double.NEGATIVE_INFINITY);
        metric[0] = 0;
        byte[][] choice = new byte[steps][STATES]; // which predecessor (0/1 = its dropped top bit) won
        int[][] outputs = new int[1 << K][GENERATORS.length];
        for (int reg = 0; reg < 1 << K; reg++) {
            for (int g = 0; g < GENERATORS.length; g++) {
                outputs[reg][g] = Integer.bitCount(reg & GENERATORS[g]) & 1;
            }
        }
        for (int t = 0; t < steps; t++) {
            java.util.Arrays.fill(next, Double.NEGATIVE_INFINITY);
            boolean tail = t >= INFO_BITS;
            for (int s = 0; s < STATES; s++) {
                if (metric[s] == Double.NEGATIVE_INFINITY) {
                    continue;
                }
                for (int bit = 0; bit <= (tail ? 0 : 1); bit++) {
                    int reg = (s << 1) | bit;
                    int ns = reg & (STATES - 1);
                    double m = metric[s];
                    for (int g = 0; g < GENERATORS.length; g++) {
                        double v = soft[t * GENERATORS.length + g];
                        m += outputs[reg][g] == 1 ? v : -v;
                    }
                    if (m > next[ns]) {
                        next[ns] = m;
                        choice[t][ns] = (byte) (s >>> (K - 2) & 1);
                    }
                }
            }
            double[] tmp = metric;
            metric = next;
            next = tmp;
        }
        // trace back from state 0 (the tail flushes the register)
        long info = 0;
        int s = 0;
        for (int t = steps - 1; t >= 0; t--) {
            int bit = s & 1;
            if (t < INFO_BITS) {
                info |= (long) bit << (INFO_BITS - 1 - t);
            }
            int top = choice[t][s];
            s = (s >>> 1) | (top << (K - 2));
        }
        long word = info >>> 16;
        return crc16(word) == (int) (info & 0xFFFF) ? word : -1;
    }
}
