package io.assay.detect.eval;

import io.assay.core.media.MediaType;
import io.assay.core.testing.SharedCorpus;
import io.assay.detect.Detector;
import io.assay.detect.DetectorInfo;
import io.assay.detect.DetectorInput;
import io.assay.detect.DetectorOutcome;
import io.assay.hash.audio.PcmAudio;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole evaluation, from a generated dataset to the report files, with real test detectors and ensemble. */
class EvaluatorTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path shared;

    @TempDir
    Path tmp;

    /** One generated dataset for all tests: decoding the corpus photos is the slow part. */
    static SyntheticDataset.Result made;
    static double genSeconds;

    @BeforeAll
    static void generate() throws IOException {
        long t0 = System.nanoTime();
        made = SyntheticDataset.write(SharedCorpus.corpus("pdq"), shared.resolve("data"), new SyntheticDataset.Spec(40, 128, 7));
        genSeconds = (System.nanoTime() - t0) / 1e9;
    }

    @Test
    void evaluatesTheGeneratedDatasetIntoTableJsonAndRocPlots() throws Exception {
        long t0 = System.nanoTime();
        Dataset data = Dataset.load(made.dir());
        assertThat(data.count(Label.REAL)).isEqualTo(40);
        assertThat(data.count(Label.FAKE)).isEqualTo(40);

        List<String> log = new ArrayList<>();
        Evaluation e = new Evaluator(EvaluationSettings.defaults(), log::add).evaluate(data,
                List.of(new PeriodTwoDetector(), new HighFrequencyEnergyDetector(), new AudioBandwidthDetector()),
                new MajorityVoteEnsemble(), List.of(), made.notes());
        // Kept in target/ so the build leaves the report of the generated data for people to read.
        Path outDir = Path.of("target", "eval-report");
        List<Path> files = ReportWriter.write(e, outDir);
        System.out.printf("generated in %.1f s, evaluated in %.1f s%n%s%n", genSeconds, e.seconds(),
                Files.readString(outDir.resolve("report.md")));

        // Every condition with items has a block; the telephone one has none (no audio) and says so.
        assertThat(e.conditions()).containsExactly(Condition.ORIGINAL, Condition.JPEG75, Condition.JPEG50, Condition.RESIZE50);
        assertThat(e.notes()).anyMatch(n -> n.startsWith("condition telephone") && n.contains("no items"))
                .contains(SyntheticDataset.NO_AUDIO);
        assertThat(log).hasSize(4);
        assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("report.md", "report.json",
                "roc-original.png", "roc-jpeg75.png", "roc-jpeg50.png", "roc-resize50.png");
        for (Condition c : e.conditions()) {
            BufferedImage png = ImageIO.read(outDir.resolve(ReportWriter.plotName(c)).toFile());
            assertThat(png).as(c.id()).isNotNull();
            assertThat(png.getWidth()).isEqualTo(RocPlot.WIDTH);
            assertThat(png.getHeight()).isEqualTo(RocPlot.HEIGHT);
        }

        String md = Files.readString(outDir.resolve("report.md"));
        assertThat(md).contains("| row | n (fake/real) | coverage | AUC [95% CI] | EER [95% CI] |")
                .contains("## original: as given (80 items").contains("## resize50:")
                .contains("- audio-bandwidth did not apply to 80 item(s): does not score image")
                .contains("| ensemble | 80 (40/40) | 100 % |");

        JsonNode json = JSON.readTree(outDir.resolve("report.json").toFile());
        assertThat(json.get("rows")).hasSize(4 * 4);
        assertThat(json.get("settings").get("bootstrap_rounds").asInt()).isEqualTo(1000);
        int intervals = 0;
        for (JsonNode row : json.get("rows")) {
            if (row.get("row").asString().equals("audio-bandwidth")) {
                assertThat(row.get("coverage").asDouble()).isZero();
                assertThat(row.get("auc").get("value").isNull()).isTrue();
                continue;
            }
            assertThat(row.get("coverage").asDouble()).isEqualTo(1.0);
            for (String m : List.of("auc", "eer", "precision", "recall")) {
                JsonNode est = row.get(m);
                if (est.get("value").isNull() || est.get("ci_low").isNull()) {
                    continue;
                }
                double v = est.get("value").asDouble(), lo = est.get("ci_low").asDouble(), hi = est.get("ci_high").asDouble();
                assertThat(lo).as("%s %s %s", row.get("row"), row.get("condition"), m).isLessThanOrEqualTo(v);
                assertThat(v).as("%s %s %s", row.get("row"), row.get("condition"), m).isLessThanOrEqualTo(hi);
                intervals++;
            }
            assertThat(row.get("roc").size()).isGreaterThan(2);
        }
        assertThat(intervals).isGreaterThanOrEqualTo(30);

        // The period-2 detector sees the upsampling; halving the image undoes the upsampling and with it the trace.
        RowMetrics original = row(e, "period-two", Condition.ORIGINAL);
        RowMetrics halved = row(e, "period-two", Condition.RESIZE50);
        assertThat(original.auc().value()).isGreaterThan(0.9);
        assertThat(halved.auc().value()).isLessThan(original.auc().lower());
        assertThat(genSeconds + (System.nanoTime() - t0) / 1e9).isLessThan(60);
    }

    @Test
    void theSameSeedGivesTheSameFigures() throws Exception {
        Dataset data = Dataset.load(made.dir());
        EvaluationSettings s = EvaluationSettings.defaults().withConditions(List.of(Condition.ORIGINAL, Condition.JPEG50))
                .withBootstrap(300, 99);
        List<RowMetrics> a = new Evaluator(s, null).evaluate(data, List.of(new PeriodTwoDetector()), new MajorityVoteEnsemble(),
                List.of(), List.of()).rows();
        List<RowMetrics> b = new Evaluator(s.withThreads(1), null).evaluate(data, List.of(new PeriodTwoDetector()),
                new MajorityVoteEnsemble(), List.of(), List.of()).rows();
        assertThat(a).hasSize(4);
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.get(i).auc()).isEqualTo(a.get(i).auc());
            assertThat(b.get(i).eer()).isEqualTo(a.get(i).eer());
            assertThat(b.get(i).precision()).isEqualTo(a.get(i).precision());
            assertThat(b.get(i).roc()).isEqualTo(a.get(i).roc());
        }
    }

    @Test
    void theTelephoneConditionCodesAudioAndRemovesABandwidthTrace() throws Exception {
        // Real: broadband noisy harmonic sounds at 16 kHz. Fake: the same kind of sound passed through an 8 kHz
        // synthesiser-like stage (band-limited to 3.6 kHz). Over the phone both lose everything above 4 kHz.
        SplittableRandom rnd = new SplittableRandom(5);
        for (int i = 0; i < 12; i++) {
            writeWav(tmp.resolve("audio/real/r" + i + ".wav"), sound(rnd, false));
            writeWav(tmp.resolve("audio/fake/f" + i + ".wav"), sound(rnd, true));
        }
        Dataset data = Dataset.load(tmp.resolve("audio"));
        EvaluationSettings s = EvaluationSettings.defaults()
                .withConditions(List.of(Condition.ORIGINAL, Condition.TELEPHONE, Condition.JPEG75)).withBootstrap(500, 1);
        Evaluation e = new Evaluator(s, null).evaluate(data, List.of(new AudioBandwidthDetector(), new PeriodTwoDetector()),
                null, List.of(), List.of());
        assertThat(e.conditions()).containsExactly(Condition.ORIGINAL, Condition.TELEPHONE);
        assertThat(e.notes()).anyMatch(n -> n.startsWith("condition jpeg75") && n.contains("(image)"))
                .contains("no ensemble was given: the report has no ensemble row");
        RowMetrics original = row(e, "audio-bandwidth", Condition.ORIGINAL);
        RowMetrics phone = row(e, "audio-bandwidth", Condition.TELEPHONE);
        assertThat(original.auc().value()).isEqualTo(1.0);
        assertThat(phone.applied()).isEqualTo(24);
        assertThat(phone.auc().value()).isLessThan(0.85);
        assertThat(row(e, "period-two", Condition.TELEPHONE).coverage()).isZero();
        String md = MarkdownReport.render(e);
        System.out.println(md.substring(md.indexOf("## AUC by condition"), md.indexOf("\n## original")));
        assertThat(md).contains("No ensemble: no ensemble row.");
        List<Path> files = ReportWriter.write(e, tmp.resolve("out"));
        assertThat(files).extracting(p -> p.getFileName().toString()).contains("roc-telephone.png");
    }

    @Test
    void detectorsThatOverrunOrFailCountAsNotApplicableWithTheReason() throws Exception {
        for (int i = 0; i < 3; i++) {
            copy(made.dir().resolve("real"), i, tmp.resolve("few/real"));
            copy(made.dir().resolve("fake"), i, tmp.resolve("few/fake"));
        }
        Dataset data = Dataset.load(tmp.resolve("few"));
        Detector slow = new Detector() {
            @Override
            public DetectorInfo info() {
                return new DetectorInfo("slow", null, "1", java.util.Set.of(MediaType.Kind.IMAGE),
                        PeriodTwoDetector.INFO.thresholds(), false, true, null, null, null);
            }

            @Override
            public DetectorOutcome detect(DetectorInput input) throws Exception {
                Thread.sleep(30_000); // a model stuck on a huge input
                return new PeriodTwoDetector().detect(input);
            }
        };
        Detector broken = new Detector() {
            @Override
            public DetectorInfo info() {
                return new DetectorInfo("broken", null, "1", java.util.Set.of(MediaType.Kind.IMAGE),
                        PeriodTwoDetector.INFO.thresholds(), false, true, null, null, null);
            }

            @Override
            public DetectorOutcome detect(DetectorInput input) throws Exception {
                throw new IOException("model file vanished");
            }
        };
        EvaluationSettings s = EvaluationSettings.defaults().withConditions(List.of(Condition.ORIGINAL)).withBootstrap(50, 1)
                .withDetectorTimeout(Duration.ofMillis(300));
        long t0 = System.nanoTime();
        Evaluation e = new Evaluator(s, null).evaluate(data, List.of(slow, broken, new PeriodTwoDetector()),
                new MajorityVoteEnsemble(), List.of(), List.of());
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(10);
        assertThat(row(e, "slow", Condition.ORIGINAL).applied()).isZero();
        assertThat(row(e, "slow", Condition.ORIGINAL).notApplicable()).containsEntry("timed out after 0.3 s", 6);
        assertThat(row(e, "broken", Condition.ORIGINAL).notApplicable()).containsEntry("failed: model file vanished", 6);
        assertThat(row(e, "broken", Condition.ORIGINAL).auc()).isEqualTo(Estimate.UNDEFINED);
        // The ensemble still counts the detector that worked.
        assertThat(row(e, Evaluation.ENSEMBLE_ROW, Condition.ORIGINAL).applied()).isEqualTo(6);
    }

    private static void copy(Path from, int index, Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            Path f = files.sorted().toList().get(index);
            Files.copy(f, to.resolve(f.getFileName()));
        }
    }

    static RowMetrics row(Evaluation e, String id, Condition c) {
        return e.rows(c).stream().filter(r -> r.row().equals(id)).findFirst().orElseThrow();
    }

    static short[] sound(SplittableRandom rnd, boolean bandLimited) {
        int rate = 16000, n = 16000;
        double f0 = 100 + 150 * rnd.nextDouble();
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double v = 0;
            for (int h = 1; h * f0 < 7800; h++) {
                v += Math.sin(2 * Math.PI * h * f0 * i / rate) / h;
            }
            x[i] = 4000 * v + 600 * (rnd.nextDouble() - 0.5);
        }
        if (bandLimited) {
            double[] narrow = Resampler.resample(x, rate, 8000, n / 2);
            x = Resampler.resample(narrow, 8000, rate, n);
        }
        short[] s = new short[n];
        for (int i = 0; i < n; i++) {
            s[i] = (short) Math.max(-32768, Math.min(32767, Math.round(x[i])));
        }
        return s;
    }

    static void writeWav(Path f, short[] s) throws IOException {
        Files.createDirectories(f.getParent());
        Files.write(f, WavBytes.encode(new PcmAudio(s, 16000)));
    }
}
