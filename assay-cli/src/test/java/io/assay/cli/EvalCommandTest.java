package io.assay.cli;

import io.assay.core.testing.SharedCorpus;
import io.assay.detect.eval.SyntheticDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static io.assay.cli.ScanCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code assay eval} on a small generated dataset, with the test detector registered in src/test/resources. */
class EvalCommandTest {

    @TempDir
    static Path tmp;

    static Path data;

    @BeforeAll
    static void generate() throws IOException {
        data = SyntheticDataset.write(SharedCorpus.corpus("pdq"), tmp.resolve("data"), new SyntheticDataset.Spec(10, 64, 11)).dir();
    }

    @Test
    void writesTheTableTheJsonAndOneRocPlotPerCondition() throws IOException {
        Path out = tmp.resolve("report");
        ScanCommandTest.Run r = run("eval", "--dataset", data.toString(), "--out", out.toString(), "--bootstrap", "200",
                "--conditions", "original,resize50,telephone", "--seed", "3", "--detectors", "test-phase-contrast");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("evaluating 1 detector(s) (test-phase-contrast) and the ensemble (weighted votes, experimental detectors counted)")
                .contains("original: 20 items").contains("resize50: 20 items");
        assertThat(r.out()).contains("| row | n (fake/real) | coverage | AUC [95% CI] | EER [95% CI] |")
                .contains("| test-phase-contrast | 20 (10/10) | 100 % |")
                .contains("condition telephone (telephone codec: 8 kHz G.711 mu-law and back to the original rate): no items")
                .contains("written: ");
        assertThat(Files.readString(out.resolve("report.md"))).isEqualTo(r.out().substring(0, r.out().indexOf("\nwritten: ")));
        JsonNode json = JsonMapper.builder().build().readTree(out.resolve("report.json").toFile());
        assertThat(json.get("ensemble").isNull()).isFalse();
        assertThat(json.get("settings").get("seed").asLong()).isEqualTo(3);
        assertThat(json.get("rows")).hasSize(4); // the detector and the ensemble, in two conditions with items
        JsonNode auc = json.get("rows").get(0).get("auc");
        assertThat(auc.get("ci_low").asDouble()).isLessThanOrEqualTo(auc.get("value").asDouble());
        assertThat(auc.get("value").asDouble()).isLessThanOrEqualTo(auc.get("ci_high").asDouble());
        assertThat(auc.get("bootstrap_rounds_defined").asInt()).isEqualTo(200);
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("report.json", "report.md", "roc-original.png", "roc-resize50.png");
        }
        BufferedImage png = ImageIO.read(out.resolve("roc-original.png").toFile());
        assertThat(png.getWidth()).isEqualTo(io.assay.detect.eval.RocPlot.WIDTH);
        assertThat(png.getHeight()).isEqualTo(io.assay.detect.eval.RocPlot.HEIGHT);
    }

    @Test
    void readsACsvDataset() throws IOException {
        Path csv = tmp.resolve("list.csv");
        StringBuilder sb = new StringBuilder("path,label\n");
        try (Stream<Path> s = Files.list(data.resolve("real"))) {
            s.sorted().forEach(p -> sb.append("data/real/").append(p.getFileName()).append(",0\n"));
        }
        try (Stream<Path> s = Files.list(data.resolve("fake"))) {
            s.sorted().forEach(p -> sb.append("data/fake/").append(p.getFileName()).append(",1\n"));
        }
        Files.writeString(csv, sb);
        ScanCommandTest.Run r = run("eval", "--dataset", csv.toString(), "--out", tmp.resolve("csv-report").toString(),
                "--bootstrap", "50", "--conditions", "jpeg50", "--detectors", "test-phase-contrast");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("## jpeg50: JPEG re-encoded at quality 50 (20 items");
        assertThat(tmp.resolve("csv-report/roc-jpeg50.png")).isRegularFile();
    }

    @Test
    void badInputIsOneLineAndANonZeroExit() throws IOException {
        ScanCommandTest.Run missing = run("eval", "--dataset", tmp.resolve("nowhere").toString(), "--out", tmp.resolve("x").toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err().strip()).startsWith("assay: dataset not found: ").doesNotContain("\n").doesNotContain("Exception");

        ScanCommandTest.Run condition = run("eval", "--dataset", data.toString(), "--conditions", "original,blur");
        assertThat(condition.exit()).isEqualTo(1);
        assertThat(condition.err().strip()).isEqualTo("assay: unknown condition 'blur' (known: original,jpeg75,jpeg50,resize50,telephone)");

        Path csv = tmp.resolve("bad.csv");
        Files.writeString(csv, "path,label\ndata/real/real-0000.png,real\ndata/fake/none.png,fake\n");
        ScanCommandTest.Run row = run("eval", "--dataset", csv.toString());
        assertThat(row.exit()).isEqualTo(1);
        assertThat(row.err().strip()).isEqualTo("assay: bad.csv line 3: data/fake/none.png: no such file");

        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        ScanCommandTest.Run outIsFile = run("eval", "--dataset", data.toString(), "--out", file.toString(), "--bootstrap", "0",
                "--conditions", "original");
        assertThat(outIsFile.exit()).isEqualTo(1);
        assertThat(outIsFile.err().lines().filter(l -> l.startsWith("assay: ")).toList())
                .containsExactly("assay: cannot write the report into " + file + ": it is a file, not a folder");

        ScanCommandTest.Run rounds = run("eval", "--dataset", data.toString(), "--bootstrap", "-5");
        assertThat(rounds.exit()).isEqualTo(1);
        assertThat(rounds.err().strip()).startsWith("assay: bootstrap rounds must be within 0..");
    }

    /** The build's report on generated data with the real built-in image detector (its figures: see the README). */
    @Test
    void evaluatesTheBuiltInSpectralDetectorOnGeneratedData() throws IOException {
        Path out = tmp.resolve("builtin");
        // the spectral detector reads 128-pixel tiles: crops of 256
        Path large = SyntheticDataset.write(SharedCorpus.corpus("pdq"), tmp.resolve("data-256"),
                new SyntheticDataset.Spec(10, 256, 11)).dir();
        ScanCommandTest.Run r = run("eval", "--dataset", large.toString(), "--out", out.toString(), "--bootstrap", "200",
                "--conditions", "original,jpeg75", "--detectors", "spectral-image");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("| spectral-image | 20 (10/10) | 100 % |").contains("| ensemble |");
        JsonNode json = JsonMapper.builder().build().readTree(out.resolve("report.json").toFile());
        JsonNode auc = json.get("rows").get(0).get("auc");
        assertThat(auc.get("ci_low").asDouble()).isLessThanOrEqualTo(auc.get("value").asDouble());
        assertThat(auc.get("value").asDouble()).isLessThanOrEqualTo(auc.get("ci_high").asDouble());
        assertThat(out.resolve("roc-jpeg75.png")).isRegularFile();
        System.out.println(r.out());
    }

    @Test
    void evaluatesTheOnnxModelsOfAModelsFolder() throws Exception {
        Path models = ScanWithModelsTest.models(tmp.resolve("with-models"), true);
        Path out = tmp.resolve("m");
        ScanCommandTest.Run r = run("eval", "--dataset", data.toString(), "--models", models.toString(), "--detectors",
                "none", "--out", out.toString(), "--bootstrap", "50", "--conditions", "original");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("evaluating 1 detector(s) (grey-level)");
        assertThat(r.out()).contains("| grey-level | 20 (10/10) | 100 % |").contains("| ensemble |");
        assertThat(out.resolve("roc-original.png")).isRegularFile();
    }

    @Test
    void aBadModelsFolderIsOneClearLine() throws Exception {
        Path models = ScanWithModelsTest.models(tmp.resolve("bad-models"), false);
        Files.write(models.resolve("grey.onnx"), new byte[]{1, 2, 3});
        ScanCommandTest.Run r = run("eval", "--dataset", data.toString(), "--models", models.toString(), "--out",
                tmp.resolve("bad").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().strip()).doesNotContain("\n").contains("has SHA-256").contains("but the card expects");
        assertThat(tmp.resolve("bad")).doesNotExist();
    }
}
