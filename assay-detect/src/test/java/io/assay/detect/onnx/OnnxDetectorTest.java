package io.assay.detect.onnx;

import io.assay.core.media.AssetLimits;
import io.assay.core.media.MediaAsset;
import io.assay.detect.DetectorInput;
import io.assay.detect.DetectorOutcome;
import io.assay.detect.card.ModelCard;
import io.assay.detect.card.ModelCardException;
import io.assay.detect.card.ModelCardParser;
import io.assay.detect.onnx.testing.ModelDir;
import io.assay.detect.onnx.testing.TinyOnnx;
import io.assay.detect.onnx.testing.Wav;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Each test runs a tiny ONNX model written by {@link TinyOnnx} whose output is known by hand, so a wrong layout,
 * channel order, normalisation, crop, activation or window shows up as a wrong number.
 */
class OnnxDetectorTest {

    static final double EPS = 1e-6;
    static final String PLAIN = """
            resize: stretch
            colour: rgb
            scale: 0.00392156862745098
            mean: [0, 0, 0]
            std: [1, 1, 1]
            """;

    @TempDir
    Path dir;

    /** 2x2 RGB: (x=0,y=0)=(10,20,30) (1,0)=(40,50,60) (0,1)=(70,80,90) (1,1)=(100,110,120). */
    static BufferedImage twoByTwo() {
        BufferedImage img = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        int v = 10;
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 2; x++, v += 30) {
                img.setRGB(x, y, v << 16 | (v + 10) << 8 | (v + 20));
            }
        }
        return img;
    }

    double score(String id, byte[] model, String card, BufferedImage image) throws Exception {
        ModelCard c = ModelCardParser.parse(ModelDir.write(dir, id, model, card));
        try (OnnxDetector d = OnnxDetector.load(c, OnnxDetector.Options.defaults());
             DetectorInput in = DetectorInput.ofImage("test.png", image)) {
            DetectorOutcome out = d.detect(in);
            assertThat(out).isInstanceOf(DetectorOutcome.Scored.class);
            return ((DetectorOutcome.Scored) out).score();
        }
    }

    static String output(int index, String activation) {
        return "name: scores\nfakeIndex: " + index + "\nactivation: " + activation;
    }

    @Test
    void nchwPutsChannelPlanesFirst() throws Exception {
        // Green of pixel (x=1, y=0): plane 1, offset 0*2+1 -> flat index 5.
        double s = score("nchw", TinyOnnx.passthrough("pixels", "scores", 1, 3, 2, 2),
                ModelDir.imageCard("nchw", "[1, 3, 2, 2]", PLAIN, output(5, "none")), twoByTwo());
        assertThat(s).isCloseTo(50 / 255.0, within(EPS));
    }

    @Test
    void nhwcInterleavesChannels() throws Exception {
        // Green of pixel (x=1, y=0): pixel 1, channel 1 -> flat index 4.
        double s = score("nhwc", TinyOnnx.passthrough("pixels", "scores", 1, 2, 2, 3),
                ModelDir.imageCard("nhwc", "[1, 2, 2, 3]", PLAIN, output(4, "none")), twoByTwo());
        assertThat(s).isCloseTo(50 / 255.0, within(EPS));
    }

    @Test
    void bgrPutsBlueFirst() throws Exception {
        // Channel 0 of pixel (x=1, y=0) is blue (60) in BGR, red (40) in RGB.
        String bgr = PLAIN.replace("colour: rgb", "colour: bgr");
        byte[] model = TinyOnnx.passthrough("pixels", "scores", 1, 3, 2, 2);
        assertThat(score("bgr", model, ModelDir.imageCard("nchw", "[1, 3, 2, 2]", bgr, output(1, "none")), twoByTwo()))
                .isCloseTo(60 / 255.0, within(EPS));
        assertThat(score("rgb", model, ModelDir.imageCard("nchw", "[1, 3, 2, 2]", PLAIN, output(1, "none")), twoByTwo()))
                .isCloseTo(40 / 255.0, within(EPS));
    }

    @Test
    void meanAndStdArePerChannelAfterScale() throws Exception {
        String norm = """
                resize: stretch
                colour: rgb
                scale: 0.00392156862745098
                mean: [0.1, 0.2, 0.3]
                std: [0.5, 0.25, 2.0]
                """;
        byte[] model = TinyOnnx.passthrough("pixels", "scores", 1, 3, 2, 2);
        // Blue of (1,1): plane 2, offset 3 -> index 11; green of (0,1): plane 1, offset 2 -> index 6.
        double blue = score("n1", model, ModelDir.imageCard("nchw", "[1, 3, 2, 2]", norm, output(11, "sigmoid")), twoByTwo());
        assertThat(blue).isCloseTo(sigmoid((120 / 255.0 - 0.3) / 2.0), within(EPS));
        double green = score("n2", model, ModelDir.imageCard("nchw", "[1, 3, 2, 2]", norm, output(6, "sigmoid")), twoByTwo());
        assertThat(green).isCloseTo(sigmoid((80 / 255.0 - 0.2) / 0.25), within(EPS));
    }

    @Test
    void shorterSideResizeThenCentreCrop() throws Exception {
        // 8x4 image, red = 16x + 2y. Shorter side 4 -> 2: a 2x downscale (each output pixel is the mean of a 2x2
        // block), to 4x2; the centre 2x2 crop starts at x=1. Output (0,0) = source block x 2..3, y 0..1.
        BufferedImage img = new BufferedImage(8, 4, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 8; x++) {
                img.setRGB(x, y, (16 * x + 2 * y) << 16);
            }
        }
        String crop = """
                resize: shorter-side
                size: 2
                centreCrop: true
                colour: rgb
                scale: 0.00392156862745098
                mean: [0, 0, 0]
                std: [1, 1, 1]
                """;
        byte[] model = TinyOnnx.passthrough("pixels", "scores", 1, 3, 2, 2);
        assertThat(score("c0", model, ModelDir.imageCard("nchw", "[1, 3, 2, 2]", crop, output(0, "none")), img))
                .isCloseTo((16 * 2.5 + 2 * 0.5) / 255.0, within(EPS));
        assertThat(score("c3", model, ModelDir.imageCard("nchw", "[1, 3, 2, 2]", crop, output(3, "none")), img))
                .isCloseTo((16 * 4.5 + 2 * 2.5) / 255.0, within(EPS));
    }

    @Test
    void stretchToSizeThenCentreCrop() throws Exception {
        // 4x4 stretched to 4x4 (unchanged), centre 2x2 crop starts at (1,1): its first red value is pixel (1,1).
        BufferedImage img = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                img.setRGB(x, y, (10 * x + 50 * y) << 16);
            }
        }
        String crop = PLAIN.replace("resize: stretch", "resize: stretch\nsize: 4\ncentreCrop: true");
        assertThat(score("s", TinyOnnx.passthrough("pixels", "scores", 1, 3, 2, 2),
                ModelDir.imageCard("nchw", "[1, 3, 2, 2]", crop, output(0, "none")), img))
                .isCloseTo(60 / 255.0, within(EPS));
    }

    @Test
    void softmaxOfTheCardMatchesSoftmaxInTheGraph() throws Exception {
        float[] v = new float[12];
        int[][] px = {{10, 20, 30}, {40, 50, 60}, {70, 80, 90}, {100, 110, 120}};
        for (int c = 0; c < 3; c++) {
            for (int p = 0; p < 4; p++) {
                v[c * 4 + p] = (float) (px[p][c] * 0.00392156862745098);
            }
        }
        double sum = 0;
        for (float f : v) {
            sum += Math.exp(f);
        }
        double expected = Math.exp(v[7]) / sum;
        double byCard = score("sm1", TinyOnnx.passthrough("pixels", "scores", 1, 3, 2, 2),
                ModelDir.imageCard("nchw", "[1, 3, 2, 2]", PLAIN, output(7, "softmax")), twoByTwo());
        double byGraph = score("sm2", TinyOnnx.softmaxOfAll("pixels", "scores", 1, 3, 2, 2),
                ModelDir.imageCard("nchw", "[1, 3, 2, 2]", PLAIN, output(7, "none")), twoByTwo());
        assertThat(byCard).isCloseTo(expected, within(EPS));
        assertThat(byGraph).isCloseTo(expected, within(EPS));
    }

    @Test
    void reduceMeanSigmoidAndGatherGraphs() throws Exception {
        BufferedImage gray = new BufferedImage(3, 3, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 3; x++) {
                gray.setRGB(x, y, 100 << 16 | 100 << 8 | 100);
            }
        }
        String norm = PLAIN.replace("mean: [0, 0, 0]", "mean: [0.5, 0.5, 0.5]").replace("std: [1, 1, 1]", "std: [0.25, 0.25, 0.25]");
        double z = (100 / 255.0 - 0.5) / 0.25;
        assertThat(score("sg", TinyOnnx.sigmoidOfMean("pixels", "scores", 1, 3, 3, 3),
                ModelDir.imageCard("nchw", "[1, 3, 3, 3]", norm, output(0, "none")), gray)).isCloseTo(sigmoid(z), within(EPS));
        assertThat(score("mn", TinyOnnx.mean("pixels", "scores", 1, 3, 3, 3),
                ModelDir.imageCard("nchw", "[1, 3, 3, 3]", norm, output(0, "sigmoid")), gray)).isCloseTo(sigmoid(z), within(EPS));
        // Gather of flat index 2 of NCHW: red of pixel (x=0, y=1) after a 2x2 stretch of the 2x2 image (unchanged).
        assertThat(score("ga", TinyOnnx.gather("pixels", "scores", 2, 1, 3, 2, 2),
                ModelDir.imageCard("nchw", "[1, 3, 2, 2]", PLAIN, output(0, "none")), twoByTwo())).isCloseTo(70 / 255.0, within(EPS));
    }

    // ----- audio -----

    static String audioCard(String audio, String shape) {
        return """
                name: Test voice model
                version: "1"
                media: [audio, video]
                competence: speech
                input:
                  name: samples
                  shape: %s
                  layout: samples
                audio:
                %s
                output:
                  name: scores
                  fakeIndex: 0
                  activation: none
                thresholds: {low: 0.3, high: 0.7}
                licence: test
                evaluatedOn: nothing
                """.formatted(shape, audio.strip().lines().map(l -> "  " + l).reduce((a, b) -> a + "\n" + b).orElse(""));
    }

    DetectorOutcome.Scored scoreAudio(String id, String audio, String shape, short[] samples, int channels, int rate) throws Exception {
        ModelCard c = ModelCardParser.parse(ModelDir.write(dir, id, TinyOnnx.mean("samples", "scores", 1, -1), audioCard(audio, shape)));
        try (OnnxDetector d = OnnxDetector.load(c, OnnxDetector.Options.defaults());
             DetectorInput in = DetectorInput.of(MediaAsset.of(id + ".wav", Wav.of(samples, channels, rate), AssetLimits.DEFAULT))) {
            return (DetectorOutcome.Scored) d.detect(in);
        }
    }

    /** Mono at {@code rate}: {@code n} samples each of 0.25, 0.5, 0.75. */
    static short[] steps(int n, int extra) {
        short[] s = new short[3 * n + extra];
        for (int i = 0; i < 3 * n; i++) {
            s[i] = (short) (8192 * (1 + i / n));
        }
        return s;
    }

    @Test
    void audioWindowsAreScoredAndAggregated() throws Exception {
        String mean = "sampleRate: 1000\nmono: mean\nwindowSeconds: 0.01\naggregate: mean";
        // Three full 10-sample windows (0.25, 0.5, 0.75); the 5 trailing samples are a partial window, dropped.
        DetectorOutcome.Scored m = scoreAudio("a1", mean, "[1, 10]", steps(10, 5), 1, 1000);
        assertThat(m.score()).isCloseTo(0.5, within(EPS));
        assertThat(m.details()).containsEntry("windows", 3);
        DetectorOutcome.Scored max = scoreAudio("a2", mean.replace("aggregate: mean", "aggregate: max"), "[1, -1]", steps(10, 5), 1, 1000);
        assertThat(max.score()).isCloseTo(0.75, within(EPS));
        // A hop of half a window over 30 samples: windows at 0, 5, 10, 15, 20 -> 0.25, 0.375, 0.5, 0.625, 0.75.
        DetectorOutcome.Scored hop = scoreAudio("a3", mean + "\nhopSeconds: 0.005", "[1, 10]", steps(10, 0), 1, 1000);
        assertThat(hop.details()).containsEntry("windows", 5);
        assertThat(hop.score()).isCloseTo(0.5, within(EPS));
        assertThat(scoreAudio("a3b", mean.replace("aggregate: mean", "aggregate: max") + "\nhopSeconds: 0.005", "[1, 10]",
                steps(10, 0), 1, 1000).score()).isCloseTo(0.75, within(EPS));
    }

    @Test
    void audioIsResampledMixedAndPadded() throws Exception {
        String card = "sampleRate: 1000\nmono: mean\nwindowSeconds: 0.01\naggregate: max";
        // 2000 Hz steps of 20 samples become 1000 Hz steps of 10.
        assertThat(scoreAudio("r", card, "[1, 10]", steps(20, 0), 1, 2000).score()).isCloseTo(0.75, within(EPS));
        // Stereo: left 0.5, right 0 -> mean mix 0.25, first channel 0.5.
        short[] stereo = new short[20];
        for (int i = 0; i < 20; i += 2) {
            stereo[i] = 16384;
        }
        assertThat(scoreAudio("st1", card, "[1, 10]", stereo, 2, 1000).score()).isCloseTo(0.25, within(EPS));
        assertThat(scoreAudio("st2", card.replace("mono: mean", "mono: first"), "[1, 10]", stereo, 2, 1000).score())
                .isCloseTo(0.5, within(EPS));
        // Four samples of 0.5, zero-padded to one 10-sample window: mean 0.2.
        short[] shortSound = {16384, 16384, 16384, 16384};
        DetectorOutcome.Scored padded = scoreAudio("p", card, "[1, 10]", shortSound, 1, 1000);
        assertThat(padded.score()).isCloseTo(0.2, within(EPS));
        assertThat(padded.details()).containsEntry("windows", 1);
    }

    @Test
    void anImageModelDoesNotScoreAudio() throws Exception {
        ModelCard c = ModelCardParser.parse(ModelDir.write(dir, "img", TinyOnnx.passthrough("pixels", "scores", 1, 3, 2, 2),
                ModelDir.imageCard("nchw", "[1, 3, 2, 2]", PLAIN, output(0, "none"))));
        try (OnnxDetector d = OnnxDetector.load(c, OnnxDetector.Options.defaults());
             DetectorInput in = DetectorInput.of(MediaAsset.of("a.wav", Wav.of(new short[100], 1, 8000), AssetLimits.DEFAULT))) {
            assertThat(d.detect(in)).isEqualTo(new DetectorOutcome.NotApplicable("scores image, not audio"));
        }
    }

    // ----- load-time checks -----

    @Test
    void wrongSha256IsRefusedNamingFileAndBothHashes() throws Exception {
        Path card = ModelDir.write(dir, "bad", TinyOnnx.passthrough("pixels", "scores", 1, 3, 2, 2),
                ModelDir.imageCard("nchw", "[1, 3, 2, 2]", PLAIN, output(0, "none")));
        byte[] other = TinyOnnx.passthrough("pixels", "scores", 1, 3, 3, 3);
        Files.write(dir.resolve("bad.onnx"), other);
        ModelCard c = ModelCardParser.parse(card);
        assertThatThrownBy(() -> OnnxDetector.load(c, OnnxDetector.Options.defaults()))
                .isInstanceOf(ModelCardException.class)
                .hasMessageContaining(card.toString())
                .hasMessageContaining(dir.resolve("bad.onnx").toString())
                .hasMessageContaining(c.sha256())
                .hasMessageContaining(io.assay.detect.card.ModelFile.sha256(other));
    }

    @Test
    void inputNameShapeAndOutputAreCheckedAgainstTheModel() throws Exception {
        byte[] model = TinyOnnx.passthrough("image", "scores", 1, 3, 2, 2);
        ModelCard name = ModelCardParser.parse(ModelDir.write(dir, "n", model, ModelDir.imageCard("nchw", "[1, 3, 2, 2]", PLAIN, output(0, "none"))));
        assertThatThrownBy(() -> OnnxDetector.load(name, OnnxDetector.Options.defaults()))
                .isInstanceOf(ModelCardException.class)
                .hasMessageContaining("field 'input.name'").hasMessageContaining("no input 'pixels' (its inputs: image)");

        byte[] m2 = TinyOnnx.passthrough("pixels", "scores", 1, 3, 2, 2);
        ModelCard shape = ModelCardParser.parse(ModelDir.write(dir, "s", m2, ModelDir.imageCard("nhwc", "[1, 2, 2, 3]", PLAIN, output(0, "none"))));
        assertThatThrownBy(() -> OnnxDetector.load(shape, OnnxDetector.Options.defaults()))
                .hasMessageContaining("field 'input.shape'").hasMessageContaining("dimension 1");

        ModelCard out = ModelCardParser.parse(ModelDir.write(dir, "o", m2, ModelDir.imageCard("nchw", "[1, 3, 2, 2]", PLAIN,
                "name: logits\nfakeIndex: 0\nactivation: none")));
        assertThatThrownBy(() -> OnnxDetector.load(out, OnnxDetector.Options.defaults()))
                .hasMessageContaining("field 'output.name'").hasMessageContaining("no output 'logits'");

        ModelCard index = ModelCardParser.parse(ModelDir.write(dir, "i", m2, ModelDir.imageCard("nchw", "[1, 3, 2, 2]", PLAIN, output(12, "none"))));
        assertThatThrownBy(() -> OnnxDetector.load(index, OnnxDetector.Options.defaults()))
                .hasMessageContaining("field 'output.fakeIndex'").hasMessageContaining("12 is beyond the 12 values");
    }

    @Test
    void notAnOnnxFileIsAClearError() throws Exception {
        ModelCard c = ModelCardParser.parse(ModelDir.write(dir, "junk", "not a model".getBytes(),
                ModelDir.imageCard("nchw", "[1, 3, 2, 2]", PLAIN, output(0, "none"))));
        assertThatThrownBy(() -> OnnxDetector.load(c, OnnxDetector.Options.defaults()))
                .isInstanceOf(ModelCardException.class).hasMessageContaining("is not a model ONNX Runtime can load");
    }

    @Test
    void anOutputOutsideZeroToOneWithoutActivationIsNotAScore() throws Exception {
        String norm = PLAIN.replace("std: [1, 1, 1]", "std: [0.01, 0.01, 0.01]");
        assertThatThrownBy(() -> score("big", TinyOnnx.passthrough("pixels", "scores", 1, 3, 2, 2),
                ModelDir.imageCard("nchw", "[1, 3, 2, 2]", norm, output(0, "none")), twoByTwo()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not a probability");
    }

    @Test
    void framesAreSpreadEvenly() {
        assertThat(OnnxDetector.spread(3, 8)).containsExactly(0, 1, 2);
        assertThat(OnnxDetector.spread(16, 4)).containsExactly(2, 6, 10, 14);
        assertThat(OnnxDetector.spread(10, 1)).containsExactly(5);
    }

    @Test
    void concurrentScansGetTheirOwnExactScores() throws Exception {
        ModelCard c = ModelCardParser.parse(ModelDir.write(dir, "cc", TinyOnnx.mean("pixels", "scores", 1, 3, 2, 2),
                ModelDir.imageCard("nchw", "[1, 3, 2, 2]", PLAIN, output(0, "none"))));
        try (OnnxDetector d = OnnxDetector.load(c, OnnxDetector.Options.defaults())) {
            var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                var futures = new java.util.ArrayList<java.util.concurrent.Future<Double>>();
                for (int i = 0; i < 32; i++) {
                    int grey = i * 8;
                    futures.add(pool.submit(() -> {
                        BufferedImage img = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
                        int rgb = grey << 16 | grey << 8 | grey;
                        for (int p = 0; p < 4; p++) {
                            img.setRGB(p % 2, p / 2, rgb);
                        }
                        try (DetectorInput in = DetectorInput.ofImage("g.png", img)) {
                            return ((DetectorOutcome.Scored) d.detect(in)).score();
                        }
                    }));
                }
                for (int i = 0; i < 32; i++) {
                    assertThat(futures.get(i).get()).isCloseTo(i * 8 / 255.0, within(EPS));
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
