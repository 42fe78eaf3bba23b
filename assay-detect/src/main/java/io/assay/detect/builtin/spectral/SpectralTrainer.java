package io.assay.detect.builtin.spectral;

import io.assay.detect.builtin.LogisticFit;
import io.assay.detect.builtin.LogisticModel;
import io.assay.detect.builtin.Roc;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Trains the {@link SpectralImageDetector}'s logistic model from the shared corpus's natural photos: 256x256 crops
 * of each photo (real; a third softened and a third enlarged by a non-power-of-two factor, as real photos are)
 * against crops of the same photo shrunk by two and enlarged again the way generator decoders
 * do ({@link UpsamplingArtefacts}, "generated-like"); both classes are re-encoded as JPEG at random qualities
 * as often, so the JPEG grid tells nothing. Held out: every third photo, with all its crops. Seeded, so a run
 * reproduces the committed model.
 *
 * <p>Run: {@code java ... SpectralTrainer <shared/corpus> <out.json>} (see the assay-detect README (Built-in detectors)).
 */
public final class SpectralTrainer {

    /** Distinct natural photos of the shared corpus, relative to {@code shared/corpus}. */
    public static final List<String> PHOTOS = List.of(
            "pdq/bridge-mods/aaa-orig.jpg",
            "pdq/reg-test-input/exif-rotn/exif-rotn-1.jpg",
            "pdq/reg-test-input/exif-rotn/exif-rotn-6.jpg",
            "pdq/reg-test-input/labelme-subset/q0122.jpg",
            "pdq/reg-test-input/labelme-subset/q0291.jpg",
            "pdq/reg-test-input/labelme-subset/q0746.jpg",
            "pdq/reg-test-input/labelme-subset/q1050.jpg",
            "pdq/reg-test-input/labelme-subset/q2821.jpg",
            "metadata/astronaut-plain.jpg",
            "metadata/coffee-plain.jpg",
            "c2pa/assets/ptf-truepic-20230212-camera.jpg",
            "c2pa/assets/ptf-truepic-20230212-landscape.jpg",
            "c2pa/assets/ptf-truepic-20230212-library.jpg",
            "c2pa/assets/ptf-nikon-20221019-building.jpeg",
            "c2pa/assets/rs-IMG_0003.jpg",
            "c2pa/assets/rs-P1000827.jpg",
            "c2pa/assets/rs-earth_apollo17.jpg",
            "c2pa/assets/rs-C.jpg");

    public static final long SEED = 20261125L;
    static final int CROP = 256;
    static final int MAX_WORKING_SIDE = 1600;
    static final double LAMBDA = 1.0;

    /** One labelled example. */
    public record Example(String photo, boolean synthetic, double[] features) {
    }

    /** The trained model (on the training photos only) and its figures on the held-out photos. */
    public record Result(LogisticModel model, List<Example> train, List<Example> heldOut, double heldOutAuc,
                         double heldOutAccuracy) {
    }

