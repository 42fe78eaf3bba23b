package io.assay.watermark.assay;

import io.assay.watermark.image.RgbPixels;
import io.assay.watermark.testing.CorpusImages;

public final class DebugPeriods {
    public static void main(String[] args) throws Exception {
        AssayWatermark wm = new AssayWatermark(AssayWatermarkKey.fromPassphrase("experiment"), 4.0, 6.0);
        for (CorpusImages.Named n : CorpusImages.distinctPhotos(1024)) {
            if (!n.name().contains(args[0])) continue;
            RgbPixels marked = wm.embed(n.pixels(), new AssayPayload(1, 7));
            WorkingLuma wl = WorkingLuma.of(marked);
            float[] r = wl.residual(AssayDetector.RESIDUAL_RADIUS);
            System.out.println(n.name() + " " + wl.width + "x" + wl.height + " candidates " + AssayDetector.periodCandidates(r, wl.width, wl.height));
        }
    }
}
