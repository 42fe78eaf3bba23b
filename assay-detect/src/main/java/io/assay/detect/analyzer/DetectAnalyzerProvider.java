package io.assay.detect.analyzer;

import io.assay.core.analyzer.Analyzer;
import io.assay.core.analyzer.AnalyzerProvider;
import io.assay.core.analyzer.AnalyzerSettings;
import io.assay.detect.ContentProbe;
import io.assay.detect.Detector;
import io.assay.detect.DetectorInput;
import io.assay.detect.card.ModelCard;
import io.assay.detect.card.ModelCardException;
import io.assay.detect.card.ModelCards;
import io.assay.detect.ensemble.VotingRules;
import io.assay.detect.ensemble.WeightedVoteEnsemble;
import io.assay.detect.onnx.OnnxDetector;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Makes the {@code detect} analyzer from settings (all optional):
 * <ul>
 *   <li>{@code detect.models-dir}: a folder of model cards ({@code *.card.yaml}) and their ONNX models; absent,
 *   no ONNX detectors. Any bad card or model fails the start, naming the file;</li>
 *   <li>{@code detect.timeout-ms}: time budget of each detector and probe per scan (default 2000);</li>
 *   <li>{@code detect.required-votes} (default 2) and {@code detect.required-votes-flagged} (default 3): weighted
 *   votes one side needs, normally and for content outside detectors' competence;</li>
 *   <li>{@code detect.vote-margin}: how far the winning side must lead (default 1);</li>
 *   <li>{@code detect.min-speech-fraction}: share of speech below which speech models are not competent (default 0.2);</li>
 *   <li>{@code detect.intra-op-threads}: ONNX Runtime threads per inference (default 1);</li>
 *   <li>{@code detect.builtin}: which detectors registered through {@link ServiceLoader}
 *   ({@code META-INF/services/io.assay.detect.Detector}, the built-in weak ones among them) run: {@code none}
 *   (default: they cost up to hundreds of milliseconds per image and are weak), {@code all}, or a comma-separated
 *   list of ids;</li>
 *   <li>{@code detect.count-experimental}: whether experimental detectors' votes count (default false: scored and
 *   shown only).</li>
 * </ul>
 * Every {@link ContentProbe} registered through {@link ServiceLoader} takes part when a counted detector applies.
 */
public final class DetectAnalyzerProvider implements AnalyzerProvider {

    static final Set<String> KEYS = Set.of("models-dir", "timeout-ms", "required-votes", "required-votes-flagged",
            "vote-margin", "min-speech-fraction", "intra-op-threads", "builtin", "count-experimental");
    static final String P = DetectAnalyzer.NAME + ".";

    @Override
    public String name() {
        return DetectAnalyzer.NAME;
    }

    @Override
    public Analyzer create(AnalyzerSettings settings) throws ModelCardException {
        settings.requireKnown(DetectAnalyzer.NAME, KEYS);
        long timeout = (long) number(settings, "timeout-ms", 2000, 10, 600_000);
        VotingRules defaults = VotingRules.defaults();
        double required = number(settings, "required-votes", defaults.required(), 1, 100);
        double flagged = number(settings, "required-votes-flagged", Math.max(required, defaults.requiredWhenFlagged()), required, 100);
        VotingRules rules = new VotingRules(required, flagged, number(settings, "vote-margin", defaults.margin(), 0.5, 100),
                number(settings, "min-speech-fraction", defaults.minSpeechFraction(), 0, 1),
                bool(settings, "count-experimental"));
        int threads = (int) number(settings, "intra-op-threads", 1, 1, 64);

        ClassLoader loader = DetectAnalyzerProvider.class.getClassLoader();
        List<Detector> detectors = new ArrayList<>(registered(ServiceLoader.load(Detector.class, loader),
                settings.get(P + "builtin").orElse("none")));
        List<ContentProbe> probes = new ArrayList<>();
        ServiceLoader.load(ContentProbe.class, loader).forEach(probes::add);
        List<AutoCloseable> owned = new ArrayList<>();
        Path dir = settings.get(P + "models-dir").map(String::strip).filter(s -> !s.isEmpty()).map(Path::of).orElse(null);
        if (dir != null) {
            try {
                for (ModelCard card : ModelCards.load(dir)) {
                    OnnxDetector d = OnnxDetector.load(card, new OnnxDetector.Options(threads));
                    owned.add(d);
                    detectors.add(d);
                }
            } catch (ModelCardException | RuntimeException e) {
                closeAll(owned);
                throw e;
            }
        }
        Set<String> ids = new HashSet<>();
        for (Detector d : detectors) {
            if (!ids.add(d.info().id())) {
                closeAll(owned);
                throw new IllegalArgumentException("two detectors have the id '" + d.info().id()
                        + "' (a model card's id must differ from the built-in detectors' and other cards')");
            }
        }
        return new DetectAnalyzer(detectors, probes, new WeightedVoteEnsemble(rules), Duration.ofMillis(timeout),
                DetectorInput.Limits.defaults(), owned);
    }

    /** The registered detectors a selection names ({@code none}, {@code all}, or comma-separated ids). */
    public static List<Detector> registered(Iterable<Detector> available, String selection) {
        String sel = selection.strip();
        List<Detector> all = new ArrayList<>();
        available.forEach(all::add);
        if (sel.equals("none") || sel.isEmpty()) {
            return List.of();
        }
        if (sel.equals("all")) {
            return all;
        }
        List<Detector> chosen = new ArrayList<>();
        for (String id : sel.split(",")) {
            String want = id.strip();
            Detector d = all.stream().filter(x -> x.info().id().equals(want)).findFirst().orElseThrow(() ->
                    new IllegalArgumentException(P + "builtin names no registered detector '" + want + "' (registered: "
                            + String.join(", ", all.stream().map(x -> x.info().id()).sorted().toList())
                            + "; or none, all)"));
            if (!chosen.contains(d)) {
                chosen.add(d);
            }
        }
        return chosen;
    }

    private static boolean bool(AnalyzerSettings s, String key) {
        String v = s.get(P + key).map(String::strip).orElse("false");
        return switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(P + key + " must be true or false, not '" + v + "'");
        };
    }

    private static void closeAll(List<AutoCloseable> owned) {
        for (AutoCloseable c : owned) {
            try {
                c.close();
            } catch (Exception ignored) {
                // Failing already; the first error is the one to report.
            }
        }
    }

    private static double number(AnalyzerSettings s, String key, double dflt, double min, double max) {
        String v = s.get(P + key).orElse(null);
        if (v == null) {
            return dflt;
        }
        double d;
        try {
            d = Double.parseDouble(v.strip().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(P + key + " must be a number, not '" + v + "'");
        }
        if (!(d >= min && d <= max)) {
            throw new IllegalArgumentException(P + key + " must be within " + fmt(min) + ".." + fmt(max) + ": " + v);
        }
        return d;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
