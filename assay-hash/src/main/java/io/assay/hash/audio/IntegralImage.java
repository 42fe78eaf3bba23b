package io.assay.hash.audio;

/**
 * Summed-area table of the chroma image, rows = frames, columns = 12 pitch classes. Sums run from the first
 * frame, as in Chromaprint, so that the floating-point results (and the fingerprint bits near a threshold) are
 * the same.
 */
final class IntegralImage {

    private final int columns;
    private final double[] data;
    private int rows;

    IntegralImage(int maxRows, int columns) {
        this.columns = columns;
        this.data = new double[Math.max(maxRows, 1) * columns];
    }

    int rows() {
        return rows;
    }

    void addRow(double[] row) {
        int base = rows * columns;
        double sum = 0;
        for (int c = 0; c < columns; c++) {
            sum += row[c];
            data[base + c] = sum;
        }
        if (rows > 0) {
            int prev = base - columns;
            for (int c = 0; c < columns; c++) {
                data[base + c] = data[prev + c] + data[base + c];
            }
        }
        rows++;
    }

    /** Sum over rows [r1, r2) and columns [c1, c2). */
    double area(int r1, int c1, int r2, int c2) {
        if (r1 == r2 || c1 == c2) {
            return 0.0;
        }
        int row2 = (r2 - 1) * columns;
        if (r1 == 0) {
            return c1 == 0 ? data[row2 + c2 - 1] : data[row2 + c2 - 1] - data[row2 + c1 - 1];
        }
        int row1 = (r1 - 1) * columns;
        if (c1 == 0) {
            return data[row2 + c2 - 1] - data[row1 + c2 - 1];
        }
        return data[row2 + c2 - 1] - data[row1 + c2 - 1] - data[row2 + c1 - 1] + data[row1 + c1 - 1];
    }
}
