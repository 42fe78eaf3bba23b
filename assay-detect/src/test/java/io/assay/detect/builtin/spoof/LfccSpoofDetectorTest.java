package io.assay.detect.builtin.spoof;

import io.assay.core.media.AssetLimits;
import io.assay.core.media.MediaAsset;
import io.assay.core.testing.SharedCorpus;
import io.assay.detect.DetectorInput;
import io.assay.detect.DetectorOutcome;
import io.assay.detect.builtin.LogisticModel;
import io.assay.detect.builtin.ModelAssertions;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LfccSpoofDetectorTest {

    /** Needs espeak-ng, flite and asterisk-core-sounds-en-wav (installed by .ci/run); about a minute. */
    @Test
    void theCommittedModelIsAFreshTrainingRunsOutput() throws Exception {
        SpoofTrainer.Result fresh = SpoofTrainer.train();
        LogisticModel stored = LogisticModel.resource(LfccSpoofDetector.class, LfccSpoofDetector.MODEL);
        ModelAssertions.assertSameModel(stored, fresh.model());
        assertThat(fresh.heldOutAuc()).as("held-out AUC").isGreaterThan(0.95);
        assertThat(fresh.heldOutEer()).as("held-out EER").isLessThan(0.08);
        assertThat(fresh.telephoneAuc()).as("held-out AUC, mu-law copies").isGreaterThan(0.95);
        // A synthesiser never seen in training is much harder: measured, and bounded so a regression shows.
        assertThat(fresh.crossEngineAuc()).as("AUC on flite when trained with espeak-ng only").isGreaterThan(0.6);
    }

    @Test
    void theCorpusRobocallScoresSyntheticAndHeldOutRecordingsDoNot() throws Exception {
        LfccSpoofDetector d = new LfccSpoofDetector();
        // The shared corpus's espeak-ng robocall: another text, 22 kHz, and its telephone-band copy; never trained on.
        for (String clip : List.of("orig.wav", "tel.wav", "noisy.wav")) {
            assertThat(score(d, clip, Files.readAllBytes(SharedCorpus.corpus("audio/" + clip)))).as(clip).isGreaterThan(0.8);
        }
        List<SpeechCorpus.Utterance> bona = SpeechCorpus.bonaFide();
        double sum = 0;
        int n = 0;
        for (int i = 3; i < bona.size() && n < 25; i += 4) { // held-out prompts: index % 4 == 3
            SpeechCorpus.Utterance u = bona.get(i);
            if (u.samples().length < u.rate()) {
                continue;
            }
            sum += score(d, "p.wav", wav(u.samples(), u.rate()));
            n++;
        }
        assertThat(n).isEqualTo(25);
        assertThat(sum / n).as("mean score of 25 held-out human prompts").isLessThan(0.2);
    }

    @Test
    void silenceIsNotApplicable() throws Exception {
        MediaAsset asset = MediaAsset.of("quiet.wav", wav(new double[16000], 8000), AssetLimits.DEFAULT);
        try (DetectorInput in = DetectorInput.of(asset)) {
            assertThat(new LfccSpoofDetector().detect(in)).isInstanceOf(DetectorOutcome.NotApplicable.class);
        }
    }

    private static double score(LfccSpoofDetector d, String name, byte[] bytes) throws Exception {
        try (DetectorInput in = DetectorInput.of(MediaAsset.of(name, bytes, AssetLimits.DEFAULT))) {
            DetectorOutcome o = d.detect(in);
            assertThat(o).as(name).isInstanceOf(DetectorOutcome.Scored.class);
            return ((DetectorOutcome.Scored) o).score();
        }
    }

    /** A 16-bit mono WAV file of samples in -1..1. */
    static byte[] wav(double[] x, int rate) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(44 + 2 * x.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + 2 * x.length).put("WAVE".getBytes()).put("fmt ".getBytes()).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(rate).putInt(2 * rate).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes()).putInt(2 * x.length);
        for (double v : x) {
            b.putShort((short) Math.round(Math.max(-1, Math.min(1, v)) * 32767));
        }
        out.write(b.array());
        return out.toByteArray();
    }
}
