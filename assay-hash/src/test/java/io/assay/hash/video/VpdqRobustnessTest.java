package io.assay.hash.video;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Re-encoded copies, unrelated videos, and inputs that must fail cleanly and quickly. */
@Timeout(300)
class VpdqRobustnessTest {

    @TempDir
    static Path dir;

    private static final VpdqHasher EVERY_FRAME = new VpdqHasher(0, 2, new FfmpegFrameSource());

    static Path reencoded;
    static Path reencodedSameRate;

    @BeforeAll
    static void makeReencodedCopies() throws Exception {
        // 480x720 -> 240x360, x264 at CRF 32, no audio; one at 25 fps instead of 30, one at the original 30 fps
        reencoded = dir.resolve("chair-orig-360p-crf32-25fps.mp4");
        ffmpeg("-i", VpdqCorpus.video("chair-orig-22-sd-bar").toString(), "-vf", "scale=-2:360", "-r", "25",
                "-c:v", "libx264", "-preset", "veryfast", "-crf", "32", "-an", reencoded.toString());
        reencodedSameRate = dir.resolve("chair-orig-360p-crf32.mp4");
        ffmpeg("-i", VpdqCorpus.video("chair-orig-22-sd-bar").toString(), "-vf", "scale=-2:360",
                "-c:v", "libx264", "-preset", "veryfast", "-crf", "32", "-an", reencodedSameRate.toString());
    }