    private SpectralTrainer() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: SpectralTrainer <shared/corpus folder> <model.json to write>");
            System.exit(2);
        }
        long t0 = System.nanoTime();
        Result r = train(Path.of(args[0]));
        Files.writeString(Path.of(args[1]), r.model().toJson());
        System.out.printf("trained on %d examples, held out %d: AUC %.4f, accuracy %.4f (%.1f s)%n", r.train().size(),
                r.heldOut().size(), r.heldOutAuc(), r.heldOutAccuracy(), (System.nanoTime() - t0) / 1e9);
    }

    public static Result train(Path corpus) throws IOException {
        List<Example> train = new ArrayList<>();
        List<Example> held = new ArrayList<>();
        for (int i = 0; i < PHOTOS.size(); i++) {
            String photo = PHOTOS.get(i);
            List<Example> ex = examples(photo, corpus.resolve(photo), new SplittableRandom(SEED + 7919L * i));
            (i % 3 == 2 ? held : train).addAll(ex);
        }
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("data", "256x256 crops of " + PHOTOS.size() + " natural photos of the shared corpus (real; 1/3 Gaussian-blurred, 1/3 bilinearly enlarged 1.15-1.6x) vs. the same "
                + "photos shrunk by 2 and re-enlarged by nearest+conv or transposed convolution (generated-like); "
                + "both classes JPEG re-encoded at q70-95 with probability 0.6");
        about.put("seed", SEED);
        about.put("trainPhotos", PHOTOS.size() - PHOTOS.size() / 3);
        about.put("trainExamples", train.size());
        about.put("heldOutPhotos", PHOTOS.size() / 3);
        about.put("heldOutExamples", held.size());
        LogisticModel fitted = LogisticFit.fit(SpectralImageDetector.ID, SpectralFeatures.NAMES, features(train), labels(train), LAMBDA, about);
        double[] scores = held.stream().mapToDouble(e -> fitted.score(e.features())).toArray();
        boolean[] y = labels(held);
        double auc = Roc.auc(scores, y);
        double acc = Roc.accuracy(scores, y, 0.5);
        about.put("heldOutAuc", auc);
        about.put("heldOutAccuracy", acc);
        LogisticModel model = new LogisticModel(fitted.id(), fitted.features(), fitted.mean(), fitted.scale(), fitted.weights(),
                fitted.bias(), about);
        return new Result(model, train, held, auc, acc);
    }

    /** Pairs of a real crop (as is, softened or resized: {@link OrdinaryProcessing}) and a generated-like crop of one photo. */
    static List<Example> examples(String name, Path file, SplittableRandom rng) throws IOException {
        BufferedImage img = ImageIO.read(file.toFile());
        if (img == null) {
            throw new IOException("cannot decode training photo " + file);
        }
        LumaPlane plane = LumaPlane.of(img);
        int side = Math.max(plane.width(), plane.height());
        if (side > MAX_WORKING_SIDE) {
            plane = plane.shrink((side + MAX_WORKING_SIDE - 1) / MAX_WORKING_SIDE);
        }
        LumaPlane half = plane.shrink(2);
        boolean small = half.width() < CROP || half.height() < CROP;
        int pairs = small ? 4 : 12;
        List<Example> out = new ArrayList<>();
        UpsamplingArtefacts.Method[] methods = UpsamplingArtefacts.Method.values();
        for (int k = 0; k < pairs; k++) {
            LumaPlane realFrom = small || rng.nextBoolean() ? plane : half;
            LumaPlane real = OrdinaryProcessing.realCrop(realFrom, CROP, rng);
            LumaPlane fake = UpsamplingArtefacts.upsample(randomCrop(half, CROP / 2, rng), methods[k % methods.length], rng);
            out.add(new Example(name, false, SpectralFeatures.of(maybeJpeg(real, rng))));
            out.add(new Example(name, true, SpectralFeatures.of(maybeJpeg(fake, rng))));
        }
        return out;
    }

    private static LumaPlane randomCrop(LumaPlane p, int size, SplittableRandom rng) {
        return OrdinaryProcessing.crop(p, size, rng);
    }

    /** Rounded to 8 bits, and with probability 0.6 through a JPEG encoder at quality 70..95. */
    static LumaPlane maybeJpeg(LumaPlane p, SplittableRandom rng) throws IOException {
        BufferedImage grey = p.toGrayImage();
        if (rng.nextDouble() < 0.6) {
            grey = jpeg(grey, (70 + rng.nextInt(26)) / 100f);
        }
        return LumaPlane.of(grey);
    }

    static BufferedImage jpeg(BufferedImage img, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(img, null, null), param);
        } finally {
            writer.dispose();
        }
        return ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
    }

    static double[][] features(List<Example> ex) {
        return ex.stream().map(Example::features).toArray(double[][]::new);
    }

    static boolean[] labels(List<Example> ex) {
        boolean[] y = new boolean[ex.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = ex.get(i).synthetic();
        }
        return y;
    }
}
