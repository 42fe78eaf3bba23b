package io.assay.cli;

import com.google.protobuf.CodedOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import static io.assay.cli.ScanCommandTest.JSON;
import static io.assay.cli.ScanCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code assay scan --models DIR}: an ONNX model and its card in a folder become a detector in the verdict. */
class ScanWithModelsTest {

    @TempDir
    Path dir;

    /** A uniform grey PNG: the test model scores it exactly grey / 255. */
    Path greyImage(int grey) throws IOException {
        BufferedImage img = new BufferedImage(8, 6, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 6; y++) {
            for (int x = 0; x < 8; x++) {
                img.setRGB(x, y, grey << 16 | grey << 8 | grey);
            }
        }
        Path f = dir.resolve("grey.png");
        ImageIO.write(img, "png", f.toFile());
        return f;
    }

    Path models(boolean trusted) throws Exception {
        return models(dir, trusted);
    }

    /** A models folder in {@code dir} holding the grey-level test model and its card. */
    static Path models(Path dir, boolean trusted) throws Exception {
        Path models = Files.createDirectories(dir.resolve("models"));
        byte[] model = meanModel();
        Files.write(models.resolve("grey.onnx"), model);
        Files.writeString(models.resolve("grey.card.yaml"), """
                id: grey-level
                name: Grey level (test model)
                version: "1"
                model:
                  file: grey.onnx
                  sha256: %s
                media: [image]
                competence: any
                input: {name: pixels, shape: [1, 3, 2, 2], layout: nchw}
                image:
                  resize: stretch
                  colour: rgb
                  scale: 0.00392156862745098
                  mean: [0, 0, 0]
                  std: [1, 1, 1]
                output: {name: score, fakeIndex: 0, activation: none}
                thresholds: {low: 0.3, high: 0.7}
                trusted: %s
                licence: test
                evaluatedOn: nothing
                """.formatted(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(model)), trusted));
        return models;
    }

    @Test
    void theVerdictShowsTheDetectorsScoreAndVote() throws Exception {
        Path image = greyImage(200);
        ScanCommandTest.Run r = run("scan", "--json", "--models", models(false).toString(), image.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode verdict = JSON.readTree(r.out());
        JsonNode detect = null;
        for (JsonNode e : verdict.get("evidence")) {
            if (e.get("source").asString().equals("detect")) {
                detect = e;
            }
        }
        assertThat(detect).as(r.out()).isNotNull();
        JsonNode grey = detect.get("details").get("detectors").get("grey-level");
        assertThat(grey.get("score").asDouble()).isEqualTo(Math.round(200 / 255.0 * 1e4) / 1e4);
        assertThat(grey.get("vote").asString()).isEqualTo("high");
        assertThat(grey.get("counted").asBoolean()).isTrue();
        // One untrusted vote is not enough on its own: the ensemble is uncertain, so a person looks.
        assertThat(detect.get("details").get("outcome").asString()).isEqualTo("uncertain");
        assertThat(verdict.get("label").asString()).isEqualTo("none");
        assertThat(verdict.get("action").asString()).isEqualTo("review");
    }

    @Test
    void aTrustedModelAloneMakesItLikelyAi() throws Exception {
        ScanCommandTest.Run r = run("scan", "--json", "--models", models(true).toString(), greyImage(220).toString());
        JsonNode verdict = JSON.readTree(r.out());
        assertThat(verdict.get("label").asString()).as(r.out()).isEqualTo("likely-ai");
        ScanCommandTest.Run low = run("scan", "--json", "--models", models(true).toString(), greyImage(20).toString());
        assertThat(JSON.readTree(low.out()).get("label").asString()).isEqualTo("none");
        assertThat(JSON.readTree(low.out()).get("action").asString()).isEqualTo("none");
    }

    @Test
    void aWrongSha256IsOneClearLine() throws Exception {
        Path models = models(false);
        Files.write(models.resolve("grey.onnx"), new byte[]{1, 2, 3});
        ScanCommandTest.Run r = run("scan", "--models", models.toString(), greyImage(1).toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().strip()).doesNotContain("\n").doesNotContain("\tat ")
                .startsWith("assay: analyzer 'detect' could not be set up: model card " + models.resolve("grey.card.yaml"))
                .contains("has SHA-256 039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81 but the card expects");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aMalformedCardIsOneClearLine() throws Exception {
        Path models = models(false);
        Path card = models.resolve("grey.card.yaml");
        Files.writeString(card, Files.readString(card).replace("activation: none", "activation: relu"));
        ScanCommandTest.Run r = run("scan", "--analyzer-setting", "detect.models-dir=" + models, greyImage(1).toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().strip()).doesNotContain("\n").doesNotContain("\tat ")
                .isEqualTo("assay: analyzer 'detect' could not be set up: model card " + card
                        + ": field 'output.activation': unknown value 'relu' (one of: none, sigmoid, softmax)");
    }

    // ----- a tiny ONNX model: ReduceMean over [1,3,2,2], reshaped to [1,1] (onnx.proto field numbers) -----

    static byte[] meanModel() throws IOException {
        byte[] mean = message(o -> {
            o.writeString(1, "pixels");
            o.writeString(2, "m");
            o.writeString(4, "ReduceMean");
            o.writeByteArray(5, message(a -> {
                a.writeString(1, "axes");
                for (long axis = 1; axis <= 3; axis++) {
                    a.writeInt64(8, axis);
                }
                a.writeInt64(20, 7);
            }));
            o.writeByteArray(5, message(a -> {
                a.writeString(1, "keepdims");
                a.writeInt64(3, 0);
                a.writeInt64(20, 2);
            }));
        });
        byte[] reshape = message(o -> {
            o.writeString(1, "m");
            o.writeString(1, "shape");
            o.writeString(2, "score");
            o.writeString(4, "Reshape");
        });
        byte[] shape = message(t -> {
            t.writeInt64(1, 2);
            t.writeInt64(2, 7);
            t.writeByteArray(7, message(p -> {
                p.writeInt64NoTag(1);
                p.writeInt64NoTag(1);
            }));
            t.writeString(8, "shape");
        });
        byte[] graph = message(g -> {
            g.writeByteArray(1, mean);
            g.writeByteArray(1, reshape);
            g.writeString(2, "grey");
            g.writeByteArray(5, shape);
            g.writeByteArray(11, valueInfo("pixels", 1, 3, 2, 2));
            g.writeByteArray(12, valueInfo("score", 1, 1));
        });
        return message(m -> {
            m.writeInt64(1, 8);
            m.writeByteArray(7, graph);
            m.writeByteArray(8, message(op -> op.writeInt64(2, 13)));
        });
    }

    static byte[] valueInfo(String name, long... dims) throws IOException {
        byte[] shape = message(s -> {
            for (long d : dims) {
                s.writeByteArray(1, message(dim -> dim.writeInt64(1, d)));
            }
        });
        byte[] tensor = message(t -> {
            t.writeInt64(1, 1);
            t.writeByteArray(2, shape);
        });
        return message(v -> {
            v.writeString(1, name);
            v.writeByteArray(2, message(type -> type.writeByteArray(1, tensor)));
        });
    }

    interface Fields {
        void write(CodedOutputStream out) throws IOException;
    }

    static byte[] message(Fields fields) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(buf);
        fields.write(out);
        out.flush();
        return buf.toByteArray();
    }
}
