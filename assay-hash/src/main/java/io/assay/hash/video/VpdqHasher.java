package io.assay.hash.video;

import io.assay.core.media.MediaAsset;
import io.assay.hash.pdq.PdqHash;
import io.assay.hash.pdq.PdqHasher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Makes vPDQ hashes: one PDQ hash (with its quality) per sampled frame, at the frame's full size, as Meta's
 * {@code vpdq-hash-video} does. Frames come from {@link FfmpegFrameSource}; each is hashed with
 * {@link PdqHasher#hashRgb}. Thread-safe; memory is bounded by a few frames whatever the video's length.
 *
 * <pre>{@code
 * VpdqHasher hasher = new VpdqHasher();                     // 1 s per hash, like HMA
 * VpdqHash h = hasher.hash(Path.of("clip.mp4"));
 * VpdqHash every = new VpdqHasher(0, 1, new FfmpegFrameSource()).hash(asset);  // every frame
 * }</pre>
 */
public final class VpdqHasher {

    /** HMA's and the Python binding's default sampling interval. */
    public static final double DEFAULT_SECONDS_PER_HASH = 1.0;

    private final double secondsPerHash;
    private final int threads;
    private final FfmpegFrameSource source;

    /** One hash per second of video, hashing on the calling thread, default limits. */
    public VpdqHasher() {
        this(DEFAULT_SECONDS_PER_HASH, 1, new FfmpegFrameSource());
    }

    /**
     * @param secondsPerHash sampling interval in seconds, as {@code vpdq-hash-video -r}: 0 hashes every frame
     * @param threads        threads hashing frames of one video (1: the calling thread; decoding runs in ffmpeg's
     *                       own process either way)
     * @param source         the decoder
     */
    public VpdqHasher(double secondsPerHash, int threads, FfmpegFrameSource source) {
        if (!(secondsPerHash >= 0) || Double.isInfinite(secondsPerHash)) {
            throw new IllegalArgumentException("seconds per hash must be finite and not negative: " + secondsPerHash);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.secondsPerHash = secondsPerHash;
        this.threads = threads;
        this.source = Objects.requireNonNull(source, "source");
    }

    public double secondsPerHash() {
        return secondsPerHash;
    }

    /** Hashes a video file. */
    public VpdqHash hash(Path file) throws IOException {
        try (FfmpegFrameSource.VideoFrames frames = source.open(file, secondsPerHash)) {
            List<VpdqFeature> features = threads == 1 ? hashSerially(frames) : hashInParallel(frames);
            return new VpdqHash(features, Optional.of(frames.info()));
        }
    }

    /**
     * Hashes an asset; one held in memory is written to a private temporary file first (ffmpeg reads files), which
     * is deleted afterwards.
     */
    public VpdqHash hash(MediaAsset asset) throws IOException {
        Optional<Path> path = asset.path();
        if (path.isPresent()) {
            return hash(path.get());
        }
        Path tmp = Files.createTempFile("assay-vpdq-", ".video");
        try {
            try (InputStream in = asset.openStream()) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            return hash(tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static List<VpdqFeature> hashSerially(FfmpegFrameSource.VideoFrames frames) throws IOException {
        List<VpdqFeature> out = new ArrayList<>();
        VideoFrame f;
        while ((f = frames.next()) != null) {
            out.add(hash(f));
        }
        return out;
    }

    /** Frames are decoded in order and hashed by a pool, at most {@code 2 * threads} frames in flight. */
    private List<VpdqFeature> hashInParallel(FfmpegFrameSource.VideoFrames frames) throws IOException {
        List<VpdqFeature> out = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "assay-vpdq-hash");
            t.setDaemon(true);
            return t;
        });
        java.util.ArrayDeque<Future<VpdqFeature>> inFlight = new java.util.ArrayDeque<>();
        try {
            VideoFrame f;
            while ((f = frames.next()) != null) {
                VideoFrame frame = f;
                inFlight.add(pool.submit(() -> hash(frame)));
                while (inFlight.size() >= 2 * threads) {
                    out.add(take(inFlight.poll()));
                }
            }
            while (!inFlight.isEmpty()) {
                out.add(take(inFlight.poll()));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static VpdqFeature take(Future<VpdqFeature> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while hashing frames", e);
        } catch (ExecutionException e) {
            throw new IOException("hashing a frame failed: " + e.getCause(), e.getCause());
        }
    }

    /** The feature of one frame: its PDQ hash at full size. */
    public static VpdqFeature hash(VideoFrame frame) {
        PdqHash h = PdqHasher.hashRgb(frame.rgb(), frame.width(), frame.height());
        return new VpdqFeature(frame.frameNumber(), h, frame.timestampSeconds());
    }
}
