package io.assay.detect.builtin.spoof;

import io.assay.detect.builtin.LogisticFit;
import io.assay.detect.builtin.LogisticModel;
import io.assay.detect.builtin.Roc;
import io.assay.detect.builtin.presence.VoiceActivity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Trains the {@link LfccSpoofDetector}'s logistic back-end on {@link SpeechCorpus}: every utterance with at least
 * 0.3 s of speech, at 8 kHz, plus its G.711 mu-law copy (same group). Held out by utterance: every fourth recorded
 * prompt and every fourth text (in all six voices). Also measured: a cross-engine run (trained with espeak-ng as
 * the only synthesiser, tested on flite, which it never saw). Deterministic: the synthesisers' output and the
 * Newton fit are.
 *
 * <p>Run: {@code java ... SpoofTrainer <model.json to write>} (see the assay-detect README (Built-in detectors)).
 */
public final class SpoofTrainer {

    static final double LAMBDA = 1.0;
    static final double MIN_SPEECH_SECONDS = 0.3;

    /** One utterance's vector and labels. */
    public record Example(String name, boolean synthetic, String engine, boolean telephone, boolean heldOut, double[] features) {
    }

    /** The model (fitted on the training split only), its held-out figures and the cross-engine figures. */
    public record Result(LogisticModel model, List<Example> examples, double heldOutAuc, double heldOutEer,
                         double heldOutAccuracy, double telephoneAuc, double crossEngineAuc, double crossEngineEer) {
    }

    private SpoofTrainer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: SpoofTrainer <model.json to write>");
            System.exit(2);
        }
        long t0 = System.nanoTime();
        Result r = train();
        Files.writeString(Path.of(args[0]), r.model().toJson());
        System.out.println(r.model().training());
        System.out.printf("%.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    public static Result train() throws IOException, InterruptedException {
        List<SpeechCorpus.Utterance> bona = SpeechCorpus.bonaFide();
        List<SpeechCorpus.Utterance> synth;
        Path dir = Files.createTempDirectory("assay-spoof-");
        try {
            synth = SpeechCorpus.synthetic(dir);
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        List<Example> examples = new ArrayList<>();
        int skipped = 0;
        for (int i = 0; i < bona.size(); i++) {
            skipped += add(bona.get(i), i % 4 == 3, examples) ? 0 : 1;
        }
        for (SpeechCorpus.Utterance u : synth) {
            int text = Integer.parseInt(u.group().substring("text".length()));
            skipped += add(u, text % 4 == 3, examples) ? 0 : 1;
        }
        List<Example> train = examples.stream().filter(e -> !e.heldOut()).toList();
        List<Example> held = examples.stream().filter(Example::heldOut).toList();

        Map<String, Object> about = new LinkedHashMap<>();
        about.put("data", "bona fide: asterisk-core-sounds-en prompts (one human speaker, 8 kHz); synthetic: "
                + SpeechCorpus.prompts().size() + " texts x " + SpeechCorpus.VOICES.size() + " voices of espeak-ng and flite; "
                + "each utterance also through a G.711 mu-law round trip; utterances with under 0.3 s of speech left out");
        about.put("bonaFideUtterances", bona.size());
        about.put("syntheticUtterances", synth.size());
        about.put("skippedTooLittleSpeech", skipped);
        about.put("trainExamples", train.size());
        about.put("heldOutExamples", held.size());
        LogisticModel fitted = fit(train, about);
        double[] s = scores(fitted, held);
        boolean[] y = labels(held);
        double auc = Roc.auc(s, y);
        double eer = Roc.equalErrorRate(s, y);
        double acc = Roc.accuracy(s, y, 0.5);
        List<Example> tel = held.stream().filter(Example::telephone).toList();
        double telAuc = Roc.auc(scores(fitted, tel), labels(tel));

        // Cross-engine: no flite in training; tested on every flite utterance and the held-out recordings.
        Predicate<Example> flite = e -> e.engine().equals("flite");
        LogisticModel espeakOnly = fit(train.stream().filter(flite.negate()).toList(), Map.of());
        List<Example> cross = examples.stream().filter(e -> flite.test(e) || (!e.synthetic() && e.heldOut())).toList();
        double[] cs = scores(espeakOnly, cross);
        double crossAuc = Roc.auc(cs, labels(cross));
        double crossEer = Roc.equalErrorRate(cs, labels(cross));

        about.put("heldOutAuc", auc);
        about.put("heldOutEer", eer);
        about.put("heldOutAccuracy", acc);
        about.put("heldOutTelephoneAuc", telAuc);
        about.put("crossEngineAuc", crossAuc);
        about.put("crossEngineEer", crossEer);
        LogisticModel model = new LogisticModel(fitted.id(), fitted.features(), fitted.mean(), fitted.scale(), fitted.weights(),
                fitted.bias(), about);
        return new Result(model, examples, auc, eer, acc, telAuc, crossAuc, crossEer);
    }

    private static boolean add(SpeechCorpus.Utterance u, boolean heldOut, List<Example> out) {
        double[] x = Resampler.resample(u.samples(), u.rate(), Lfcc.RATE);
        if (VoiceActivity.detect(x, Lfcc.RATE).speechSeconds() < MIN_SPEECH_SECONDS) {
            return false;
        }
        double[] clean = UtteranceFeatures.of(Lfcc.of(x));
        double[] tel = UtteranceFeatures.of(Lfcc.of(MuLaw.roundTrip(x)));
        if (clean == null || tel == null) {
            return false;
        }
        out.add(new Example(u.name(), u.synthetic(), u.engine(), false, heldOut, clean));
        out.add(new Example(u.name() + "#mulaw", u.synthetic(), u.engine(), true, heldOut, tel));
        return true;
    }

    private static LogisticModel fit(List<Example> ex, Map<String, Object> about) {
        return LogisticFit.fit(LfccSpoofDetector.ID, UtteranceFeatures.NAMES,
                ex.stream().map(Example::features).toArray(double[][]::new), labels(ex), LAMBDA, about);
    }

    static double[] scores(LogisticModel m, List<Example> ex) {
        return ex.stream().mapToDouble(e -> m.score(e.features())).toArray();
    }

    static boolean[] labels(List<Example> ex) {
        boolean[] y = new boolean[ex.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = ex.get(i).synthetic();
        }
        return y;
    }
}
