package io.assay.hash.bank;

import io.assay.core.evidence.Evidence;
import io.assay.core.evidence.EvidenceKind;
import io.assay.core.media.AssetLimits;
import io.assay.core.media.MediaAsset;
import io.assay.core.scan.ScanContext;
import io.assay.core.testing.SharedCorpus;
import io.assay.hash.SignalType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A banked video (hashed at every frame) is recognised in a clip of it, a copy with a small logo, and a re-encode at
 * another size and frame rate (each scanned at one hash per second); unrelated footage and the heavily overlaid copy
 * are not (as with the reference tools).
 */
class VideoBankTest {

    static final Path VIDEOS = SharedCorpus.corpus("video/videos");
    static final MediaSignals SIGNALS = new MediaSignals();
    static SignalBank bank;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void bankTheOriginal() throws Exception {
        bank = new SignalBank();
        bank.putBank("videos", MatchThresholds.DEFAULTS);
        List<QuerySignal> signals = SIGNALS.computeForBank(MediaAsset.open(VIDEOS.resolve("chair-orig-22-sd-bar.mp4"), AssetLimits.DEFAULT));
        QuerySignal.Video v = signals.stream().filter(s -> s instanceof QuerySignal.Video).map(s -> (QuerySignal.Video) s)
                .findFirst().orElseThrow();
        assertThat(v.hash().size()).isEqualTo(673); // every frame
        bank.add(new BankEntry(5, "videos", SignalType.VPDQ, v.value(), 100,
                new EntryContext("doctored chair video", "edited to mislead", null, null, null, null, null)));
    }

    private static List<Evidence> matches(Path video) throws Exception {
        return new KnownDeepfakeAnalyzer(SIGNALS, bank).analyze(MediaAsset.open(video, AssetLimits.DEFAULT), ScanContext.NONE)
                .stream().filter(e -> e.kind() == EvidenceKind.MATCH).toList();
    }

    @Test
    void clipsAndLightlyEditedCopiesMatch() throws Exception {
        for (String v : List.of("chair-19-sd-bar.mp4", "chair-22-with-small-logo-bar.mp4")) {
            assertThat(matches(VIDEOS.resolve(v))).as(v).singleElement()
                    .satisfies(e -> assertThat(e.finding()).contains("doctored chair video", "vPDQ"));
        }
    }

    @Test
    void aReencodeAtAnotherSizeAndFrameRateMatches() throws Exception {
        Path copy = tmp.resolve("reencoded.mp4");
        Process p = new ProcessBuilder("ffmpeg", "-v", "error", "-nostdin", "-y", "-i",
                VIDEOS.resolve("chair-orig-22-sd-bar.mp4").toString(), "-vf", "scale=240:360", "-r", "25", "-crf", "32",
                "-an", copy.toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();
        assertThat(matches(copy)).hasSize(1);
    }

    @Test
    void unrelatedAndHeavilyOverlaidVideosDoNotMatch() throws Exception {
        assertThat(matches(VIDEOS.resolve("pattern-hd-no-bar.mp4"))).isEmpty();
        assertThat(matches(VIDEOS.resolve("chair-22-with-large-logo-bar.mp4"))).isEmpty();
    }
}
