package io.assay.watermark.report;

import io.assay.watermark.WatermarkAnalyzer;
import io.assay.watermark.assay.AssayDetector;
import io.assay.watermark.assay.AssayPayload;
import io.assay.watermark.assay.AssayWatermark;
import io.assay.watermark.assay.AssayWatermarkKey;
import io.assay.watermark.image.ImageCodec;
import io.assay.watermark.image.RgbPixels;
import io.assay.watermark.testing.Attacks;
import io.assay.watermark.testing.CorpusImages;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

/**
 * The README's tables: robustness of the Assay mark per attack on distinct corpus photos, false positives of its
 * detector on unmarked corpus images under many random keys, and detection time. Run with
 * {@code ./mvnw -pl assay-watermark test-compile exec:java} (args: number of random keys for the false-positive trials,
 * default 28). Prints Markdown and writes it to {@code target/watermark-report.md}.
 */
public final class WatermarkRobustnessReport {

    public static void main(String[] args) throws Exception {
        int keys = args.length > 0 ? Integer.parseInt(args[0]) : 28;
        StringBuilder md = new StringBuilder();
        robustness(md);
        timing(md);
        falsePositives(md, keys);
        // exec:java runs in the reactor root; a plain java run may start in the module
        Path out = (Files.isDirectory(Path.of("assay-watermark")) ? Path.of("assay-watermark", "target") : Path.of("target"))
                .resolve("watermark-report.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md);
        System.out.println("\n(written to " + out.toAbsolutePath() + ")");
    }

    static void print(StringBuilder md, String s) {
        System.out.println(s);
        md.append(s).append('\n');
    }

    static void robustness(StringBuilder md) throws Exception {
        AssayWatermark wm = new AssayWatermark(AssayWatermarkKey.fromPassphrase("robustness-report"));
        List<CorpusImages.Named> photos = CorpusImages.distinctPhotos(1024);
        List<Attacks.Attack> attacks = Attacks.standard();
        int[] detected = new int[attacks.size()];
        int[] correct = new int[attacks.size()];
        double[] zSum = new double[attacks.size()];
        double[] zMin = new double[attacks.size()];
        java.util.Arrays.fill(zMin, Double.MAX_VALUE);
        List<String> misses = new ArrayList<>();
        double psnrMin = Double.MAX_VALUE;
        double psnrSum = 0;
        for (int i = 0; i < photos.size(); i++) {
            CorpusImages.Named n = photos.get(i);
            AssayPayload payload = new AssayPayload(1 + i % 3, 1000 + i);
            RgbPixels marked = wm.embed(n.pixels(), payload);
            double psnr = Quality.psnr(n.pixels(), marked);
            psnrMin = Math.min(psnrMin, psnr);
            psnrSum += psnr;
            for (int a = 0; a < attacks.size(); a++) {
                AssayDetector.Reading r = wm.detect(attacks.get(a).apply().apply(marked));
                zSum[a] += r.syncScore();
                zMin[a] = Math.min(zMin[a], r.syncScore());
                if (r.found()) {
                    detected[a]++;
                    if (r.payload().equals(payload)) {
                        correct[a]++;
                    }
                }
                if (!r.found() || !r.payload().equals(payload)) {
                    misses.add(n.name() + " / " + attacks.get(a).name() + String.format(Locale.ROOT, " (sync z %.1f)", r.syncScore()));
                }
            }
        }
        int n = photos.size();
        print(md, String.format(Locale.ROOT, "### Robustness (%d distinct corpus photos, longer side <= 1024 px, default strength %.1f)%n",
                n, AssayWatermark.DEFAULT_STRENGTH));
        print(md, String.format(Locale.ROOT, "PSNR of the marked photos: mean %.1f dB, min %.1f dB.%n", psnrSum / n, psnrMin));
        print(md, "| attack | detected | payload correct | mean sync z | min sync z |");
        print(md, "|---|---|---|---|---|");
        for (int a = 0; a < attacks.size(); a++) {
            print(md, String.format(Locale.ROOT, "| %s | %d/%d | %d/%d | %.1f | %.1f |", attacks.get(a).name(), detected[a], n,
                    correct[a], n, zSum[a] / n, zMin[a]));
        }
        print(md, "");
        print(md, "Misses: " + (misses.isEmpty() ? "none" : String.join("; ", misses)));
        print(md, "");
    }

    static void timing(StringBuilder md) throws Exception {
        RgbPixels photo = CorpusImages.read(io.assay.core.testing.SharedCorpus.corpus("c2pa/assets/ptf-truepic-20230212-landscape.jpg"));
        int side = Math.min(photo.width(), photo.height());
        RgbPixels square = Attacks.crop(photo, 0, 0, side / (double) photo.width(), side / (double) photo.height());
        RgbPixels sq = Attacks.resize(square, 1024.0 / side); // 1024 x 1024
        AssayWatermark wm = new AssayWatermark(AssayWatermarkKey.DEFAULT);
        RgbPixels marked = wm.embed(sq, new AssayPayload(1, 7));
        byte[] jpeg = ImageCodec.write(marked.toImage(), "jpeg");
        var analyzer = new io.assay.watermark.WatermarkAnalyzerProvider().create(io.assay.core.analyzer.AnalyzerSettings.NONE);
        var asset = io.assay.core.media.MediaAsset.of("t.jpg", jpeg, io.assay.core.media.AssetLimits.DEFAULT);
        for (int i = 0; i < 10; i++) {
            wm.detect(marked);
            analyzer.analyze(asset, io.assay.core.scan.ScanContext.NONE);
        }
        List<Double> det = new ArrayList<>();
        List<Double> emb = new ArrayList<>();
        List<Double> full = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long t0 = System.nanoTime();
            wm.detect(marked);
            long t1 = System.nanoTime();
            wm.embed(sq, new AssayPayload(1, 7));
            long t2 = System.nanoTime();
            analyzer.analyze(asset, io.assay.core.scan.ScanContext.NONE);
            long t3 = System.nanoTime();
            det.add((t1 - t0) / 1e6);
            emb.add((t2 - t1) / 1e6);
            full.add((t3 - t2) / 1e6);
        }
        print(md, String.format("### Speed (%dx%d image, one thread, %d cores, after warm-up; median of 20)%n", sq.width(), sq.height(),
                Runtime.getRuntime().availableProcessors()));
        print(md, "| step | median ms |");
        print(md, "|---|---|");
        print(md, String.format(Locale.ROOT, "| Assay embed (pixels in memory) | %.0f |", median(emb)));
        print(md, String.format(Locale.ROOT, "| Assay detect (pixels in memory) | %.0f |", median(det)));
        print(md, String.format(Locale.ROOT, "| `%s` analyzer on the JPEG (decode + Assay + dwtDct) | %.0f |", WatermarkAnalyzer.NAME, median(full)));
        print(md, "");
    }

