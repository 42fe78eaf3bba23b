package io.assay.hash.audio;

/**
 * One of Chromaprint's 16 classifiers: a Haar-like filter over a window of the chroma image (time x 12 pitch
 * classes), whose log-ratio is quantized into 4 levels by three thresholds.
 *
 * @param type   filter shape 0..5 (0: whole box; 1: upper vs lower half in pitch; 2: later vs earlier half in
 *               time; 3: diagonal quadrants; 4: middle third vs outer thirds in pitch; 5: the same in time)
 * @param y      first pitch class of the box
 * @param height pitch classes covered
 * @param width  frames covered (time)
 */
record Classifier(int type, int y, int height, int width, double t0, double t1, double t2) {

    /** Chromaprint's TEST2 configuration (fingerprinter_configuration.cpp, kClassifiersTest2). */
    static final Classifier[] TEST2 = {
            new Classifier(0, 4, 3, 15, 1.98215, 2.35817, 2.63523),
            new Classifier(4, 4, 6, 15, -1.03809, -0.651211, -0.282167),
            new Classifier(1, 0, 4, 16, -0.298702, 0.119262, 0.558497),
            new Classifier(3, 8, 2, 12, -0.105439, 0.0153946, 0.135898),
            new Classifier(3, 4, 4, 8, -0.142891, 0.0258736, 0.200632),
            new Classifier(4, 0, 3, 5, -0.826319, -0.590612, -0.368214),
            new Classifier(1, 2, 2, 9, -0.557409, -0.233035, 0.0534525),
            new Classifier(2, 7, 3, 4, -0.0646826, 0.00620476, 0.0784847),
            new Classifier(2, 6, 2, 16, -0.192387, -0.029699, 0.215855),
            new Classifier(2, 1, 3, 2, -0.0397818, -0.00568076, 0.0292026),
            new Classifier(5, 10, 1, 15, -0.53823, -0.369934, -0.190235),
            new Classifier(3, 6, 2, 10, -0.124877, 0.0296483, 0.139239),
            new Classifier(2, 1, 1, 14, -0.101475, 0.0225617, 0.231971),
            new Classifier(3, 5, 6, 4, -0.0799915, -0.00729616, 0.063262),
            new Classifier(1, 9, 2, 12, -0.272556, 0.019424, 0.302559),
            new Classifier(3, 4, 2, 14, -0.164292, -0.0321188, 0.0846339),
    };

    /** Gray code of the 4 levels, so that neighbouring levels differ in one bit. */
    private static final int[] GRAY = {0, 1, 3, 2};

    /** The 2-bit code for the window starting at frame {@code x}. */
    int classify(IntegralImage image, int x) {
        double value = apply(image, x);
        int level = value < t1 ? (value < t0 ? 0 : 1) : (value < t2 ? 2 : 3);
        return GRAY[level];
    }

    private double apply(IntegralImage img, int x) {
        int w = width;
        int h = height;
        double a;
        double b;
        switch (type) {
            case 0 -> {
                a = img.area(x, y, x + w, y + h);
                b = 0;
            }
            case 1 -> {
                int h2 = h / 2;
                a = img.area(x, y + h2, x + w, y + h);
                b = img.area(x, y, x + w, y + h2);
            }
            case 2 -> {
                int w2 = w / 2;
                a = img.area(x + w2, y, x + w, y + h);
                b = img.area(x, y, x + w2, y + h);
            }
            case 3 -> {
                int w2 = w / 2;
                int h2 = h / 2;
                a = img.area(x, y + h2, x + w2, y + h) + img.area(x + w2, y, x + w, y + h2);
                b = img.area(x, y, x + w2, y + h2) + img.area(x + w2, y + h2, x + w, y + h);
            }
            case 4 -> {
                int h3 = h / 3;
                a = img.area(x, y + h3, x + w, y + 2 * h3);
                b = img.area(x, y, x + w, y + h3) + img.area(x, y + 2 * h3, x + w, y + h);
            }
            case 5 -> {
                int w3 = w / 3;
                a = img.area(x + w3, y, x + 2 * w3, y + h);
                b = img.area(x, y, x + w3, y + h) + img.area(x + 2 * w3, y, x + w, y + h);
            }
            default -> throw new IllegalStateException("filter type " + type);
        }
        return Math.log((1.0 + a) / (1.0 + b));
    }
}
