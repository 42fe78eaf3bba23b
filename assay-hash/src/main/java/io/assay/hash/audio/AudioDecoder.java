package io.assay.hash.audio;

import io.assay.core.media.MediaAsset;
import io.assay.core.media.MediaType;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Turns an audio file into mono 16-bit PCM for {@link ChromaprintHasher}, within limits.
 *
 * <p>WAV (integer PCM 8/16/24/32-bit, float 32/64-bit, any channel count, WAVE_FORMAT_EXTENSIBLE) is parsed in
 * Java. Anything else (MP3, M4A/AAC, OGG, FLAC, the audio track of a video) goes through the system {@code ffmpeg},
 * asked to produce exactly what fpcalc's own FFmpeg reader produces: mono, 11025 Hz, 16-bit, resampled by
 * swresample with Chromaprint's settings. So fingerprints of such files equal fpcalc's. The process gets a time
 * limit and an output cap and is killed when it exceeds either.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class AudioDecoder {

    /** Chromaprint's swresample settings (fpcalc's FFmpegAudioProcessor::SetCompatibleMode) plus the output format. */
    static final String FFMPEG_FILTER = "aresample=resampler=swr:filter_size=16:phase_shift=8:linear_interp=1:cutoff=0.8"
            + ":osr=" + ChromaprintHasher.SAMPLE_RATE + ":ochl=mono:osf=s16";
    private static final int STDERR_CAP = 8192;

    /**
     * @param maxSeconds    longest audio accepted, in seconds (memory: 2 bytes per mono sample)
     * @param truncate      true: keep the first {@code maxSeconds} of longer audio; false: reject it
     * @param ffmpegTimeout wall-clock limit for one ffmpeg run
     * @param ffmpeg        the ffmpeg executable: a name looked up on PATH or a path
     */
    public record Options(double maxSeconds, boolean truncate, Duration ffmpegTimeout, String ffmpeg) {

        public Options {
            if (!(maxSeconds > 0) || maxSeconds > 24 * 3600) {
                throw new IllegalArgumentException("maxSeconds must be in (0, 86400], got " + maxSeconds);
            }
            Objects.requireNonNull(ffmpegTimeout, "ffmpegTimeout");
            if (ffmpegTimeout.isNegative() || ffmpegTimeout.isZero()) {
                throw new IllegalArgumentException("ffmpegTimeout must be positive");
            }
            Objects.requireNonNull(ffmpeg, "ffmpeg");
        }

        /** Up to 10 minutes, longer audio rejected, ffmpeg from PATH with a 60 s limit. */
        public static Options defaults() {
            return new Options(600, false, Duration.ofSeconds(60), "ffmpeg");
        }

        public Options withMaxSeconds(double seconds, boolean truncateLonger) {
            return new Options(seconds, truncateLonger, ffmpegTimeout, ffmpeg);
        }

        public Options withFfmpeg(String executable, Duration timeout) {
            return new Options(maxSeconds, truncate, timeout, executable);
        }
    }

    private final Options options;

    public AudioDecoder() {
        this(Options.defaults());
    }

    public AudioDecoder(Options options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public Options options() {
        return options;
    }

    /** Decodes a file: WAV in Java, anything else with ffmpeg. */
    public PcmAudio decode(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw new AudioDecodeException("not a readable file: " + file);
        }
        byte[] head = new byte[12];
        try (InputStream in = Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, head.length);
            if (n == 0) {
                throw new AudioDecodeException("empty file: " + file);
            }
        }
        if (WavReader.looksLikeWav(head)) {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                return decodeWav(in);
            }
        }
        return decodeWithFfmpeg(file);
    }

    /** Decodes an admitted asset: WAV in Java, other audio and video through ffmpeg (spooled to a file if in memory). */
    public PcmAudio decode(MediaAsset asset) throws IOException {
        Objects.requireNonNull(asset, "asset");
        if (asset.mediaType() == MediaType.WAV) {
            try (InputStream in = new BufferedInputStream(asset.openStream(), 1 << 16)) {
                return decodeWav(in);
            }
        }
        MediaType.Kind kind = asset.mediaType().kind();
        if (kind != MediaType.Kind.AUDIO && kind != MediaType.Kind.VIDEO) {
            throw new AudioDecodeException("not audio or video: " + asset);
        }
        if (asset.path().isPresent()) {
            return decodeWithFfmpeg(asset.path().get());
        }
        // ffmpeg needs to seek in MP4/MOV (the index may sit at the end), so spool to a private temporary file.
        Path tmp = Files.createTempFile("assay-audio-", ".bin");
        try {
            try (InputStream in = asset.openStream()) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            return decodeWithFfmpeg(tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Decodes a WAV stream (RIFF/WAVE, PCM or float). */
    public PcmAudio decodeWav(InputStream in) throws IOException {
        return WavReader.read(in, options.maxSeconds(), options.truncate());
    }

    /**
     * Runs {@code ffmpeg -i FILE} with Chromaprint's resampling settings and reads mono 16-bit 11025 Hz PCM from
     * its standard output.
     */
    public PcmAudio decodeWithFfmpeg(Path file) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(options.ffmpeg(), "-nostdin", "-hide_banner", "-v", "error",
                "-i", file.toAbsolutePath().toString(), "-vn", "-sn", "-dn", "-map", "0:a:0", "-af", FFMPEG_FILTER,
                "-f", "s16le", "-"));
        long maxBytes = (long) Math.floor(options.maxSeconds() * ChromaprintHasher.SAMPLE_RATE) * 2;
        Process p;
        try {
            p = new ProcessBuilder(cmd).start();
            p.getOutputStream().close(); // ffmpeg reads nothing from us (-nostdin)
        } catch (IOException e) {
            throw new AudioDecodeException("cannot run '" + options.ffmpeg() + "' to decode " + file.getFileName()
                    + ": ffmpeg is needed for formats other than WAV (install it, e.g. apt-get install ffmpeg)", e);
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread errReader = Thread.ofVirtual().start(() -> drain(p.getErrorStream(), err));
        long deadline = System.nanoTime() + options.ffmpegTimeout().toNanos();
        AtomicBoolean timedOut = new AtomicBoolean();
        Thread watchdog = Thread.ofVirtual().start(() -> {
            try {
                if (!p.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    timedOut.set(true);
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
            }
        });
        try {
            ByteArrayOutputStream pcm = new ByteArrayOutputStream(1 << 16);
            boolean overLimit = false;
            try (InputStream out = p.getInputStream()) {
                byte[] buf = new byte[1 << 16];
                int r;
                while ((r = out.read(buf)) >= 0) {
                    long room = maxBytes - pcm.size();
                    if (r > room) {
                        pcm.write(buf, 0, (int) Math.max(room, 0));
                        overLimit = true;
                        break;
                    }
                    pcm.write(buf, 0, r);
                }
            }
            if (overLimit) {
                p.destroyForcibly();
                if (!options.truncate()) {
                    throw new AudioDecodeException(String.format(Locale.ROOT,
                            "%s: audio is longer than the limit of %.1f s", file.getFileName(), options.maxSeconds()));
                }
            } else {
                if (!p.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    timedOut.set(true);
                    p.destroyForcibly();
                }
                if (timedOut.get()) {
                    throw new AudioDecodeException(file.getFileName() + ": ffmpeg took longer than "
                            + options.ffmpegTimeout().toMillis() / 1000.0 + " s and was stopped");
                }
                if (p.exitValue() != 0) {
                    errReader.join(1000);
                    throw new AudioDecodeException(file.getFileName() + ": ffmpeg could not decode it (exit "
                            + p.exitValue() + "): " + stderrText(err));
                }
            }
            byte[] b = pcm.toByteArray();
            int n = b.length / 2;
            if (n == 0) {
                errReader.join(1000);
                throw new AudioDecodeException(file.getFileName() + ": no audio decoded" + (err.size() > 0 ? ": " + stderrText(err) : ""));
            }
            short[] s = new short[n];
            for (int i = 0; i < n; i++) {
                s[i] = (short) ((b[2 * i] & 0xFF) | b[2 * i + 1] << 8);
            }
            return new PcmAudio(s, ChromaprintHasher.SAMPLE_RATE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AudioDecodeException("interrupted while decoding " + file.getFileName(), e);
        } finally {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
            watchdog.interrupt();
        }
    }

    private static void drain(InputStream in, ByteArrayOutputStream sink) {
        byte[] buf = new byte[4096];
        try (in) {
            int r;
            while ((r = in.read(buf)) >= 0) {
                synchronized (sink) {
                    int room = STDERR_CAP - sink.size();
                    if (room > 0) {
                        sink.write(buf, 0, Math.min(r, room));
                    }
                }
            }
        } catch (IOException ignored) {
            // the process was killed; what was read is enough for the message
        }
    }

    private static String stderrText(ByteArrayOutputStream err) {
        String s;
        synchronized (err) {
            s = err.toString(java.nio.charset.StandardCharsets.UTF_8).strip();
        }
        return s.isEmpty() ? "(no message)" : s.replaceAll("\\s+", " ");
    }
}
