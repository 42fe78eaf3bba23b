package io.assay.watermark.report;

import io.assay.watermark.dwtdct.DwtDctWatermark;
import io.assay.watermark.dwtdct.KnownDwtDctMark;
import io.assay.watermark.image.RgbPixels;
import io.assay.watermark.testing.Attacks;
import io.assay.watermark.testing.CorpusImages;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The dwtDct decoder's bit accuracy against the SD 1.x and SDXL payloads on unmarked images: every corpus image that
 * decodes, and variants of it. Prints the distribution the README's thresholds come from.
 */
public final class DwtDctNullStudy {

    public static Map<String, UnaryOperator<RgbPixels>> variants() {
        Map<String, UnaryOperator<RgbPixels>> v = new java.util.LinkedHashMap<>();
        v.put("original", i -> i);
        v.put("jpeg q75", i -> Attacks.jpeg(i, 75));
        v.put("resize 50%", i -> Attacks.resize(i, 0.5));
        v.put("crop 10% centred", i -> Attacks.crop(i, 0.05, 0.05, 0.95, 0.95));
        v.put("brightness +15%", i -> Attacks.brightness(i, 1.15));
        v.put("brightness -15%", i -> Attacks.brightness(i, 0.85));
        v.put("fit 512", i -> CorpusImages.fit(i, 512));
        return v;
    }

    public static void main(String[] args) throws Exception {
        List<Double> sd1 = new ArrayList<>();
        List<Double> sdxl = new ArrayList<>();
        int images = 0;
        String worst1 = "";
        String worst2 = "";
        for (Path p : CorpusImages.all()) {
            RgbPixels img = CorpusImages.read(p);
            if (img == null) {
                continue;
            }
            images++;
            img = CorpusImages.fit(img, 2048); // bounds the study's time; the analyzer reads full size up to its limit
            for (var e : variants().entrySet()) {
                RgbPixels v = e.getValue().apply(img);
                if ((long) v.width() * v.height() < DwtDctWatermark.MIN_PIXELS) {
                    continue;
                }
                double a = DwtDctWatermark.decode(v, 136).bitAccuracy(KnownDwtDctMark.STABLE_DIFFUSION_V1.bits());
                double b = DwtDctWatermark.decode(v, 48).bitAccuracy(KnownDwtDctMark.SDXL.bits());
                if (sd1.isEmpty() || a > Collections.max(sd1)) {
                    worst1 = p.getFileName() + " / " + e.getKey();
                }
                if (sdxl.isEmpty() || b > Collections.max(sdxl)) {
                    worst2 = p.getFileName() + " / " + e.getKey();
                }
                sd1.add(a);
                sdxl.add(b);
            }
        }
        System.out.println("images decoded: " + images + ", (image, variant) trials: " + sd1.size());
        print("sd1 (136 bits)", sd1, worst1);
        print("sdxl (48 bits)", sdxl, worst2);
    }

    static void print(String name, List<Double> v, String worst) {
        List<Double> s = new ArrayList<>(v);
        Collections.sort(s);
        double mean = s.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        System.out.printf("%s: n=%d mean %.3f  p50 %.3f  p99 %.3f  max %.3f (%s)%n", name, s.size(), mean,
                s.get(s.size() / 2), s.get((int) (s.size() * 0.99)), s.get(s.size() - 1), worst);
        int[] hist = new int[21];
        for (double d : s) {
            hist[(int) Math.round(d * 20)]++;
        }
        StringBuilder sb = new StringBuilder("  histogram (accuracy rounded to 0.05): ");
        for (int i = 0; i < hist.length; i++) {
            if (hist[i] > 0) {
                sb.append(String.format("%.2f:%d ", i / 20.0, hist[i]));
            }
        }
        System.out.println(sb);
    }
}
