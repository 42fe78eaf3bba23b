package io.assay.detect.builtin.presence;

import io.assay.core.media.MediaType;
import io.assay.detect.ContentProbe;
import io.assay.detect.ContentProfile;
import io.assay.detect.DetectorInput;
import io.assay.hash.video.VideoFrame;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfRect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.opencv.objdetect.CascadeClassifier;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Face presence: frontal faces found by OpenCV's Haar cascade {@code haarcascade_frontalface_alt2} (Debian
 * {@code opencv-data}), run by the OpenCV 4.9 Java bindings. The image is shrunk to at most 640 px on its long side
 * and faces under 6 % of its short side are ignored: small background faces do not make a face-swap model
 * competent, and the cascade's false alarms are mostly small. For a video, the most faces that at least two of
 * the first {@value #MAX_FRAMES} sampled frames show.
 *
 * <p>The cascade misses profiles, tilted and occluded faces and fires now and then on texture; see the assay-detect README (Built-in detectors).
 */
public final class FacePresenceProbe implements ContentProbe {

    /** Where Debian's opencv-data puts the cascade; {@code -Dassay.detect.faceCascade=FILE} for another. */
    public static final Path DEFAULT_CASCADE = Path.of("/usr/share/opencv4/haarcascades/haarcascade_frontalface_alt2.xml");
    static final int MAX_SIDE = 640;
    static final double MIN_FACE_SHARE = 0.06;
    static final int MAX_FRAMES = 8;

    private final Path cascade;
    private final ThreadLocal<CascadeClassifier> classifier; // one per thread: a classifier is not safe to share

    public FacePresenceProbe() {
        this(Path.of(System.getProperty("assay.detect.faceCascade", DEFAULT_CASCADE.toString())));
    }

    public FacePresenceProbe(Path cascade) {
        this.cascade = cascade;
        this.classifier = ThreadLocal.withInitial(this::load);
    }

    @Override
    public String id() {
        return "face-presence";
    }

    @Override
    public Set<MediaType.Kind> kinds() {
        return Set.of(MediaType.Kind.IMAGE, MediaType.Kind.VIDEO);
    }

    /** Whether the cascade file is there (the probe reports "unknown" without it). */
    public boolean available() {
        return Files.isRegularFile(cascade);
    }

    @Override
    public ContentProfile probe(DetectorInput input) throws Exception {
        if (input.kind() != MediaType.Kind.IMAGE && input.kind() != MediaType.Kind.VIDEO) {
            return ContentProfile.UNKNOWN;
        }
        if (!available()) {
            return new ContentProfile(null, null, null, null, List.of("face presence unknown: no face cascade at " + cascade
                    + " (apt-get install opencv-data)"));
        }
        int faces;
        String where;
        if (input.kind() == MediaType.Kind.VIDEO) {
            List<VideoFrame> frames = input.frames();
            int n = Math.min(MAX_FRAMES, frames.size());
            int[] counts = new int[n];
            for (int i = 0; i < n; i++) {
                counts[i] = count(DetectorInput.toImage(frames.get(i)));
            }
            faces = persistent(counts);
            where = n > 1 ? "seen in at least two of " + n + " sampled frames" : "in the one sampled frame";
        } else {
            faces = count(input.image());
            where = "in the image";
        }
        return new ContentProfile(faces, null, null, null,
                List.of(String.format(Locale.ROOT, "face cascade: %d frontal face%s %s", faces, faces == 1 ? "" : "s", where)));
    }

    /**
     * The most faces that at least two frames agree on (one frame's count when there is one): a cascade false
     * alarm rarely survives from one sampled frame to another, a person in the picture does.
     */
    static int persistent(int[] counts) {
        if (counts.length == 0) {
            return 0;
        }
        int[] sorted = counts.clone();
        java.util.Arrays.sort(sorted);
        return sorted.length == 1 ? sorted[0] : sorted[sorted.length - 2];
    }

    /** Frontal faces in one image. */
    public int count(BufferedImage image) {
        Mat grey = grey(image);
        try {
            double s = Math.min(1.0, MAX_SIDE / (double) Math.max(grey.cols(), grey.rows()));
            if (s < 1) {
                Imgproc.resize(grey, grey, new Size(), s, s, Imgproc.INTER_AREA);
            }
            Imgproc.equalizeHist(grey, grey);
            int min = Math.max(24, (int) (MIN_FACE_SHARE * Math.min(grey.cols(), grey.rows())));
            MatOfRect found = new MatOfRect();
            try {
                classifier.get().detectMultiScale(grey, found, 1.1, 5, 0, new Size(min, min), new Size());
                return found.toArray().length;
            } finally {
                found.release();
            }
        } finally {
            grey.release();
        }
    }

    /**
     * Grey levels, shrunk on the way by the integer factor that brings the long side to between MAX_SIDE and twice
     * that (block means), so a 64-megapixel upload never becomes a full-size grey copy.
     */
    static Mat grey(BufferedImage image) {
        OpenCvNatives.load();
        int w = image.getWidth();
        int h = image.getHeight();
        int f = Math.max(1, Math.max(w, h) / MAX_SIDE);
        int ow = Math.max(1, w / f);
        int oh = Math.max(1, h / f);
        byte[] out = new byte[ow * oh];
        int[] row = new int[w];
        int[] acc = new int[ow];
        for (int oy = 0; oy < oh; oy++) {
            java.util.Arrays.fill(acc, 0);
            for (int dy = 0; dy < f; dy++) {
                image.getRGB(0, oy * f + dy, w, 1, row, 0, w);
                for (int ox = 0; ox < ow; ox++) {
                    for (int dx = 0; dx < f; dx++) {
                        int p = row[ox * f + dx];
                        acc[ox] += (299 * (p >> 16 & 0xff) + 587 * (p >> 8 & 0xff) + 114 * (p & 0xff) + 500) / 1000;
                    }
                }
            }
            for (int ox = 0; ox < ow; ox++) {
                out[oy * ow + ox] = (byte) ((acc[ox] + f * f / 2) / (f * f));
            }
        }
        Mat m = new Mat(oh, ow, CvType.CV_8UC1);
        m.put(0, 0, out);
        return m;
    }

    private CascadeClassifier load() {
        OpenCvNatives.load();
        CascadeClassifier c = new CascadeClassifier(cascade.toString());
        if (c.empty()) {
            throw new IllegalStateException("OpenCV could not read the face cascade " + cascade);
        }
        return c;
    }
}
