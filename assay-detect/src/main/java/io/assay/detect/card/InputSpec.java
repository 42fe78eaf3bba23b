package io.assay.detect.card;

import java.util.List;

/**
 * The model input a card feeds: its name in the ONNX graph, its shape ({@code -1} for a dimension the model leaves
 * open) and how the data is laid out.
 */
public record InputSpec(String name, List<Long> shape, Layout layout) {

    public InputSpec {
        shape = List.copyOf(shape);
    }

    /** How pixels or samples are ordered in the tensor. */
    public enum Layout {
        /** Images: [1, 3, height, width], one plane per channel. */
        NCHW,
        /** Images: [1, height, width, 3], channels interleaved. */
        NHWC,
        /** Audio: [1, samples], mono, in -1..1. */
        SAMPLES;

        public boolean image() {
            return this != SAMPLES;
        }
    }

    public int height() {
        return Math.toIntExact(shape.get(layout == Layout.NCHW ? 2 : 1));
    }

    public int width() {
        return Math.toIntExact(shape.get(layout == Layout.NCHW ? 3 : 2));
    }

    public long[] shapeArray() {
        return shape.stream().mapToLong(Long::longValue).toArray();
    }
}
