package io.assay.detect;

import io.assay.core.media.MediaAsset;
import io.assay.core.media.MediaType;
import io.assay.hash.audio.AudioDecoder;
import io.assay.hash.audio.PcmAudio;
import io.assay.hash.video.FfmpegFrameSource;
import io.assay.hash.video.VideoFrame;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * One asset as detectors see it, decoded once and shared by every detector of a scan: the image (or the video's
 * sampled frames) and the sound. Decoding is lazy and thread-safe, so a scan with only audio detectors never
 * decodes a frame. Bounded: images over {@link Limits#maxPixels()} and video beyond {@link Limits#maxFrames()}
 * sampled frames are refused or cut.
 */
public final class DetectorInput implements AutoCloseable {

    /** Decoding limits. */
    public record Limits(long maxPixels, int maxFrames, double secondsPerFrame, double maxAudioSeconds) {
        public static Limits defaults() {
            return new Limits(64L << 20, 16, 1.0, 120);
        }
    }

    private final MediaAsset asset;
    private final Limits limits;
    private final Object lock = new Object();
    private BufferedImage image;
    private List<VideoFrame> frames;
    private PcmAudio audio;
    private Path spooled;

    public DetectorInput(MediaAsset asset, Limits limits) {
        this.asset = Objects.requireNonNull(asset, "asset");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public static DetectorInput of(MediaAsset asset) {
        return new DetectorInput(asset, Limits.defaults());
    }

    /** An input over an already decoded image (evaluation, robustness transforms). */
    public static DetectorInput ofImage(String name, BufferedImage image) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("cannot encode image " + name);
        }
        MediaAsset asset;
        try {
            asset = MediaAsset.of(name, out.toByteArray(), io.assay.core.media.AssetLimits.DEFAULT);
        } catch (io.assay.core.media.AssetRejectedException e) {
            throw new IOException(e.getMessage(), e);
        }
        DetectorInput in = new DetectorInput(asset, Limits.defaults());
        in.image = image;
        return in;
    }

    public MediaAsset asset() {
        return asset;
    }

    public MediaType.Kind kind() {
        return asset.mediaType().kind();
    }

    /** The image of an image asset, or the first sampled frame of a video. */
    public BufferedImage image() throws IOException {
        synchronized (lock) {
            if (image == null) {
                if (kind() == MediaType.Kind.VIDEO) {
                    List<VideoFrame> f = frames();
                    if (f.isEmpty()) {
                        throw new IOException("video has no decodable frame");
                    }
                    image = toImage(f.getFirst());
                } else if (kind() == MediaType.Kind.IMAGE) {
                    image = decodeImage();
                } else {
                    throw new IOException("not an image or video: " + asset.mediaType().mime());
                }
            }
            return image;
        }
    }

    /** Sampled frames of a video (one per {@link Limits#secondsPerFrame()}, at most {@link Limits#maxFrames()}). */
    public List<VideoFrame> frames() throws IOException {
        synchronized (lock) {
            if (frames == null) {
                if (kind() != MediaType.Kind.VIDEO) {
                    throw new IOException("not a video: " + asset.mediaType().mime());
                }
                FfmpegFrameSource source = new FfmpegFrameSource(FfmpegFrameSource.Limits.defaults()
                        .withMaxFramePixels(limits.maxPixels()).withMaxFrames(limits.maxFrames()));
                List<VideoFrame> out = new ArrayList<>();
                try (FfmpegFrameSource.VideoFrames v = source.open(file(), limits.secondsPerFrame())) {
                    VideoFrame f;
                    while (out.size() < limits.maxFrames() && (f = v.next()) != null) {
                        out.add(f);
                    }
                }
                frames = List.copyOf(out);
            }
            return frames;
        }
    }

    /** The sound of an audio asset or a video's audio track, as decoded PCM (at most {@link Limits#maxAudioSeconds()}). */
    public PcmAudio audio() throws IOException {
        synchronized (lock) {
            if (audio == null) {
                if (kind() != MediaType.Kind.AUDIO && kind() != MediaType.Kind.VIDEO) {
                    throw new IOException("not audio or video: " + asset.mediaType().mime());
                }
                AudioDecoder decoder = new AudioDecoder(AudioDecoder.Options.defaults()
                        .withMaxSeconds(limits.maxAudioSeconds(), true));
                audio = asset.mediaType() == MediaType.WAV ? decoder.decode(asset) : decoder.decode(file());
            }
            return audio;
        }
    }

    /** The asset as a file (spooled to a private temporary file when it is held in memory); caller holds the lock. */
    private Path file() throws IOException {
        if (asset.path().isPresent()) {
            return asset.path().get();
        }
        if (spooled == null) {
            Path tmp = Files.createTempFile("assay-detect-", ".bin");
            try (InputStream in = asset.openStream()) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            spooled = tmp;
        }
        return spooled;
    }

    private BufferedImage decodeImage() throws IOException {
        try (InputStream in = asset.openStream(); ImageInputStream iis = ImageIO.createImageInputStream(in)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(iis);
            if (!readers.hasNext()) {
                throw new IOException("no decoder for " + asset.mediaType().mime());
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(iis, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > limits.maxPixels()) {
                    throw new IOException("image of " + pixels + " pixels is over the limit of " + limits.maxPixels());
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        }
    }

    /** A video frame (interleaved RGB) as an image. */
    public static BufferedImage toImage(VideoFrame f) {
        BufferedImage img = new BufferedImage(f.width(), f.height(), BufferedImage.TYPE_INT_RGB);
        byte[] rgb = f.rgb();
        int[] row = new int[f.width()];
        for (int y = 0, i = 0; y < f.height(); y++) {
            for (int x = 0; x < f.width(); x++, i += 3) {
                row[x] = (rgb[i] & 0xff) << 16 | (rgb[i + 1] & 0xff) << 8 | (rgb[i + 2] & 0xff);
            }
            img.setRGB(0, y, f.width(), 1, row, 0, f.width());
        }
        return img;
    }

    @Override
    public void close() throws IOException {
        synchronized (lock) {
            if (spooled != null) {
                Files.deleteIfExists(spooled);
                spooled = null;
            }
        }
    }
}
