package io.assay.detect.card;

import io.assay.core.media.MediaType;
import io.assay.detect.Competence;
import io.assay.detect.Thresholds;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a model card ({@code NAME.card.yaml}) strictly: unknown fields, missing fields and values out of range are
 * errors naming the file and the field. Checks that the sections agree with each other (an image layout needs an
 * {@code image} section, the input size matches the crop, an audio window matches a fixed input length); it does
 * not open the model (see {@link ModelFile}).
 */
public final class ModelCardParser {

    static final Set<String> TOP = Set.of("id", "name", "version", "model", "media", "competence", "input", "image",
            "audio", "video", "output", "thresholds", "trusted", "experimental", "licence", "evaluatedOn");

    private ModelCardParser() {
    }

    public static ModelCard parse(Path card) throws ModelCardException {
        String text;
        try {
            text = Files.readString(card);
        } catch (IOException e) {
            throw new ModelCardException("model card " + card + ": cannot read it: " + e.getMessage(), e);
        }
        return parse(text, card);
    }

    /** Parses card text as if read from {@code card} (model paths resolve against its folder). */
    public static ModelCard parse(String yaml, Path card) throws ModelCardException {
        Object root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(10);
            options.setCodePointLimit(1 << 20);
            root = new Yaml(new SafeConstructor(options)).load(yaml);
        } catch (YAMLException e) {
            throw new ModelCardException("model card " + card + " is not valid YAML: "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
        CardFields f = CardFields.root(card, root);
        f.only(TOP);

        String id = f.string("id");
        if (!id.matches("[a-z0-9][a-z0-9._-]{0,63}")) {
            throw f.error("id", "must be 1-64 lower-case letters, digits, '.', '_' or '-', not '" + id + "'");
        }
        CardFields m = f.section("model");
        m.only(Set.of("file", "sha256"));
        Path modelFile = modelPath(card, m);
        String sha = m.string("sha256").toLowerCase(Locale.ROOT);
        if (!sha.matches("[0-9a-f]{64}")) {
            throw m.error("sha256", "must be 64 hexadecimal digits");
        }
        Set<MediaType.Kind> media = media(f);
        Competence competence = f.choice("competence", CompetenceId.class).competence;
        InputSpec input = input(f);
        ImagePreprocessing image = null;
        AudioPreprocessing audio = null;
        VideoSampling video = null;
        if (input.layout().image()) {
            forbid(f, "audio", "an image model (layout " + CardFields.id(input.layout()) + ")");
            if (media.contains(MediaType.Kind.AUDIO)) {
                throw f.error("media", "an image model (layout " + CardFields.id(input.layout()) + ") cannot score audio");
            }
            image = image(f.section("image"), input);
            if (media.contains(MediaType.Kind.VIDEO)) {
                video = video(f.section("video"));
            } else {
                forbid(f, "video", "a model that does not score video");
            }
        } else {
            forbid(f, "image", "an audio model (layout samples)");
            forbid(f, "video", "an audio model (it scores a video's sound track)");
            if (media.contains(MediaType.Kind.IMAGE)) {
                throw f.error("media", "an audio model (layout samples) cannot score images");
            }
            audio = audio(f.section("audio"), input);
        }
        OutputMapping output = output(f.section("output"));
        Thresholds thresholds = thresholds(f.section("thresholds"));
        return new ModelCard(card, id, f.text("name"), f.text("version"), modelFile, sha, media, competence,
                input, image, audio, video, output, thresholds, f.bool("trusted", false), f.bool("experimental", false),
                f.text("licence"), f.text("evaluatedOn"));
    }

    private static Path modelPath(Path card, CardFields m) throws ModelCardException {
        String file = m.string("file");
        Path p;
        try {
            p = Path.of(file);
        } catch (java.nio.file.InvalidPathException e) {
            throw m.error("file", "not a valid path: " + file);
        }
        if (p.isAbsolute()) {
            throw m.error("file", "must be relative to the card's folder, not absolute: " + file);
        }
        Path dir = card.toAbsolutePath().getParent();
        return dir.resolve(p).normalize();
    }

    private static Set<MediaType.Kind> media(CardFields f) throws ModelCardException {
        Set<MediaType.Kind> kinds = EnumSet.noneOf(MediaType.Kind.class);
        for (Object o : f.list("media")) {
            String v = String.valueOf(o);
            MediaType.Kind k = switch (v) {
                case "image" -> MediaType.Kind.IMAGE;
                case "video" -> MediaType.Kind.VIDEO;
                case "audio" -> MediaType.Kind.AUDIO;
                default -> throw f.error("media", "unknown media kind '" + v + "' (image, video, audio)");
            };
            if (!kinds.add(k)) {
                throw f.error("media", "lists '" + v + "' twice");
            }
        }
        return kinds;
    }

    private static InputSpec input(CardFields f) throws ModelCardException {
        CardFields in = f.section("input");
        in.only(Set.of("name", "shape", "layout"));
        String name = in.string("name");
        InputSpec.Layout layout = in.choice("layout", InputSpec.Layout.class);
        List<Long> shape = new ArrayList<>();
        for (Object o : in.list("shape")) {
            if (!(o instanceof Integer i) || (i < 1 && i != -1)) {
                throw in.error("shape", "dimensions must be positive whole numbers or -1 (open), not '" + o + "'");
            }
            shape.add((long) i);
        }
        if (shape.getFirst() != 1 && shape.getFirst() != -1) {
            throw in.error("shape", "the first (batch) dimension must be 1 or -1, not " + shape.getFirst());
        }
        switch (layout) {
            case NCHW, NHWC -> {
                if (shape.size() != 4) {
                    throw in.error("shape", "layout " + CardFields.id(layout) + " needs 4 dimensions, not " + shape.size());
                }
                int c = layout == InputSpec.Layout.NCHW ? 1 : 3;
                if (shape.get(c) != 3) {
                    throw in.error("shape", "layout " + CardFields.id(layout) + " needs 3 colour channels at dimension "
                            + c + ", not " + shape.get(c));
                }
                List<Long> hw = layout == InputSpec.Layout.NCHW ? shape.subList(2, 4) : shape.subList(1, 3);
                if (hw.contains(-1L) || hw.stream().anyMatch(d -> d > 8192)) {
                    throw in.error("shape", "height and width must be fixed, at most 8192");
                }
            }
            case SAMPLES -> {
                if (shape.size() != 2) {
                    throw in.error("shape", "layout samples needs 2 dimensions [1, samples], not " + shape.size());
                }
            }
        }
        return new InputSpec(name, shape, layout);
    }

    private static ImagePreprocessing image(CardFields s, InputSpec input) throws ModelCardException {
        s.only(Set.of("resize", "size", "centreCrop", "colour", "scale", "mean", "std"));
        ImagePreprocessing.Resize resize = s.choice("resize", ImagePreprocessing.Resize.class);
        int size = s.has("size") ? s.integer("size", 1, 8192) : 0;
        boolean crop = s.bool("centreCrop", false);
        int h = input.height();
        int w = input.width();
        if (resize == ImagePreprocessing.Resize.SHORTER_SIDE && size == 0) {
            throw s.error("size", "missing (resize shorter-side needs the shorter side's length)");
        }
        boolean exact = resize == ImagePreprocessing.Resize.STRETCH && (size == 0 || (size == h && size == w));
        if (exact && crop) {
            throw s.error("centreCrop", "must be false: the resized image already has the input's size " + h + "x" + w);
        }
        if (!exact && !crop) {
            throw s.error("centreCrop", "must be true: the resized image must be cropped to the input's size " + h + "x" + w);
        }
        if (!exact && (size < h || size < w)) {
            throw s.error("size", size + " is smaller than the input's size " + h + "x" + w + ", nothing to crop from");
        }
        ImagePreprocessing.Colour colour = s.choice("colour", ImagePreprocessing.Colour.class);
        double scale = s.number("scale", 1e-9, 1e6);
        double[] mean = s.numbers("mean", 3);
        double[] std = s.numbers("std", 3);
        for (int c = 0; c < 3; c++) {
            if (!(std[c] > 0)) {
                throw s.error("std", "values must be positive, not " + std[c]);
            }
        }
        return new ImagePreprocessing(resize, size, crop, colour, scale, mean, std);
    }

    private static AudioPreprocessing audio(CardFields s, InputSpec input) throws ModelCardException {
        s.only(Set.of("sampleRate", "mono", "windowSeconds", "hopSeconds", "aggregate"));
        int rate = s.integer("sampleRate", 1000, 384_000);
        AudioPreprocessing.Mono mono = s.choice("mono", AudioPreprocessing.Mono.class);
        double window = s.number("windowSeconds", 0.001, 600);
        double hop = s.number("hopSeconds", 0.001, 600, window);
        AudioPreprocessing a = new AudioPreprocessing(rate, mono, window, hop, s.choice("aggregate", Aggregation.class));
        long samples = input.shape().get(1);
        if (samples != -1 && samples != a.windowSamples()) {
            throw s.error("windowSeconds", window + " s at " + rate + " Hz is " + a.windowSamples()
                    + " samples, but input.shape fixes " + samples);
        }
        return a;
    }

    private static VideoSampling video(CardFields s) throws ModelCardException {
        s.only(Set.of("frames", "aggregate"));
        return new VideoSampling(s.integer("frames", 1, 256), s.choice("aggregate", Aggregation.class));
    }

    private static OutputMapping output(CardFields s) throws ModelCardException {
        s.only(Set.of("name", "fakeIndex", "activation"));
        return new OutputMapping(s.string("name"), s.integer("fakeIndex", 0, 1_000_000),
                s.choice("activation", OutputMapping.Activation.class));
    }

    private static Thresholds thresholds(CardFields s) throws ModelCardException {
        s.only(Set.of("low", "high"));
        double low = s.number("low", 0, 1);
        double high = s.number("high", 0, 1);
        if (low >= high) {
            throw s.error("low", "must be below high (" + low + " >= " + high + ")");
        }
        return new Thresholds(low, high);
    }

    private static void forbid(CardFields f, String key, String what) throws ModelCardException {
        if (f.has(key)) {
            throw f.error(key, "does not apply to " + what);
        }
    }

    /** The card's competence values, in the card's spelling. */
    private enum CompetenceId {
        ANY(Competence.ANY), FACE(Competence.FACE), SPEECH(Competence.SPEECH);

        final Competence competence;

        CompetenceId(Competence c) {
            this.competence = c;
        }
    }
}
