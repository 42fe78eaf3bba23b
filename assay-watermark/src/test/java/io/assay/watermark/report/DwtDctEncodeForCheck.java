package io.assay.watermark.report;

import io.assay.core.testing.SharedCorpus;
import io.assay.watermark.dwtdct.DwtDctWatermark;
import io.assay.watermark.dwtdct.KnownDwtDctMark;
import io.assay.watermark.image.ImageCodec;
import io.assay.watermark.image.RgbPixels;
import io.assay.watermark.testing.CorpusImages;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes images marked by our dwtDct encoder (as PNG) into a folder, to be decoded by the real tool with
 * {@code scripts/make-fixtures.sh verify 136 DIR/*-sd1.png} (and 48 for *-sdxl.png). Usage: DwtDctEncodeForCheck DIR
 */
public final class DwtDctEncodeForCheck {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        List<String> sources = List.of("metadata/astronaut-plain.jpg", "metadata/coffee-plain.jpg", "pdq/misc-images/c.png",
                "c2pa/assets/rs-C.jpg", "pdq/reg-test-input/pen-and-coaster.png");
        for (String s : sources) {
            RgbPixels img = CorpusImages.fit(CorpusImages.read(SharedCorpus.corpus(s)), 1024);
            String base = Path.of(s).getFileName().toString().replaceAll("\\.[a-z]+$", "");
            for (KnownDwtDctMark m : KnownDwtDctMark.DEFAULTS) {
                RgbPixels marked = DwtDctWatermark.encode(img, m.bits());
                Files.write(dir.resolve(base + "-" + m.id() + ".png"), ImageCodec.write(marked.toImage(), "png"));
                System.out.printf("%s-%s.png java-decoder bit accuracy %.3f%n", base, m.id(),
                        DwtDctWatermark.decode(marked, m.bits().length()).bitAccuracy(m.bits()));
            }
        }
    }
}
