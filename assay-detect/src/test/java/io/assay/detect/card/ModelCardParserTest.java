package io.assay.detect.card;

import io.assay.core.media.MediaType;
import io.assay.detect.Competence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelCardParserTest {

    static final String SHA = "a".repeat(64);
    static final String FULL = """
            id: face-swap-v2
            name: Face-swap detector
            version: 2.1
            model:
              file: weights/face-swap-v2.onnx
              sha256: %s
            media: [image, video]
            competence: face
            input:
              name: pixels
              shape: [1, 3, 224, 224]
              layout: nchw
            image:
              resize: shorter-side
              size: 256
              centreCrop: true
              colour: rgb
              scale: 0.00392156862745098
              mean: [0.485, 0.456, 0.406]
              std: [0.229, 0.224, 0.225]
            video:
              frames: 8
              aggregate: max
            output:
              name: logits
              fakeIndex: 1
              activation: softmax
            thresholds:
              low: 0.2
              high: 0.85
            trusted: true
            licence: Apache-2.0
            evaluatedOn: FaceForensics++ c23 test split, 1,400 videos
            """.formatted(SHA);

    @TempDir
    Path dir;

    ModelCard parse(String yaml) throws ModelCardException {
        return ModelCardParser.parse(yaml, dir.resolve("x.card.yaml"));
    }

    void fails(String yaml, String... parts) {
        var a = assertThatThrownBy(() -> parse(yaml)).isInstanceOf(ModelCardException.class)
                .hasMessageStartingWith("model card " + dir.resolve("x.card.yaml"));
        for (String p : parts) {
            a.hasMessageContaining(p);
        }
    }

    @Test
    void aFullCardReadsEveryField() throws Exception {
        ModelCard c = parse(FULL);
        assertThat(c.id()).isEqualTo("face-swap-v2");
        assertThat(c.version()).isEqualTo("2.1");
        assertThat(c.model()).isEqualTo(dir.resolve("weights/face-swap-v2.onnx").toAbsolutePath());
        assertThat(c.media()).containsExactlyInAnyOrder(MediaType.Kind.IMAGE, MediaType.Kind.VIDEO);
        assertThat(c.competence()).isEqualTo(Competence.FACE);
        assertThat(c.input().shape()).containsExactly(1L, 3L, 224L, 224L);
        assertThat(c.input().height()).isEqualTo(224);
        assertThat(c.image().resize()).isEqualTo(ImagePreprocessing.Resize.SHORTER_SIDE);
        assertThat(c.image().std()).containsExactly(0.229, 0.224, 0.225);
        assertThat(c.video()).isEqualTo(new VideoSampling(8, Aggregation.MAX));
        assertThat(c.output()).isEqualTo(new OutputMapping("logits", 1, OutputMapping.Activation.SOFTMAX));
        assertThat(c.thresholds().high()).isEqualTo(0.85);
        assertThat(c.info().trusted()).isTrue();
        assertThat(c.info().kinds()).isEqualTo(Set.of(MediaType.Kind.IMAGE, MediaType.Kind.VIDEO));
        assertThat(c.evaluatedOn()).startsWith("FaceForensics++");
    }

    @Test
    void unknownFieldsAreErrorsNamingTheField() {
        fails(FULL.replace("trusted: true", "trusted: true\ntrustd: false"), "field 'trustd': unknown field");
        fails(FULL.replace("  colour: rgb", "  colour: rgb\n  gamma: 2.2"), "field 'image.gamma': unknown field");
    }

    @Test
    void missingFieldsAreErrorsNamingTheField() {
        fails(FULL.replace("  sha256: " + SHA + "\n", ""), "field 'model.sha256': missing");
        fails(FULL.replace("licence: Apache-2.0\n", ""), "field 'licence': missing");
        fails(FULL.replace("  std: [0.229, 0.224, 0.225]\n", ""), "field 'image.std': missing");
        fails(FULL.substring(0, FULL.indexOf("video:")) + FULL.substring(FULL.indexOf("output:")), "field 'video': missing");
    }

    @Test
    void badValuesAreErrorsNamingTheField() {
        fails(FULL.replace("layout: nchw", "layout: chw"), "field 'input.layout': unknown value 'chw' (one of: nchw, nhwc, samples)");
        fails(FULL.replace("activation: softmax", "activation: tanh"), "field 'output.activation'");
        fails(FULL.replace("sha256: " + SHA, "sha256: abcd"), "field 'model.sha256': must be 64 hexadecimal digits");
        fails(FULL.replace("sha256: " + SHA, "sha256: 1234"), "field 'model.sha256': must be a non-empty text, not '1234'");
        fails(FULL.replace("high: 0.85", "high: 1.5"), "field 'thresholds.high': must be within 0..1");
        fails(FULL.replace("low: 0.2", "low: 0.9"), "field 'thresholds.low': must be below high");
        fails(FULL.replace("competence: face", "competence: faces"), "field 'competence'");
        fails(FULL.replace("media: [image, video]", "media: [image, photo]"), "field 'media': unknown media kind 'photo'");
        fails(FULL.replace("std: [0.229, 0.224, 0.225]", "std: [0.229, 0, 0.225]"), "field 'image.std': values must be positive");
        fails(FULL.replace("mean: [0.485, 0.456, 0.406]", "mean: [0.485, 0.456]"), "field 'image.mean': must list exactly 3 numbers");
        fails(FULL.replace("trusted: true", "trusted: yes please"), "field 'trusted': must be true or false");
        fails(FULL.replace("id: face-swap-v2", "id: Face Swap"), "field 'id'");
        fails(FULL.replace("file: weights/face-swap-v2.onnx", "file: /etc/model.onnx"), "field 'model.file': must be relative");
    }

    @Test
    void sectionsMustAgree() {
        fails(FULL.replace("shape: [1, 3, 224, 224]", "shape: [1, 224, 224, 3]"), "field 'input.shape'", "3 colour channels");
        fails(FULL.replace("size: 256", "size: 200"), "field 'image.size'", "smaller than the input's size 224x224");
        fails(FULL.replace("centreCrop: true", "centreCrop: false"), "field 'image.centreCrop': must be true");
        fails(FULL.replace("media: [image, video]", "media: [image, audio]"), "field 'media'", "cannot score audio");
        fails(FULL.replace("media: [image, video]", "media: [image]"), "field 'video': does not apply");
        String audio = """
                id: voice
                name: Voice
                version: 1
                model: {file: v.onnx, sha256: %s}
                media: [audio]
                competence: speech
                input: {name: wave, shape: [1, 16000], layout: samples}
                audio: {sampleRate: 16000, mono: mean, windowSeconds: 2, aggregate: mean}
                output: {name: p, fakeIndex: 0, activation: sigmoid}
                thresholds: {low: 0.1, high: 0.9}
                licence: MIT
                evaluatedOn: ASVspoof 2019 LA eval
                """.formatted(SHA);
        fails(audio, "field 'audio.windowSeconds'", "32000 samples, but input.shape fixes 16000");
        fails(audio.replace("windowSeconds: 2", "windowSeconds: 1").replace("media: [audio]", "media: [audio, image]"),
                "field 'media'", "cannot score images");
    }

    @Test
    void notYamlOrNotAMappingIsAClearError() {
        fails("id: [unclosed", "is not valid YAML");
        fails("- just\n- a list\n", "must be a mapping of fields");
        fails(FULL + "id: again\n", "is not valid YAML");
    }

    @Test
    void theLoaderReadsAFolderAndFailsOnAnyBadCard() throws Exception {
        Files.writeString(dir.resolve("a.card.yaml"), FULL);
        Files.writeString(dir.resolve("notes.txt"), "not a card");
        assertThat(ModelCards.load(dir)).extracting(ModelCard::id).containsExactly("face-swap-v2");
        Files.writeString(dir.resolve("b.card.yaml"), FULL);
        assertThatThrownBy(() -> ModelCards.load(dir)).isInstanceOf(ModelCardException.class)
                .hasMessageContaining("id 'face-swap-v2' is already used by " + dir.resolve("a.card.yaml"));
        Files.writeString(dir.resolve("b.card.yaml"), FULL.replace("version: 2.1\n", ""));
        assertThatThrownBy(() -> ModelCards.load(dir)).hasMessageContaining("b.card.yaml: field 'version': missing");
        assertThatThrownBy(() -> ModelCards.load(dir.resolve("nope"))).hasMessageContaining("does not exist");
    }
}