    static void ffmpeg(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-y"));
        cmd.addAll(Arrays.asList(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    @Test
    void aReencodedCopyMatchesTheOriginalAndAnUnrelatedVideoDoesNot() throws IOException {
        VpdqHash copy = EVERY_FRAME.hash(reencoded);
        assertThat(copy.video().get().width()).isEqualTo(240);
        assertThat(copy.video().get().frameRate()).isEqualTo(25.0);
        assertThat(copy.size()).isBetween(555, 565); // 22.4 s at 25 fps
        VpdqHash original = OwnHashes.of("chair-orig-22-sd-bar");
        for (VpdqMatcher matcher : List.of(new VpdqMatcher(), new VpdqMatcher(VpdqMatcher.Options.hma()),
                new VpdqMatcher(VpdqMatcher.Options.matchHashesBrute(31, 50)))) {
            VpdqMatch m = matcher.compare(copy, original);
            System.out.println("re-encoded copy vs original, " + matcher.options() + ": " + m);
            assertThat(m.matched()).isTrue();
            assertThat(m.queryPercent()).isGreaterThan(95);
            assertThat(m.targetPercent()).isGreaterThan(95);
            assertThat(matcher.compare(original, copy).matched()).isTrue();
            for (String unrelated : List.of("pattern-hd-no-bar", "pattern-sd-grey-bar")) {
                VpdqMatch u = matcher.compare(copy, OwnHashes.of(unrelated));
                assertThat(u.matched()).isFalse();
                assertThat(u.queryPercent()).isZero();
            }
        }
        // sampled at 1 s on both sides: matches when the frame rate is kept (the same instants are sampled) ...
        VpdqHasher perSecond = new VpdqHasher();
        VpdqHash originalPerSecond = perSecond.hash(VpdqCorpus.video("chair-orig-22-sd-bar"));
        VpdqMatch sampled = new VpdqMatcher().compare(perSecond.hash(reencodedSameRate), originalPerSecond);
        System.out.println("re-encoded copy (30 fps) vs original, both 1 s sampling: " + sampled);
        assertThat(sampled.matched()).isTrue();
        assertThat(sampled.targetPercent()).isEqualTo(100);
        // ... but not after the 25 fps conversion: its frames sit 1 to 2 original frames off the sampled instants,
        // and this camera moves enough in 1/15 s to push many frame hashes past 31 bits
        VpdqHash copyPerSecond = perSecond.hash(reencoded);
        VpdqMatch shifted = new VpdqMatcher().compare(copyPerSecond, originalPerSecond);
        System.out.println("re-encoded copy (25 fps) vs original, both 1 s sampling: " + shifted);
        assertThat(shifted.matched()).isFalse();
        // against every frame of the original, each sampled frame finds its neighbour: HMA's rule (query >= 80 %)
        VpdqMatch againstAll = new VpdqMatcher(VpdqMatcher.Options.hma()).compare(copyPerSecond, original);
        System.out.println("re-encoded copy (25 fps) at 1 s vs every frame of the original: " + againstAll);
        assertThat(againstAll.matched()).isTrue();
        assertThat(againstAll.queryPercent()).isEqualTo(100);
    }

    @Test
    void nonVideoBytesAreRefused() throws IOException {
        Path junk = dir.resolve("junk.mp4");
        byte[] b = new byte[200_000];
        new Random(7).nextBytes(b);
        Files.write(junk, b);
        assertRefused(junk, "not a readable video");
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "not a video at all\n".repeat(100));
        assertRefused(text, "not a readable video");
        Path empty = dir.resolve("empty.mp4");
        Files.write(empty, new byte[0]);
        assertRefused(empty, "not a readable video");
        assertRefused(dir.resolve("missing.mp4"), "not a readable video");
    }

    @Test
    void aTruncatedMp4IsRefusedUnlessDamagedVideosAreAllowed() throws Exception {
        byte[] full = Files.readAllBytes(VpdqCorpus.video("chair-19-sd-bar"));
        // moov first: the first half still decodes, up to the cut
        Path half = dir.resolve("half.mp4");
        Files.write(half, Arrays.copyOf(full, full.length / 2));
        assertRefused(half, "damaged or truncated");
        VpdqHash partial = new VpdqHasher(0, 1, new FfmpegFrameSource(FfmpegFrameSource.Limits.defaults()
                .withAllowDamaged(true))).hash(half);
        VpdqHash whole = OwnHashes.of("chair-19-sd-bar");
        assertThat(partial.size()).isBetween(100, whole.size() - 100);
        // what decoded before the cut is what the whole file gives (the last frames may be cut short)
        assertThat(partial.features().subList(0, partial.size() - 5))
                .isEqualTo(whole.features().subList(0, partial.size() - 5));
        // cut inside the header: nothing to decode
        Path head = dir.resolve("head.mp4");
        Files.write(head, Arrays.copyOf(full, 20_000));
        assertRefused(head, "not a readable video");
    }

    @Test
    void audioOnlyAndPlaylistsAreRefused() throws Exception {
        Path audio = dir.resolve("tone.m4a");
        ffmpeg("-f", "lavfi", "-i", "sine=frequency=440:duration=1", "-c:a", "aac", audio.toString());
        assertRefused(audio, "no video stream");
        // an HLS playlist named .mp4 must not make ffmpeg open other files
        Path playlist = dir.resolve("playlist.mp4");
        Files.writeString(playlist, "#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10,\n"
                + VpdqCorpus.video("chair-19-sd-bar").toAbsolutePath() + "\n#EXT-X-ENDLIST\n");
        assertRefused(playlist, "not a readable video");
    }

    @Test
    void limitsAreEnforcedAndNoFfmpegIsLeftRunning() throws Exception {
        Path video = VpdqCorpus.video("chair-orig-22-sd-bar");
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> new VpdqHasher(0, 1, new FfmpegFrameSource(FfmpegFrameSource.Limits.defaults()
                .withTimeout(Duration.ofMillis(400)))).hash(video))
                .isInstanceOf(UndecodableVideoException.class).hasMessageContaining("time limit");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
        assertThatThrownBy(() -> new VpdqHasher(0, 1, new FfmpegFrameSource(FfmpegFrameSource.Limits.defaults()
                .withMaxFrames(10))).hash(video))
                .isInstanceOf(UndecodableVideoException.class).hasMessageContaining("more than 10 frames");
        assertThatThrownBy(() -> new VpdqHasher(0, 1, new FfmpegFrameSource(FfmpegFrameSource.Limits.defaults()
                .withMaxFramePixels(640 * 480))).hash(video))
                .isInstanceOf(UndecodableVideoException.class).hasMessageContaining("480x720")
                .hasMessageContaining("over the limit");
        // stopping early (closing after one frame) kills ffmpeg
        try (FfmpegFrameSource.VideoFrames frames = new FfmpegFrameSource().open(video, 0)) {
            assertThat(frames.next().frameNumber()).isZero();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ffmpegChildren() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(ffmpegChildren()).isZero();
    }

    @Test
    void missingFfmpegIsReportedClearly() {
        FfmpegFrameSource none = new FfmpegFrameSource("/nonexistent/ffmpeg", "/nonexistent/ffprobe",
                FfmpegFrameSource.Limits.defaults(), FfmpegFrameSource.DEFAULT_FORMATS);
        assertThatThrownBy(() -> new VpdqHasher(0, 1, none).hash(VpdqCorpus.video("chair-19-sd-bar")))
                .isInstanceOf(UndecodableVideoException.class)
                .hasMessageContaining("/nonexistent/ffprobe could not be started (is FFmpeg installed");
    }

    private static long ffmpegChildren() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("ffmpeg") || c.endsWith("ffprobe")).orElse(false))
                .count();
    }

    private static void assertRefused(Path file, String message) {
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> EVERY_FRAME.hash(file)).as(file.toString())
                .isInstanceOf(UndecodableVideoException.class)
                .hasMessageContaining(file.getFileName().toString())
                .hasMessageContaining(message);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(60));
    }
}
