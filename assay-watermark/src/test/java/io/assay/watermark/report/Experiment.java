package io.assay.watermark.report;

import io.assay.watermark.assay.AssayDetector;
import io.assay.watermark.assay.AssayPayload;
import io.assay.watermark.assay.AssayWatermark;
import io.assay.watermark.assay.AssayWatermarkKey;
import io.assay.watermark.image.RgbPixels;
import io.assay.watermark.testing.Attacks;
import io.assay.watermark.testing.CorpusImages;

import java.util.List;

/** Scratch measurements while tuning (not part of the report). */
public final class Experiment {
    static final int[] ok_ = new int[1];
    static void okCount() { }
    public static void main(String[] args) throws Exception {
        double strength = args.length > 0 ? Double.parseDouble(args[0]) : AssayWatermark.DEFAULT_STRENGTH;
        AssayWatermark wm = new AssayWatermark(AssayWatermarkKey.fromPassphrase("experiment"), strength, 6.0);
        AssayPayload pl = new AssayPayload(1, 7);
        List<CorpusImages.Named> photos = CorpusImages.distinctPhotos(1024);
        int total = 0; double nullMax = 0; long detectNs = 0; double minZ = 1e9;
        for (CorpusImages.Named n : photos) {
            RgbPixels clean = n.pixels();
            long t0 = System.nanoTime();
            RgbPixels marked = wm.embed(clean, pl);
            long t1 = System.nanoTime();
            double psnr = psnr(clean, marked);
            StringBuilder sb = new StringBuilder(String.format("%-50s %4dx%-4d psnr %.1f embed %dms | ", n.name(), clean.width(), clean.height(), psnr, (t1 - t0) / 1_000_000));
            AssayDetector.Reading nul = wm.detect(clean);
            sb.append(String.format("null z=%.1f%s | ", nul.syncScore(), nul.found() ? "!FP" : ""));
            nullMax = Math.max(nullMax, nul.syncScore());
            for (Attacks.Attack a : Attacks.standard()) {
                long s = System.nanoTime();
                RgbPixels att = a.apply().apply(marked);
                long s2 = System.nanoTime();
                AssayDetector.Reading r = wm.detect(att);
                long s3 = System.nanoTime();
                boolean ok = r.found() && r.payload().equals(pl);
                total++; if (ok) okCount(); if (ok) ok_[0]++; detectNs += s3 - s2; minZ = Math.min(minZ, r.syncScore());
                sb.append(String.format("%s z=%.1f e=%d %s(%dms) ", a.name().replace(" ", ""), r.syncScore(), r.codedBitErrors(), ok ? "OK" : (r.found() ? "WRONG" : "--"), (s3 - s2) / 1_000_000));
            }
            if (!Boolean.getBoolean("quiet")) System.out.println(sb);
        }
        System.out.printf("TOTAL ok %d/%d  minZ %.1f  null max z %.1f  mean detect %d ms%n", ok_[0], total, minZ, nullMax, detectNs / total / 1_000_000);
    }

    static double psnr(RgbPixels a, RgbPixels b) {
        double se = 0;
        for (int i = 0; i < a.rgb().length; i++) {
            int p = a.rgb()[i], q = b.rgb()[i];
            for (int s = 0; s < 24; s += 8) {
                double d = (p >>> s & 0xFF) - (q >>> s & 0xFF);
                se += d * d;
            }
        }
        double mse = se / (3.0 * a.rgb().length);
        return 10 * Math.log10(255 * 255 / mse);
    }
}
