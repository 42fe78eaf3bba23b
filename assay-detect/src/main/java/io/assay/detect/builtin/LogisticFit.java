package io.assay.detect.builtin;

import java.util.List;
import java.util.Map;

/**
 * Fits a {@link LogisticModel} by Newton's method (iteratively reweighted least squares) with an L2 penalty on the
 * standardised weights: deterministic, converges in a few dozen steps on the few dozen features used here, so a
 * fresh training run reproduces a committed model.
 */
public final class LogisticFit {

    private static final int MAX_ITERATIONS = 50;

    private LogisticFit() {
    }

    /**
     * @param x       examples, one feature vector each
     * @param y       true: synthetic
     * @param lambda  L2 penalty on the standardised weights (the bias is not penalised)
     */
    public static LogisticModel fit(String id, List<String> features, double[][] x, boolean[] y, double lambda,
                                    Map<String, Object> training) {
        int n = x.length;
        int d = features.size();
        if (n == 0 || y.length != n) {
            throw new IllegalArgumentException("need labelled examples, got " + n + " examples and " + y.length + " labels");
        }
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (double[] row : x) {
            if (row.length != d) {
                throw new IllegalArgumentException("example of " + row.length + " features, expected " + d);
            }
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / n;
            }
        }
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
            }
        }
        for (int j = 0; j < d; j++) {
            scale[j] = scale[j] > 1e-24 ? Math.sqrt(scale[j]) : 1; // a constant feature gets weight 0 anyway
        }
        double[][] z = new double[n][d + 1];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                z[i][j] = (x[i][j] - mean[j]) / scale[j];
            }
            z[i][d] = 1;
        }
        double[] w = new double[d + 1];
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double[] grad = new double[d + 1];
            double[][] hess = new double[d + 1][d + 1];
            for (int i = 0; i < n; i++) {
                double p = LogisticModel.sigmoid(dot(w, z[i]));
                double r = p - (y[i] ? 1 : 0);
                double s = Math.max(p * (1 - p), 1e-9);
                for (int a = 0; a <= d; a++) {
                    grad[a] += r * z[i][a];
                    for (int b = 0; b <= a; b++) {
                        hess[a][b] += s * z[i][a] * z[i][b];
                    }
                }
            }
            for (int a = 0; a <= d; a++) {
                for (int b = 0; b < a; b++) {
                    hess[b][a] = hess[a][b];
                }
                if (a < d) {
                    grad[a] += lambda * w[a];
                    hess[a][a] += lambda;
                }
            }
            double[] step = solve(hess, grad);
            double change = 0;
            for (int a = 0; a <= d; a++) {
                w[a] -= step[a];
                change = Math.max(change, Math.abs(step[a]));
            }
            if (change < 1e-10) {
                break;
            }
        }
        double[] weights = java.util.Arrays.copyOf(w, d);
        return new LogisticModel(id, features, mean, scale, weights, w[d], training);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Solves {@code a x = b} by Gaussian elimination with partial pivoting (a is overwritten). */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[] x = b.clone();
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[p][c])) {
                    p = r;
                }
            }
            double[] tr = a[c];
            a[c] = a[p];
            a[p] = tr;
            double tx = x[c];
            x[c] = x[p];
            x[p] = tx;
            if (Math.abs(a[c][c]) < 1e-300) {
                throw new ArithmeticException("singular system in the logistic fit");
            }
            for (int r = c + 1; r < n; r++) {
                double f = a[r][c] / a[c][c];
                for (int k = c; k < n; k++) {
                    a[r][k] -= f * a[c][k];
                }
                x[r] -= f * x[c];
            }
        }
        for (int c = n - 1; c >= 0; c--) {
            double s = x[c];
            for (int k = c + 1; k < n; k++) {
                s -= a[c][k] * x[k];
            }
            x[c] = s / a[c][c];
        }
        return x;
    }
}
