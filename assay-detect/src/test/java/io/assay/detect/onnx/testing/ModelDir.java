package io.assay.detect.onnx.testing;

import io.assay.detect.card.ModelFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a model and its card into a models folder, the card's model.sha256 computed from the bytes. */
public final class ModelDir {

    private ModelDir() {
    }

    /**
     * Writes {@code id.onnx} and {@code id.card.yaml}; {@code cardBody} is the card without its {@code id} and
     * {@code model} fields.
     */
    public static Path write(Path dir, String id, byte[] model, String cardBody) throws IOException {
        Files.write(dir.resolve(id + ".onnx"), model);
        return Files.writeString(dir.resolve(id + ".card.yaml"), "id: " + id + "\n"
                + "model:\n  file: " + id + ".onnx\n  sha256: " + ModelFile.sha256(model) + "\n" + cardBody);
    }

    /** An image card body for an input {@code name} of NCHW [1,3,h,w] with no resize, plain 0..1 scaling. */
    public static String imageCard(String layout, String shape, String image, String output) {
        return """
                name: Test model
                version: "1"
                media: [image]
                competence: any
                input:
                  name: pixels
                  shape: %s
                  layout: %s
                image:
                %s
                output:
                %s
                thresholds: {low: 0.3, high: 0.7}
                licence: test
                evaluatedOn: nothing, a test model
                """.formatted(shape, layout, indent(image), indent(output));
    }

    static String indent(String block) {
        return block.strip().lines().map(l -> "  " + l).reduce((a, b) -> a + "\n" + b).orElse("");
    }
}
