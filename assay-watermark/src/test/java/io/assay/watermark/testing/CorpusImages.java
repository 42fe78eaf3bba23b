package io.assay.watermark.testing;

import io.assay.core.testing.SharedCorpus;
import io.assay.watermark.image.RgbPixels;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Photos from the shared corpus that ImageIO decodes, for the watermark tests. */
public final class CorpusImages {

    private CorpusImages() {
    }

    public record Named(String name, RgbPixels pixels) {
    }

    /** Every decodable image (JPEG, PNG, and WebP/TIFF when a reader is installed) under the corpus folders. */
    public static List<Path> files(String... folders) throws IOException {
        List<Path> out = new ArrayList<>();
        for (String f : folders) {
            try (Stream<Path> s = Files.walk(SharedCorpus.corpus(f))) {
                s.filter(Files::isRegularFile).filter(p -> {
                    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                    return n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".png") || n.endsWith(".webp")
                            || n.endsWith(".tif") || n.endsWith(".tiff");
                }).sorted().forEach(out::add);
            }
        }
        return out;
    }

    public static List<Path> all() throws IOException {
        return files("pdq", "metadata", "c2pa/assets");
    }

    /** Decodes, or null when no reader handles the file. */
    public static RgbPixels read(Path p) {
        try {
            BufferedImage img = ImageIO.read(p.toFile());
            return img == null ? null : RgbPixels.of(img);
        } catch (Exception | OutOfMemoryError e) {
            return null;
        }
    }

    /** Shrinks (never enlarges) so that the longer side is at most {@code maxSide}. */
    public static RgbPixels fit(RgbPixels img, int maxSide) {
        int m = Math.max(img.width(), img.height());
        if (m <= maxSide) {
            return img;
        }
        double f = maxSide / (double) m;
        int w = (int) Math.round(img.width() * f);
        int h = (int) Math.round(img.height() * f);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.drawImage(img.toImage().getScaledInstance(w, h, java.awt.Image.SCALE_AREA_AVERAGING), 0, 0, null);
        g.dispose();
        return RgbPixels.of(out);
    }

    /**
     * A varied set of distinct photos (the corpus holds many copies of the same few pictures under other manifests):
     * one file per distinct picture, at most {@code maxSide} on the longer side.
     */
    public static List<Named> distinctPhotos(int maxSide) throws IOException {
        List<String> picks = List.of(
                "pdq/bridge-mods/aaa-orig.jpg",
                "pdq/misc-images/c.png",
                "pdq/reg-test-input/pen-and-coaster.png",
                "pdq/reg-test-input/exif-rotn/exif-rotn-1.jpg",
                "metadata/astronaut-plain.jpg",
                "metadata/coffee-plain.jpg",
                "c2pa/assets/ptf-adobe-20220124-CA.jpg",
                "c2pa/assets/rs-C.jpg",
                "c2pa/assets/rs-no_manifest.jpg",
                "c2pa/assets/ptf-truepic-20230212-landscape.jpg",
                "c2pa/assets/ptf-nikon-20221019-building.jpeg",
                "c2pa/assets/rs-P1000827.jpg");
        List<Named> out = new ArrayList<>();
        for (String p : picks) {
            RgbPixels img = read(SharedCorpus.corpus(p));
            if (img != null) {
                out.add(new Named(p, fit(img, maxSide)));
            }
        }
        return out;
    }
}
