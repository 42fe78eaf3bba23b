package io.assay.detect.builtin.spoof;

import io.assay.core.media.MediaType;
import io.assay.detect.Competence;
import io.assay.detect.Detector;
import io.assay.detect.DetectorInfo;
import io.assay.detect.DetectorInput;
import io.assay.detect.DetectorOutcome;
import io.assay.detect.Thresholds;
import io.assay.detect.builtin.LogisticModel;
import io.assay.detect.builtin.Mono;
import io.assay.detect.builtin.presence.VoiceActivity;
import io.assay.hash.audio.PcmAudio;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An audio anti-spoofing baseline in the ASVspoof tradition: LFCC features at 8 kHz, averaged per utterance, and a
 * logistic back-end the project trains itself ({@link SpoofTrainer}) on one recorded human voice against two
 * rule-based synthesisers. Easy on that data and close to meaningless against neural voice clones: experimental,
 * see the assay-detect README (Built-in detectors).
 */
public final class LfccSpoofDetector implements Detector {

    public static final String ID = "lfcc-spoof";
    static final String MODEL = "lfcc-spoof.json";

    private final LogisticModel model;
    private final DetectorInfo info;

    public LfccSpoofDetector() {
        this(LogisticModel.resource(LfccSpoofDetector.class, MODEL));
    }

    public LfccSpoofDetector(LogisticModel model) {
        this.model = model.requireFeatures(UtteranceFeatures.NAMES);
        this.info = new DetectorInfo(ID, "LFCC anti-spoofing baseline (built-in, logistic)", "1",
                Set.of(MediaType.Kind.AUDIO, MediaType.Kind.VIDEO), new Thresholds(0.2, 0.8), false, true, Competence.SPEECH,
                "Apache-2.0 (project code; model trained by the project)",
                "held-out asterisk-core-sounds prompts vs. espeak-ng/flite speech (AUC "
                        + LogisticModel.figure(model.training().get("heldOutAuc")) + ", EER "
                        + LogisticModel.figure(model.training().get("heldOutEer")) + "; cross-engine AUC "
                        + LogisticModel.figure(model.training().get("crossEngineAuc")) + "); not evaluated on neural TTS or voice clones");
    }

    @Override
    public DetectorInfo info() {
        return info;
    }

    @Override
    public DetectorOutcome detect(DetectorInput input) throws Exception {
        if (input.kind() != MediaType.Kind.AUDIO && input.kind() != MediaType.Kind.VIDEO) {
            return new DetectorOutcome.NotApplicable("the spoof baseline reads sound only");
        }
        PcmAudio audio = input.audio();
        double[] x = Resampler.resample(Mono.of(audio), audio.sampleRate(), Lfcc.RATE);
        double speech = VoiceActivity.detect(x, Lfcc.RATE).speechSeconds();
        if (speech < SpoofTrainer.MIN_SPEECH_SECONDS) {
            return new DetectorOutcome.NotApplicable(String.format(Locale.ROOT, "too little speech (%.1f s)", speech));
        }
        double[] f = UtteranceFeatures.of(Lfcc.of(x));
        if (f == null) {
            return new DetectorOutcome.NotApplicable("too little sound to score");
        }
        return new DetectorOutcome.Scored(model.score(f), Map.of("speechSeconds", speech, "logit", model.logit(f)));
    }
}
