package io.assay.cli;

import io.assay.detect.ContentProbe;
import io.assay.detect.Detector;
import io.assay.detect.Ensemble;
import io.assay.detect.analyzer.DetectAnalyzerProvider;
import io.assay.detect.card.ModelCard;
import io.assay.detect.card.ModelCards;
import io.assay.detect.ensemble.VotingRules;
import io.assay.detect.ensemble.WeightedVoteEnsemble;
import io.assay.detect.onnx.OnnxDetector;
import io.assay.detect.eval.Condition;
import io.assay.detect.eval.Dataset;
import io.assay.detect.eval.Evaluation;
import io.assay.detect.eval.EvaluationSettings;
import io.assay.detect.eval.Evaluator;
import io.assay.detect.eval.MarkdownReport;
import io.assay.detect.eval.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;

/**
 * {@code assay eval --dataset DIR|CSV}: the registered (built-in) detectors, the ONNX models of a models folder, and
 * their weighted-vote ensemble (experimental detectors counted), on a labelled
 * dataset: AUC, EER, precision and recall at each detector's threshold with bootstrap intervals, under each
 * robustness condition. Prints the table and writes report.md, report.json and one ROC plot per condition.
 */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Evaluate the detectors on labelled real and fake media: AUC, EER, precision and recall with "
                + "bootstrap confidence intervals, also after JPEG re-encoding, resizing and the telephone codec.",
                "Writes report.md, report.json and roc-<condition>.png. Figures describe the dataset given; they are "
                        + "accuracy claims only on a recognised benchmark."})
final class EvalCommand implements Callable<Integer> {

    @Option(names = "--dataset", required = true, paramLabel = "DIR|CSV",
            description = "A folder with real/ and fake/ (or authentic/ and synthetic/) subfolders, or a CSV of "
                    + "path,label rows (label real/fake or 0/1; paths relative to the CSV).")
    Path dataset;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "eval-report",
            description = "Folder for the report files (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--models", paramLabel = "DIR", description = "Also evaluate the ONNX detectors of the model cards in DIR.")
    Path models;

    @Option(names = "--detectors", paramLabel = "LIST", defaultValue = "all",
            description = "Registered (built-in) detectors to evaluate: all, none, or comma-separated ids (default: ${DEFAULT-VALUE}).")
    String detectorSelection;

    @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "" + EvaluationSettings.DEFAULT_BOOTSTRAP,
            description = "Bootstrap rounds per interval, 0 for none (default: ${DEFAULT-VALUE}).")
    int bootstrap;

    @Option(names = "--conditions", paramLabel = "LIST", defaultValue = "original,jpeg75,jpeg50,resize50,telephone",
            description = "Robustness conditions, comma-separated (default: ${DEFAULT-VALUE}).")
    String conditions;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "" + EvaluationSettings.DEFAULT_SEED,
            description = "Bootstrap seed: the same seed and data give the same figures (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--detector-timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "Time one detector may take on one item; beyond it the item counts as not applicable "
                    + "(default: ${DEFAULT-VALUE}).")
    double detectorTimeout;

    @Option(names = "--threads", paramLabel = "N", description = "Items evaluated at once (default: the number of CPUs).")
    Integer threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!(detectorTimeout > 0) || detectorTimeout > 86_400) {
            throw new IllegalArgumentException("--detector-timeout must be within 0..86400 seconds: " + detectorTimeout);
        }
        EvaluationSettings settings = EvaluationSettings.defaults()
                .withConditions(Condition.parseList(conditions))
                .withBootstrap(bootstrap, seed)
                .withDetectorTimeout(Duration.ofMillis(Math.max(1, Math.round(detectorTimeout * 1000))));
        if (threads != null) {
            settings = settings.withThreads(threads);
        }
        List<Detector> detectors = new ArrayList<>(DetectAnalyzerProvider.registered(load(Detector.class), detectorSelection));
        List<AutoCloseable> owned = new ArrayList<>();
        if (models != null) {
            for (ModelCard card : ModelCards.load(models)) {
                OnnxDetector d = OnnxDetector.load(card, OnnxDetector.Options.defaults());
                owned.add(d);
                detectors.add(d);
            }
        }
        detectors.sort(Comparator.comparing(d -> d.info().id()));
        if (detectors.isEmpty()) {
            throw new IllegalStateException("no detectors to evaluate: --detectors selects none of the registered ones"
                    + (models == null ? " and --models was not given" : " and the models folder has no cards"));
        }
        List<Ensemble> ensembles = load(Ensemble.class);
        // The evaluation counts experimental detectors too: otherwise the built-in ones would leave no ensemble row.
        Ensemble ensemble = ensembles.isEmpty()
                ? new WeightedVoteEnsemble(VotingRules.defaults().withCountExperimental(true)) : ensembles.getFirst();
        if (ensembles.size() > 1) {
            err.println("several ensembles are registered; evaluating the first, " + ensemble.getClass().getName());
        }
        List<ContentProbe> probes = load(ContentProbe.class);

        if (java.nio.file.Files.exists(out) && !java.nio.file.Files.isDirectory(out)) {
            // Before the run, not after minutes of scoring.
            throw new IllegalArgumentException("cannot write the report into " + out + ": it is a file, not a folder");
        }
        Dataset data = Dataset.load(dataset);
        err.printf("evaluating %d detector(s) (%s) and the ensemble %s on %s%n", detectors.size(),
                String.join(", ", detectors.stream().map(d -> d.info().id()).toList()),
                ensemble instanceof WeightedVoteEnsemble ? "(weighted votes, experimental detectors counted)"
                        : ensemble.getClass().getName(), data);
        err.flush();
        Evaluation e;
        try {
            e = new Evaluator(settings, line -> {
                err.println("  " + line);
                err.flush();
            }).evaluate(data, detectors, ensemble, probes, List.of());
        } finally {
            for (AutoCloseable c : owned) {
                c.close();
            }
        }
        List<Path> files = ReportWriter.write(e, out);
        stdout.print(MarkdownReport.render(e));
        stdout.println();
        stdout.println("written: " + String.join(", ", files.stream().map(Path::toString).toList()));
        stdout.flush();
        return 0;
    }

    /** The providers of a service, in class-path order; a provider that cannot be made is a one-line error. */
    private static <T> List<T> load(Class<T> type) {
        List<T> out = new ArrayList<>();
        try {
            ServiceLoader.load(type).forEach(out::add);
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("cannot load a " + type.getSimpleName() + " provider: " + e.getMessage(), e);
        }
        return out;
    }
}
