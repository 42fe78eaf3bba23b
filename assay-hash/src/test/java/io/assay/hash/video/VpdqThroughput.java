package io.assay.hash.video;

import io.assay.hash.pdq.PdqHasher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Throughput of vPDQ hashing (run by {@code scripts/bench-video.sh}, never by the tests): for each video, every
 * frame, in three parts measured separately:
 * <ol>
 *   <li>decode: ffmpeg decoding and RGB conversion, frames read through the pipe, not hashed;</li>
 *   <li>hash: PDQ of the same frames already in memory, one thread;</li>
 *   <li>end to end: {@link VpdqHasher} with 1 and with N hashing threads.</li>
 * </ol>
 * Usage: {@code VpdqThroughput VIDEO_DIR [threads] [repeats]}. Prints one line per video and phase, then totals.
 */
public final class VpdqThroughput {

    private VpdqThroughput() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/corpus/video/videos");
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        List<Path> videos;
        try (Stream<Path> s = Files.list(dir)) {
            videos = s.filter(p -> p.toString().endsWith(".mp4")).sorted().toList();
        }
        FfmpegFrameSource source = new FfmpegFrameSource();
        // warm-up: JIT the PDQ code and the page cache
        new VpdqHasher(0, 1, source).hash(videos.get(0));

        double[] total = new double[4];
        long totalFrames = 0;
        double totalSeconds = 0;
        System.out.printf(Locale.ROOT, "%-34s %6s %6s %12s %12s %12s %12s%n", "video (frames/s; best of " + repeats + ")",
                "frames", "WxH", "decode", "hash 1 thr", "e2e 1 thr", "e2e " + threads + " thr");
        for (Path v : videos) {
            VideoInfo info = source.probe(v);
            double decode = Double.MAX_VALUE;
            double hash = Double.MAX_VALUE;
            double e2e1 = Double.MAX_VALUE;
            double e2eN = Double.MAX_VALUE;
            int frames = 0;
            for (int r = 0; r < repeats; r++) {
                long t0 = System.nanoTime();
                List<VideoFrame> kept = new ArrayList<>();
                int n = 0;
                try (FfmpegFrameSource.VideoFrames f = source.open(v, 0)) {
                    VideoFrame fr;
                    while ((fr = f.next()) != null) {
                        if (kept.size() < 120) {
                            kept.add(fr); // a sample to hash from memory (bounded)
                        }
                        n++;
                    }
                }
                decode = Math.min(decode, (System.nanoTime() - t0) / 1e9 / n);
                frames = n;
                long t1 = System.nanoTime();
                for (VideoFrame fr : kept) {
                    PdqHasher.hashRgb(fr.rgb(), fr.width(), fr.height());
                }
                hash = Math.min(hash, (System.nanoTime() - t1) / 1e9 / kept.size());
                long t2 = System.nanoTime();
                new VpdqHasher(0, 1, source).hash(v);
                e2e1 = Math.min(e2e1, (System.nanoTime() - t2) / 1e9 / n);
                long t3 = System.nanoTime();
                new VpdqHasher(0, threads, source).hash(v);
                e2eN = Math.min(e2eN, (System.nanoTime() - t3) / 1e9 / n);
            }
            double seconds = frames / info.frameRate();
            System.out.printf(Locale.ROOT, "%-34s %6d %6s %12.1f %12.1f %12.1f %12.1f%n", v.getFileName(), frames,
                    info.width() + "x" + info.height(), 1 / decode, 1 / hash, 1 / e2e1, 1 / e2eN);
            total[0] += decode * frames;
            total[1] += hash * frames;
            total[2] += e2e1 * frames;
            total[3] += e2eN * frames;
            totalFrames += frames;
            totalSeconds += seconds;
        }
        System.out.printf(Locale.ROOT, "%-34s %6d %6s %12.1f %12.1f %12.1f %12.1f%n", "all (frames/s)", totalFrames, "",
                totalFrames / total[0], totalFrames / total[1], totalFrames / total[2], totalFrames / total[3]);
        System.out.printf(Locale.ROOT, "%-34s %6s %6s %12.2f %12.2f %12.2f %12.2f%n", "all (video seconds per second)",
                "", "", totalSeconds / total[0], totalSeconds / total[1], totalSeconds / total[2],
                totalSeconds / total[3]);
        System.out.printf(Locale.ROOT, "wall seconds for the %d frames (%.1f s of video): decode %.2f, hash %.2f,"
                + " e2e(1) %.2f, e2e(%d) %.2f%n", totalFrames, totalSeconds, total[0], total[1], total[2], threads, total[3]);
    }
}
