package io.assay.detect.builtin;

import io.assay.core.media.AssetLimits;
import io.assay.core.media.MediaAsset;
import io.assay.core.testing.SharedCorpus;
import io.assay.detect.DetectorInput;
import io.assay.detect.DetectorOutcome;
import io.assay.detect.builtin.presence.FacePresenceProbe;
import io.assay.detect.builtin.presence.SpeechPresenceProbe;
import io.assay.detect.builtin.spectral.SpectralImageDetector;
import io.assay.detect.builtin.spectral.SpectralTrainer;
import io.assay.detect.builtin.spoof.LfccSpoofDetector;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The figures the assay-detect README (Built-in detectors) quotes beyond the trainers' own: warm timings, and the spectral detector's scores on the
 * shared corpus's other images (none of them trained on). Run by hand (a main, not a test):
 * {@code java -cp <test classpath> io.assay.detect.builtin.BuiltinFigures}.
 */
public final class BuiltinFigures {

    private BuiltinFigures() {
    }

    public static void main(String[] args) throws Exception {
        Path corpus = SharedCorpus.corpus("");
        SpectralImageDetector spectral = new SpectralImageDetector();
        FacePresenceProbe faces = new FacePresenceProbe();
        List<Path> images;
        try (Stream<Path> s = Stream.concat(Files.walk(corpus.resolve("c2pa/assets")), Files.walk(corpus.resolve("pdq")))) {
            images = s.filter(p -> p.toString().matches(".*\\.(jpg|jpeg|png)$")).sorted().toList();
        }
        int scored = 0;
        int high = 0;
        int withFaces = 0;
        for (Path p : images) {
            String rel = corpus.relativize(p).toString();
            BufferedImage img;
            try {
                img = ImageIO.read(p.toFile());
            } catch (Exception e) {
                continue;
            }
            if (img == null) {
                continue;
            }
            int n = faces.count(img);
            withFaces += n > 0 ? 1 : 0;
            System.out.printf("faces %-60s %d%n", rel, n);
            if (SpectralTrainer.PHOTOS.contains(rel)) {
                continue;
            }
            DetectorInput in = DetectorInput.ofImage(p.getFileName().toString(), img);
            long t0 = System.nanoTime();
            DetectorOutcome o = spectral.detect(in);
            double ms = (System.nanoTime() - t0) / 1e6;
            if (o instanceof DetectorOutcome.Scored sc) {
                scored++;
                high += sc.score() >= 0.8 ? 1 : 0;
                System.out.printf("spectral %-60s %5dx%-5d score %.3f  %.1f ms%n", rel, img.getWidth(), img.getHeight(), sc.score(), ms);
            }
        }
        System.out.printf("spectral: %d of %d untrained corpus images score >= 0.8 (the high threshold)%n", high, scored);
        System.out.printf("faces: found in %d of %d corpus images%n", withFaces, images.size());

        for (String rel : List.of("metadata/astronaut-plain.jpg", "pdq/bridge-mods/aaa-orig.jpg", "c2pa/assets/ptf-truepic-20230212-camera.jpg")) {
            BufferedImage img = ImageIO.read(corpus.resolve(rel).toFile());
            DetectorInput in = DetectorInput.ofImage(rel, img);
            faces.count(img);
            spectral.detect(in);
            long t0 = System.nanoTime();
            for (int i = 0; i < 5; i++) {
                faces.count(img);
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < 5; i++) {
                spectral.detect(in);
            }
            long t2 = System.nanoTime();
            System.out.printf("timing %s %dx%d: face probe %.1f ms, spectral %.1f ms%n", rel, img.getWidth(), img.getHeight(),
                    (t1 - t0) / 5e6, (t2 - t1) / 5e6);
        }

        LfccSpoofDetector spoof = new LfccSpoofDetector();
        SpeechPresenceProbe speech = new SpeechPresenceProbe();
        for (String clip : List.of("orig", "orig44", "tel", "noisy", "loud", "fast", "cut", "other")) {
            Path wav = corpus.resolve("audio/" + clip + ".wav");
            MediaAsset asset = MediaAsset.of(clip + ".wav", Files.readAllBytes(wav), AssetLimits.DEFAULT);
            for (int warm = 0; warm < 2; warm++) {
                try (DetectorInput in = DetectorInput.of(asset)) {
                    double secs = in.audio().durationSeconds();
                    long t0 = System.nanoTime();
                    DetectorOutcome o = spoof.detect(in);
                    long t1 = System.nanoTime();
                    var prof = speech.probe(in);
                    long t2 = System.nanoTime();
                    if (warm == 1) {
                        System.out.printf("audio %-7s %.1f s: spoof %s (%.1f ms per s of audio), speech %.2f (%.1f ms per s)%n", clip, secs,
                                o instanceof DetectorOutcome.Scored sc ? String.format("%.4f", sc.score()) : o.toString(),
                                (t1 - t0) / 1e6 / secs, prof.speechFraction(), (t2 - t1) / 1e6 / secs);
                    }
                }
            }
        }
    }
}
