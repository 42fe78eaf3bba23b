package io.assay.detect.eval;

import io.assay.core.media.MediaType;
import io.assay.detect.Competence;
import io.assay.detect.Detector;
import io.assay.detect.DetectorInfo;
import io.assay.detect.DetectorInput;
import io.assay.detect.DetectorOutcome;
import io.assay.detect.Thresholds;
import io.assay.hash.audio.PcmAudio;

import java.util.Map;
import java.util.Set;

/**
 * A real (weak) test detector for band-limited synthesis: the share of the signal's energy above 4 kHz, measured
 * as the energy of the first difference (a high-pass) against the total. Little energy up there scores high.
 */
final class AudioBandwidthDetector implements Detector {

    static final DetectorInfo INFO = new DetectorInfo("audio-bandwidth", "Audio bandwidth (test)", "1",
            Set.of(MediaType.Kind.AUDIO), new Thresholds(0.4, 0.6), false, true, Competence.ANY, "Apache-2.0",
            "nothing: a test detector");

    @Override
    public DetectorInfo info() {
        return INFO;
    }

    @Override
    public DetectorOutcome detect(DetectorInput input) throws Exception {
        PcmAudio a = input.audio();
        short[] s = a.channel(0);
        if (s.length < a.sampleRate() / 10) {
            return new DetectorOutcome.NotApplicable("shorter than 0.1 s");
        }
        // Energy of a three-times-differenced signal: a steep high-pass whose gain is small below ~4 kHz at 16 kHz.
        double hi = 0, all = 0;
        for (int i = 3; i < s.length; i++) {
            double d = s[i] - 3.0 * s[i - 1] + 3.0 * s[i - 2] - s[i - 3];
            hi += d * d;
            all += (double) s[i] * s[i];
        }
        if (all < 1) {
            return new DetectorOutcome.NotApplicable("silence");
        }
        double share = hi / (64 * all); // 64: the largest gain of (1 - z^-1)^3, squared
        return new DetectorOutcome.Scored(Math.max(0, Math.min(1, 1 - 8 * share)), Map.of("high_share", share));
    }
}
