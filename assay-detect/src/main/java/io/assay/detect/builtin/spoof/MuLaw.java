package io.assay.detect.builtin.spoof;

/** A G.711 mu-law round trip (mu = 255, 8 bits): the telephone codec variant of the training data. */
public final class MuLaw {

    private static final double MU = 255;

    private MuLaw() {
    }

    public static double[] roundTrip(double[] x) {
        double[] out = new double[x.length];
        double norm = Math.log1p(MU);
        for (int i = 0; i < x.length; i++) {
            double v = Math.max(-1, Math.min(1, x[i]));
            double y = Math.signum(v) * Math.log1p(MU * Math.abs(v)) / norm;
            double q = Math.round(y * 127) / 127.0; // 8 bits: sign and 7 magnitude bits
            out[i] = Math.signum(q) * (Math.pow(1 + MU, Math.abs(q)) - 1) / MU;
        }
        return out;
    }
}