    static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }

    static void falsePositives(StringBuilder md, int keyCount) throws Exception {
        Map<String, UnaryOperator<RgbPixels>> variants = new java.util.LinkedHashMap<>();
        variants.put("original", i -> i);
        variants.put("jpeg q75", i -> Attacks.jpeg(i, 75));
        variants.put("jpeg q50", i -> Attacks.jpeg(i, 50));
        variants.put("resize 50%", i -> Attacks.resize(i, 0.5));
        variants.put("crop 10% centred", i -> Attacks.crop(i, 0.05, 0.05, 0.95, 0.95));
        variants.put("brightness +15%", i -> Attacks.brightness(i, 1.15));
        variants.put("brightness -15%", i -> Attacks.brightness(i, 0.85));
        variants.put("resize 50% + jpeg q75", i -> Attacks.jpeg(Attacks.resize(i, 0.5), 75));
        SplittableRandom rnd = new SplittableRandom(2024);
        List<AssayDetector> detectors = new ArrayList<>();
        detectors.add(new AssayDetector(AssayWatermarkKey.DEFAULT));
        while (detectors.size() < keyCount) {
            detectors.add(new AssayDetector(new AssayWatermarkKey(rnd.nextLong())));
        }
        List<Path> files = CorpusImages.all();
        AtomicInteger images = new AtomicInteger();
        List<double[]> results = Collections.synchronizedList(new ArrayList<>()); // {z, crc, found}
        IntStream.range(0, files.size()).parallel().forEach(i -> {
            RgbPixels img = CorpusImages.read(files.get(i));
            if (img == null) {
                return;
            }
            images.incrementAndGet();
            img = CorpusImages.fit(img, 1024);
            for (UnaryOperator<RgbPixels> v : variants.values()) {
                AssayDetector.Prepared p = AssayDetector.prepare(v.apply(img));
                for (AssayDetector d : detectors) {
                    AssayDetector.Reading r = d.detect(p);
                    results.add(new double[] {r.syncScore(), r.crcValid() ? 1 : 0, r.found() ? 1 : 0});
                }
            }
        });
        List<Double> z = new ArrayList<>();
        int crc = 0;
        int found = 0;
        int[] over = new int[4];
        double[] levels = {5.0, 5.5, 6.0, 7.0};
        for (double[] r : results) {
            z.add(r[0]);
            crc += (int) r[1];
            found += (int) r[2];
            for (int k = 0; k < levels.length; k++) {
                if (r[0] >= levels[k]) {
                    over[k]++;
                }
            }
        }
        Collections.sort(z);
        int n = z.size();
        print(md, String.format(Locale.ROOT, "### False positives (unmarked corpus images, %d keys)%n", keyCount));
        print(md, String.format(Locale.ROOT, "%d corpus images decoded (every JPEG/PNG/WebP/TIFF under pdq/, metadata/, c2pa/assets/ that ImageIO reads), "
                + "each shrunk to <= 1024 px and taken in %d variants (%s): %d (image, variant) pairs, each run through the detector with "
                + "%d keys (the default key and %d random ones) = **%d detector trials**.%n", images.get(), variants.size(),
                String.join(", ", variants.keySet()), n / keyCount, keyCount, keyCount - 1, n));
        print(md, "| measure | value |");
        print(md, "|---|---|");
        print(md, String.format(Locale.ROOT, "| false positives (reported marks) | **%d / %d** |", found, n));
        print(md, String.format(Locale.ROOT, "| sync z-score: median / p99 / p99.9 / max | %.2f / %.2f / %.2f / %.2f |", z.get(n / 2),
                z.get((int) (n * 0.99)), z.get((int) (n * 0.999)), z.get(n - 1)));
        for (int k = 0; k < levels.length; k++) {
            print(md, String.format(Locale.ROOT, "| trials with sync z >= %.1f | %d |", levels[k], over[k]));
        }
        print(md, String.format(Locale.ROOT, "| trials whose bits passed the CRC-16 (whatever z) | %d (expected %.2f = trials x 2^-16) |", crc, n / 65536.0));
        print(md, "");
    }
}
