package io.assay.detect.onnx;

import io.assay.core.media.AssetLimits;
import io.assay.core.media.MediaAsset;
import io.assay.detect.DetectorInput;
import io.assay.detect.DetectorOutcome;
import io.assay.detect.card.ModelCard;
import io.assay.detect.card.ModelCardParser;
import io.assay.detect.onnx.testing.ModelDir;
import io.assay.detect.onnx.testing.TinyOnnx;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Video through the real decoder (ffmpeg, required like in assay-hash's tests): three one-second grey segments
 * (40, 120, 200) with a tone. An image model scores one frame per second and aggregates; an audio model scores the
 * sound track. Lossy coding moves grey levels by a few units, hence the tolerance.
 */
class VideoScoringTest {

    @TempDir
    static Path dir;
    static Path video;

    @BeforeAll
    static void makeVideo() throws Exception {
        video = dir.resolve("greys.mp4");
        List<String> cmd = List.of("ffmpeg", "-v", "error", "-y",
                "-f", "lavfi", "-i", "color=c=0x282828:s=32x32:r=5:d=1",
                "-f", "lavfi", "-i", "color=c=0x787878:s=32x32:r=5:d=1",
                "-f", "lavfi", "-i", "color=c=0xc8c8c8:s=32x32:r=5:d=1",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=16000:duration=3",
                "-filter_complex", "[0:v][1:v][2:v]concat=n=3:v=1:a=0[v]", "-map", "[v]", "-map", "3:a",
                "-c:v", "mpeg4", "-q:v", "1", "-pix_fmt", "yuv420p", "-c:a", "aac", video.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
    }

    double score(String id, String aggregate, int frames) throws Exception {
        String card = ModelDir.imageCard("nchw", "[1, 3, 2, 2]", """
                resize: stretch
                colour: rgb
                scale: 0.00392156862745098
                mean: [0, 0, 0]
                std: [1, 1, 1]
                """, "name: scores\nfakeIndex: 0\nactivation: none")
                .replace("media: [image]", "media: [image, video]")
                .replace("licence: test", "video:\n  frames: " + frames + "\n  aggregate: " + aggregate + "\nlicence: test");
        ModelCard c = ModelCardParser.parse(ModelDir.write(dir, id, TinyOnnx.mean("pixels", "scores", 1, 3, 2, 2), card));
        try (OnnxDetector d = OnnxDetector.load(c, OnnxDetector.Options.defaults());
             DetectorInput in = DetectorInput.of(MediaAsset.open(video, AssetLimits.DEFAULT))) {
            DetectorOutcome.Scored s = (DetectorOutcome.Scored) d.detect(in);
            assertThat(s.details()).containsEntry("frames", Math.min(frames, 3));
            return s.score();
        }
    }

    @Test
    void framesAreScoredAndAggregated() throws Exception {
        assertThat(score("vmax", "max", 8)).isCloseTo(200 / 255.0, within(0.02));
        assertThat(score("vmean", "mean", 8)).isCloseTo(120 / 255.0, within(0.02));
        // One frame, from the middle: the second segment.
        assertThat(score("vone", "max", 1)).isCloseTo(120 / 255.0, within(0.02));
    }

    @Test
    void anAudioModelScoresTheSoundTrack() throws Exception {
        String card = """
                name: Loudness
                version: "1"
                media: [audio, video]
                competence: speech
                input: {name: samples, shape: [1, 16000], layout: samples}
                audio: {sampleRate: 16000, mono: mean, windowSeconds: 1, aggregate: mean}
                output: {name: scores, fakeIndex: 0, activation: sigmoid}
                thresholds: {low: 0.3, high: 0.7}
                licence: test
                evaluatedOn: nothing
                """;
        ModelCard c = ModelCardParser.parse(ModelDir.write(dir, "tone", TinyOnnx.mean("samples", "scores", 1, 16000), card));
        try (OnnxDetector d = OnnxDetector.load(c, OnnxDetector.Options.defaults());
             DetectorInput in = DetectorInput.of(MediaAsset.open(video, AssetLimits.DEFAULT))) {
            DetectorOutcome.Scored s = (DetectorOutcome.Scored) d.detect(in);
            // A sine averages to about 0 over whole windows: sigmoid(0) = 0.5.
            assertThat(s.score()).isCloseTo(0.5, within(0.01));
            assertThat((int) s.details().get("windows")).isBetween(2, 3);
        }
        assertThat(Files.size(video)).isPositive();
    }
}
