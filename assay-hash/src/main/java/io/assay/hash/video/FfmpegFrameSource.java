package io.assay.hash.video;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Decodes video frames with the system's {@code ffprobe} and {@code ffmpeg} run as subprocesses (no native binding):
 * {@code ffprobe} reads the stream's size and frame rate, then {@code ffmpeg} streams the sampled frames as raw RGB24
 * through a pipe, one frame in memory at a time.
 *
 * <p>Frames are produced as the vPDQ reference ({@code vpdq-hash-video}, which links libavcodec) produces them:
 * <ul>
 *   <li>the first video stream that is not attached cover art; every decoded frame counts (no frame-rate conversion,
 *   {@code -vsync passthrough}); frame numbers are 0-based in decoding output order;</li>
 *   <li>with {@code secondsPerHash} s, every {@code step}-th frame is kept, {@code step = (int) (s * fps)}, at least
 *   1, from frame 0 on ({@link VideoInfo#frameStep}); the others are dropped inside ffmpeg before colour
 *   conversion;</li>
 *   <li>converted to RGB24 at the stream's coded size by swscale with the reference's {@code SWS_AREA} flag, no
 *   rotation applied ({@code -noautorotate}), BT.601 unless the stream says otherwise;</li>
 *   <li>timestamps: {@link VpdqFeature#referenceTimestamp frame number / frame rate in single precision}.</li>
 * </ul>
 *
 * <p>Safety: the input is opened as a plain file ({@code file:} protocol only, no network, no playlists; demuxers
 * limited to {@link #DEFAULT_FORMATS} unless configured otherwise); one {@link Limits#timeout() deadline} covers probe
 * and decode, after which the processes are killed; the frame size and the number of frames are capped. ffmpeg's
 * error output is kept (the first 16 KiB) for the exception message. By default a video that ffmpeg reports errors
 * for (truncated, damaged) is refused even if some frames decoded; {@link Limits#allowDamaged()} keeps whatever
 * decodes, as the reference does.
 */
public final class FfmpegFrameSource {

    /** Demuxers allowed by default: the usual video containers and raw elementary streams. */
    public static final List<String> DEFAULT_FORMATS = List.of("mov", "mp4", "matroska", "webm", "avi", "flv",
            "mpegts", "mpeg", "asf", "ogg", "h264", "hevc", "m4v", "mpegvideo", "ivf", "obu", "gif", "yuv4mpegpipe");

    private static final int STDERR_KEEP = 16 * 1024;
    private static final int PROBE_OUTPUT_MAX = 1024 * 1024;

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "assay-ffmpeg-watchdog");
        t.setDaemon(true);
        return t;
    });

    /**
     * Bounds on one decode.
     *
     * @param timeout        wall-clock limit for probe and decode together; the processes are killed after it
     * @param maxFramePixels largest frame (width x height) decoded
     * @param maxFrames      most frames delivered (after sampling)
     * @param allowDamaged   deliver the frames that decode from a video ffmpeg reports errors for, instead of failing
     */
    public record Limits(Duration timeout, long maxFramePixels, int maxFrames, boolean allowDamaged) {

        public Limits {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive");
            }
            if (maxFramePixels <= 0 || maxFrames <= 0) {
                throw new IllegalArgumentException("limits must be positive");
            }
        }

        /** 10 minutes, 16 megapixels per frame (4K UHD fits), 200,000 frames, damaged videos refused. */
        public static Limits defaults() {
            return new Limits(Duration.ofMinutes(10), 16L * 1024 * 1024, 200_000, false);
        }

        public Limits withTimeout(Duration t) {
            return new Limits(t, maxFramePixels, maxFrames, allowDamaged);
        }

        public Limits withMaxFramePixels(long p) {
            return new Limits(timeout, p, maxFrames, allowDamaged);
        }

        public Limits withMaxFrames(int n) {
            return new Limits(timeout, maxFramePixels, n, allowDamaged);
        }

        public Limits withAllowDamaged(boolean allow) {
            return new Limits(timeout, maxFramePixels, maxFrames, allow);
        }
    }

    private final String ffmpeg;
    private final String ffprobe;
    private final Limits limits;
    private final List<String> formats;

    /** {@code ffmpeg} and {@code ffprobe} from the PATH, default limits. */
    public FfmpegFrameSource() {
        this(Limits.defaults());
    }

    public FfmpegFrameSource(Limits limits) {
        this("ffmpeg", "ffprobe", limits, DEFAULT_FORMATS);
    }

    /**
     * @param ffmpeg  the ffmpeg executable (a name looked up on the PATH, or a path)
     * @param ffprobe the ffprobe executable
     * @param formats demuxer names allowed (ffmpeg's {@code -format_whitelist})
     */
    public FfmpegFrameSource(String ffmpeg, String ffprobe, Limits limits, List<String> formats) {
        this.ffmpeg = Objects.requireNonNull(ffmpeg, "ffmpeg");
        this.ffprobe = Objects.requireNonNull(ffprobe, "ffprobe");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.formats = List.copyOf(formats);
        if (this.formats.isEmpty() || this.formats.stream().anyMatch(f -> !f.matches("[a-z0-9_]+"))) {
            throw new IllegalArgumentException("format names are lower-case demuxer names: " + formats);
        }
    }

    public Limits limits() {
        return limits;
    }

    /** Reads the first video stream's properties. */
    public VideoInfo probe(Path file) throws IOException {
        return probe(file, System.nanoTime() + limits.timeout().toNanos());
    }

    /**
     * Starts decoding: the frames of {@code file}, one every {@link VideoInfo#frameStep frame step} for
     * {@code secondsPerHash} (0: every frame). Close the result (try-with-resources) to stop ffmpeg early.
     */
    public VideoFrames open(Path file, double secondsPerHash) throws IOException {
        long deadline = System.nanoTime() + limits.timeout().toNanos();
        VideoInfo info = probe(file, deadline);
        long pixels = (long) info.width() * info.height();
        if (pixels > limits.maxFramePixels()) {
            throw new UndecodableVideoException(name(file) + ": frames of " + info.width() + "x" + info.height()
                    + " are over the limit of " + limits.maxFramePixels() + " pixels");
        }
        int step = info.frameStep(secondsPerHash);
        List<String> cmd = new ArrayList<>(List.of(ffmpeg, "-nostdin", "-hide_banner", "-v", "error"));
        cmd.addAll(inputOptions());
        cmd.addAll(List.of("-noautorotate", "-i", input(file), "-map", "0:" + info.streamIndex(),
                "-an", "-sn", "-dn", "-vsync", "passthrough", "-sws_flags", "area"));
        String scale = "scale=w=" + info.width() + ":h=" + info.height() + ":flags=area";
        cmd.addAll(List.of("-vf", step > 1 ? "select=not(mod(n\\," + step + "))," + scale : scale,
                "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1"));
        Running p = start(cmd, file, deadline);
        return new VideoFrames(p, info, step, file);
    }

    /**
     * Starts decoding the way TMK's {@code tmk-hash-video} has ffmpeg produce frames: ffmpeg's default stream choice,
     * rotation and scaler, every frame scaled to {@code width x height} and resampled to {@code fps} frames per
     * second ({@code -s W:H -r FPS}). Frame numbers count the resampled frames.
     */
    public VideoFrames openResampled(Path file, int width, int height, int fps) throws IOException {
        if (width <= 0 || height <= 0 || fps <= 0 || (long) width * height > limits.maxFramePixels()) {
            throw new IllegalArgumentException("bad output size or rate: " + width + "x" + height + " @ " + fps);
        }
        long deadline = System.nanoTime() + limits.timeout().toNanos();
        VideoInfo source = probe(file, deadline);
        List<String> cmd = new ArrayList<>(List.of(ffmpeg, "-nostdin", "-hide_banner", "-v", "error"));
        cmd.addAll(inputOptions());
        cmd.addAll(List.of("-i", input(file), "-s", width + ":" + height, "-an", "-sn", "-dn", "-f", "rawvideo",
                "-c:v", "rawvideo", "-pix_fmt", "rgb24", "-r", Integer.toString(fps), "pipe:1"));
        VideoInfo out = new VideoInfo(source.streamIndex(), width, height, fps, source.durationSeconds(),
                OptionalLong.empty());
        return new VideoFrames(start(cmd, file, deadline), out, 1, file);
    }

    private List<String> inputOptions() {
        return List.of("-protocol_whitelist", "file", "-format_whitelist", String.join(",", formats));
    }

    /** An absolute {@code file:} URL, so that no name is taken for an option or another protocol. */
    private static String input(Path file) {
        return "file:" + file.toAbsolutePath();
    }

    private static String name(Path file) {
        return file.getFileName() == null ? file.toString() : file.getFileName().toString();
    }

    private VideoInfo probe(Path file, long deadline) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(ffprobe, "-hide_banner", "-v", "error"));
        cmd.addAll(inputOptions());
        cmd.addAll(List.of("-show_entries", "stream=index,codec_type,width,height,avg_frame_rate,r_frame_rate,"
                        + "nb_frames,duration:stream_disposition=attached_pic:format=duration,format_name",
                "-of", "flat", input(file)));
        Running p = start(cmd, file, deadline);
        byte[] out;
        try (p) {
            out = p.process.getInputStream().readNBytes(PROBE_OUTPUT_MAX);
            int rc = p.waitFor();
            if (p.timedOut.get()) {
                throw new UndecodableVideoException(name(file) + ": ffprobe ran past the time limit of "
                        + limits.timeout());
            }
            if (rc != 0) {
                String err = p.stderr();
                throw new UndecodableVideoException(name(file) + ": not a readable video (ffprobe exit " + rc + ")"
                        + (err.isEmpty() ? " - not a video, or a container format not allowed " + formats : ": " + err));
            }
        }
        return parseProbe(new String(out, StandardCharsets.UTF_8), name(file));
    }

    /** Parses ffprobe's {@code -of flat} output. */
    static VideoInfo parseProbe(String flat, String name) throws UndecodableVideoException {
        Map<String, String> kv = new HashMap<>();
        for (String line : flat.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                String v = line.substring(eq + 1).strip();
                if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                    v = v.substring(1, v.length() - 1);
                }
                kv.put(line.substring(0, eq).strip(), v);
            }
        }
        for (int i = 0; kv.containsKey("streams.stream." + i + ".index"); i++) {
            String p = "streams.stream." + i + ".";
            if (!"video".equals(kv.get(p + "codec_type")) || "1".equals(kv.get(p + "disposition.attached_pic"))) {
                continue;
            }
            int index = (int) longOr(kv.get(p + "index"), -1);
            int w = (int) longOr(kv.get(p + "width"), 0);
            int h = (int) longOr(kv.get(p + "height"), 0);
            if (w <= 0 || h <= 0) {
                throw new UndecodableVideoException(name + ": the video stream has no frame size");
            }
            double fps = rational(kv.get(p + "avg_frame_rate"));
            if (!(fps > 0)) {
                fps = rational(kv.get(p + "r_frame_rate"));
            }
            if (!(fps > 0) || Double.isInfinite(fps)) {
                throw new UndecodableVideoException(name + ": the video stream has no frame rate");
            }
            OptionalDouble duration = number(kv.get(p + "duration"));
            if (duration.isEmpty()) {
                duration = number(kv.get("format.duration"));
            }
            long frames = longOr(kv.get(p + "nb_frames"), -1);
            return new VideoInfo(index, w, h, fps, duration,
                    frames > 0 ? OptionalLong.of(frames) : OptionalLong.empty());
        }
        throw new UndecodableVideoException(name + ": no video stream"
                + (kv.containsKey("format.format_name") ? " (container: " + kv.get("format.format_name") + ")" : ""));
    }

    private static long longOr(String v, long dflt) {
        if (v == null || !v.matches("[0-9]{1,18}")) {
            return dflt;
        }
        return Long.parseLong(v);
    }

    private static OptionalDouble number(String v) {
        if (v == null || !v.matches("[0-9]{1,15}(\\.[0-9]{1,15})?")) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Double.parseDouble(v));
    }

    private static double rational(String v) {
        if (v == null) {
            return 0;
        }
        String[] nd = v.split("/");
        if (nd.length != 2 || !nd[0].matches("[0-9]{1,12}") || !nd[1].matches("[0-9]{1,12}")) {
            return 0;
        }
        double den = Double.parseDouble(nd[1]);
        return den == 0 ? 0 : Double.parseDouble(nd[0]) / den;
    }

    private Running start(List<String> cmd, Path file, long deadline) throws UndecodableVideoException {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw new UndecodableVideoException(name(file) + ": ran past the time limit of " + limits.timeout());
        }
        Process process;
        try {
            process = new ProcessBuilder(cmd).start();
        } catch (IOException e) {
            throw new UndecodableVideoException(cmd.get(0) + " could not be started (is FFmpeg installed and on the"
                    + " PATH?): " + e.getMessage(), e);
        }
        return new Running(process, remaining);
    }

    /** A started process: stdin closed, stderr drained into a bounded buffer, killed at the deadline. */
    static final class Running implements AutoCloseable {
        final Process process;
        final AtomicBoolean timedOut = new AtomicBoolean();
        private final ByteArrayOutputStream err = new ByteArrayOutputStream();
        private final Thread errReader;
        private final ScheduledFuture<?> kill;

        Running(Process process, long remainingNanos) {
            this.process = process;
            try {
                process.getOutputStream().close();
            } catch (IOException ignored) {
                // nothing to write anyway
            }
            errReader = new Thread(() -> drain(process.getErrorStream()), "assay-ffmpeg-stderr");
            errReader.setDaemon(true);
            errReader.start();
            kill = WATCHDOG.schedule(() -> {
                timedOut.set(true);
                destroy();
            }, remainingNanos, TimeUnit.NANOSECONDS);
        }

        private void drain(InputStream in) {
            byte[] buf = new byte[4096];
            try (in) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    synchronized (err) {
                        int keep = Math.min(n, STDERR_KEEP - err.size());
                        if (keep > 0) {
                            err.write(buf, 0, keep);
                        }
                    }
                }
            } catch (IOException ignored) {
                // the process went away
            }
        }

        /** Waits for the process to end (it is killed at the deadline at the latest) and its stderr to drain. */
        int waitFor() throws UndecodableVideoException {
            try {
                int rc = process.waitFor();
                errReader.join(TimeUnit.SECONDS.toMillis(5));
                return rc;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                destroy();
                throw new UndecodableVideoException("interrupted while waiting for ffmpeg", e);
            }
        }

        /** ffmpeg's error output so far, trimmed, on one line per message. */
        String stderr() {
            String s;
            synchronized (err) {
                s = err.toString(StandardCharsets.UTF_8);
            }
            s = s.strip().replaceAll("\\[[a-z0-9_,]+ @ 0x[0-9a-f]+\\] ", "");
            return s.length() > 2000 ? s.substring(0, 2000) + "..." : s.replace('\n', ';').replace("\r", "");
        }

        void destroy() {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }

        @Override
        public void close() {
            kill.cancel(false);
            if (process.isAlive()) {
                destroy();
            }
            try {
                process.getInputStream().close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }

    /**
     * The frames of one video, read one at a time. Not thread-safe. {@link #next()} returns {@code null} at the end,
     * after checking that ffmpeg finished cleanly.
     */
    public final class VideoFrames implements AutoCloseable {
        private final Running running;
        private final VideoInfo info;
        private final int step;
        private final Path file;
        private final int frameBytes;
        private int delivered;
        private boolean finished;

        VideoFrames(Running running, VideoInfo info, int step, Path file) {
            this.running = running;
            this.info = info;
            this.step = step;
            this.file = file;
            this.frameBytes = info.width() * info.height() * 3;
        }

        public VideoInfo info() {
            return info;
        }

        /** Every how many decoded frames one is delivered. */
        public int frameStep() {
            return step;
        }

        /** The next frame in a new array, or {@code null} when the video has ended. */
        public VideoFrame next() throws IOException {
            if (finished) {
                return null;
            }
            byte[] rgb = new byte[frameBytes];
            int n;
            try {
                n = running.process.getInputStream().readNBytes(rgb, 0, frameBytes);
            } catch (IOException e) {
                n = -1;
                if (!running.timedOut.get()) {
                    throw failure("reading frames failed: " + e.getMessage());
                }
            }
            if (running.timedOut.get()) {
                throw timeout();
            }
            if (n == frameBytes) {
                if (delivered >= limits.maxFrames()) {
                    throw failure("more than " + limits.maxFrames() + " frames to hash (the limit)");
                }
                long frameNumber = (long) delivered * step;
                if (frameNumber > Integer.MAX_VALUE) {
                    throw failure("too many frames");
                }
                delivered++;
                return new VideoFrame((int) frameNumber, VpdqFeature.referenceTimestamp(frameNumber, info.frameRate()),
                        info.width(), info.height(), rgb);
            }
            finished = true;
            int rc = running.waitFor();
            if (running.timedOut.get()) {
                throw timeout();
            }
            String err = running.stderr();
            if (rc != 0) {
                throw failure("ffmpeg failed (exit " + rc + ")" + (err.isEmpty() ? "" : ": " + err));
            }
            if (n > 0) {
                throw failure("ffmpeg's output ended inside a frame");
            }
            if (!err.isEmpty() && !limits.allowDamaged()) {
                throw failure("damaged or truncated video (" + delivered + " frames decoded before ffmpeg reported: "
                        + err + ")");
            }
            if (delivered == 0) {
                throw failure("no frames decoded" + (err.isEmpty() ? "" : ": " + err));
            }
            return null;
        }

        /** Frames delivered so far. */
        public int delivered() {
            return delivered;
        }

        private UndecodableVideoException timeout() {
            finished = true;
            return new UndecodableVideoException(name(file) + ": decoding ran past the time limit of "
                    + limits.timeout() + " (" + delivered + " frames delivered)");
        }

        private UndecodableVideoException failure(String message) {
            finished = true;
            running.close();
            return new UndecodableVideoException(name(file) + ": " + message);
        }

        @Override
        public void close() {
            finished = true;
            running.close();
        }
    }

    @Override
    public String toString() {
        return "FfmpegFrameSource[" + ffmpeg + ", " + ffprobe + ", " + limits + "]";
    }
}
