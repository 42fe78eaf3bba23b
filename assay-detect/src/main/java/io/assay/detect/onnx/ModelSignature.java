package io.assay.detect.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.assay.detect.card.ModelCard;
import io.assay.detect.card.ModelCardException;

import java.util.Arrays;
import java.util.Map;

/**
 * Checks at load time that the model declares what its card says: the input's name, float type, rank and fixed
 * dimensions; the output's name and float type, a batch of one, and room for the fake index. A card that does not
 * fit its model would otherwise fail (or, worse, silently read the wrong value) on every scan.
 */
final class ModelSignature {

    private ModelSignature() {
    }

    static void check(ModelCard card, OrtSession session) throws ModelCardException, OrtException {
        Map<String, NodeInfo> inputs = session.getInputInfo();
        String in = card.input().name();
        if (!inputs.containsKey(in)) {
            throw mismatch(card, "input.name", "the model has no input '" + in + "' (its inputs: "
                    + String.join(", ", inputs.keySet()) + ")");
        }
        if (inputs.size() != 1) {
            throw mismatch(card, "input.name", "the model takes " + inputs.size() + " inputs ("
                    + String.join(", ", inputs.keySet()) + "); Assay feeds exactly one");
        }
        TensorInfo inInfo = floatTensor(card, "input.name", inputs.get(in));
        long[] declared = inInfo.getShape();
        long[] wanted = card.input().shapeArray();
        if (declared.length != wanted.length) {
            throw mismatch(card, "input.shape", "the model's input '" + in + "' has shape " + Arrays.toString(declared)
                    + ", the card says " + Arrays.toString(wanted));
        }
        for (int i = 0; i < wanted.length; i++) {
            boolean modelOpen = declared[i] < 1;
            if (!modelOpen && declared[i] != wanted[i]) {
                throw mismatch(card, "input.shape", "dimension " + i + " of the model's input '" + in + "' is "
                        + declared[i] + ", the card says " + wanted[i] + " (model shape " + Arrays.toString(declared) + ")");
            }
        }

        Map<String, NodeInfo> outputs = session.getOutputInfo();
        String out = card.output().name();
        if (!outputs.containsKey(out)) {
            throw mismatch(card, "output.name", "the model has no output '" + out + "' (its outputs: "
                    + String.join(", ", outputs.keySet()) + ")");
        }
        long[] outShape = floatTensor(card, "output.name", outputs.get(out)).getShape();
        for (int i = 0; i + 1 < outShape.length; i++) {
            if (outShape[i] > 1) {
                throw mismatch(card, "output.name", "output '" + out + "' has shape " + Arrays.toString(outShape)
                        + "; Assay reads one score vector, [1, classes] or [classes]");
            }
        }
        long classes = outShape.length == 0 ? 1 : outShape[outShape.length - 1];
        if (classes > 0 && card.output().fakeIndex() >= classes) {
            throw mismatch(card, "output.fakeIndex", card.output().fakeIndex() + " is beyond the " + classes
                    + " values of output '" + out + "'");
        }
        if (classes == 1 && card.output().activation() == io.assay.detect.card.OutputMapping.Activation.SOFTMAX) {
            throw mismatch(card, "output.activation", "softmax over output '" + out
                    + "' of one value is always 1; use sigmoid or none");
        }
    }

    private static TensorInfo floatTensor(ModelCard card, String field, NodeInfo node) throws ModelCardException {
        if (!(node.getInfo() instanceof TensorInfo t) || t.type != OnnxJavaType.FLOAT) {
            throw mismatch(card, field, "'" + node.getName() + "' is " + node.getInfo() + ", Assay needs a float tensor");
        }
        return t;
    }

    private static ModelCardException mismatch(ModelCard card, String field, String problem) {
        return new ModelCardException("model card " + card.file() + ": field '" + field + "' does not match model "
                + card.model().getFileName() + ": " + problem);
    }
}
