package io.assay.detect.onnx;

import io.assay.detect.DetectorInput;
import io.assay.detect.card.ModelCard;
import io.assay.detect.card.ModelCardParser;
import io.assay.detect.onnx.testing.ModelDir;
import io.assay.detect.onnx.testing.TinyOnnx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** An interrupted thread stops its native inference (the run's terminate flag), not only its Java code. */
class InterruptTest {

    @TempDir
    Path dir;

    /** [1,3,2,2] tiled to [1,3,n,n], then {@code steps} chained n×n matrix products: seconds of work on one thread. */
    static byte[] slowModel(int n, int steps) {
        TinyOnnx m = new TinyOnnx().input("pixels", 1, 3, 2, 2).output("scores", 1, 1)
                .int64Constant("reps", new long[]{4}, 1, 1, n / 2, n / 2)
                .node("Tile", List.of("pixels", "reps"), List.of("x0"));
        for (int i = 0; i < steps; i++) {
            m.node("MatMul", List.of("x" + i, "x" + i), List.of("m" + i));
            // Keep values finite: divide by the mean magnitude's growth with a Sigmoid.
            m.node("Sigmoid", List.of("m" + i), List.of("x" + (i + 1)));
        }
        return m.node("ReduceMean", List.of("x" + steps), List.of("r"), TinyOnnx.ints("axes", 1, 2, 3), TinyOnnx.intAttr("keepdims", 0))
                .int64Constant("shape11", new long[]{2}, 1, 1)
                .node("Reshape", List.of("r", "shape11"), List.of("scores")).build();
    }

    @Test
    void interruptingTheCallerTerminatesTheRun() throws Exception {
        ModelCard card = ModelCardParser.parse(ModelDir.write(dir, "slow", slowModel(1024, 40),
                ModelDir.imageCard("nchw", "[1, 3, 2, 2]", """
                        resize: stretch
                        colour: rgb
                        scale: 0.00392156862745098
                        mean: [0, 0, 0]
                        std: [1, 1, 1]
                        """, "name: scores\nfakeIndex: 0\nactivation: none")));
        BufferedImage img = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        try (OnnxDetector d = OnnxDetector.load(card, OnnxDetector.Options.defaults());
             DetectorInput in = DetectorInput.ofImage("x.png", img)) {
            long t0 = System.nanoTime();
            d.detect(in);
            long full = (System.nanoTime() - t0) / 1_000_000;

            List<Throwable> thrown = new ArrayList<>();
            CompletableFuture<Long> stopped = new CompletableFuture<>();
            Thread t = Thread.ofPlatform().start(() -> {
                long s = System.nanoTime();
                try {
                    d.detect(in);
                } catch (Throwable e) {
                    thrown.add(e);
                }
                stopped.complete((System.nanoTime() - s) / 1_000_000);
            });
            Thread.sleep(full / 5);
            t.interrupt();
            long took = stopped.get(full * 3 + 5000, TimeUnit.MILLISECONDS);
            System.out.println("full inference " + full + " ms, interrupted one stopped after " + took + " ms");
            assertThat(thrown).singleElement().isInstanceOf(InterruptedException.class);
            assertThat(took).isLessThan(full / 5 + full / 2);
        }
    }
}
