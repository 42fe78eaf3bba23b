package io.assay.detect.onnx.testing;

import com.google.protobuf.CodedOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes tiny ONNX models field by field (the protobuf wire format of onnx.proto: ModelProto, GraphProto, NodeProto,
 * AttributeProto, TensorProto, ValueInfoProto), so tests know exactly what a model computes and can assert exact
 * scores. Opset 13, float tensors. Dimensions of -1 are written as open (a dim_param).
 */
public final class TinyOnnx {

    private static final int FLOAT = 1;
    private static final int INT64 = 7;

    private final List<byte[]> nodes = new ArrayList<>();
    private final List<byte[]> initializers = new ArrayList<>();
    private final List<byte[]> inputs = new ArrayList<>();
    private final List<byte[]> outputs = new ArrayList<>();
    private int counter;

    public TinyOnnx input(String name, long... shape) {
        inputs.add(valueInfo(name, shape));
        return this;
    }

    public TinyOnnx output(String name, long... shape) {
        outputs.add(valueInfo(name, shape));
        return this;
    }

    /** A node; attributes are written with {@link #ints}, {@link #intAttr}. */
    public TinyOnnx node(String op, List<String> in, List<String> out, byte[]... attributes) {
        Msg n = new Msg();
        in.forEach(s -> n.string(1, s));
        out.forEach(s -> n.string(2, s));
        n.string(3, op + "_" + counter++);
        n.string(4, op);
        for (byte[] a : attributes) {
            n.message(5, a);
        }
        nodes.add(n.bytes());
        return this;
    }

    /** A constant int64 tensor (indices, shapes, axes). */
    public TinyOnnx int64Constant(String name, long[] dims, long... values) {
        Msg t = new Msg();
        for (long d : dims) {
            t.int64(1, d);
        }
        t.int64(2, INT64);
        Msg packed = new Msg();
        for (long v : values) {
            packed.rawInt64(v);
        }
        t.message(7, packed.bytes());
        t.string(8, name);
        initializers.add(t.bytes());
        return this;
    }

    public static byte[] ints(String name, long... values) {
        Msg a = new Msg();
        a.string(1, name);
        for (long v : values) {
            a.int64(8, v);
        }
        a.int64(20, 7);
        return a.bytes();
    }

    public static byte[] intAttr(String name, long value) {
        Msg a = new Msg();
        a.string(1, name);
        a.int64(3, value);
        a.int64(20, 2);
        return a.bytes();
    }

    public byte[] build() {
        Msg g = new Msg();
        nodes.forEach(n -> g.message(1, n));
        g.string(2, "tiny");
        initializers.forEach(t -> g.message(5, t));
        inputs.forEach(v -> g.message(11, v));
        outputs.forEach(v -> g.message(12, v));
        Msg opset = new Msg();
        opset.string(1, "");
        opset.int64(2, 13);
        Msg m = new Msg();
        m.int64(1, 8);
        m.string(2, "assay-test");
        m.message(7, g.bytes());
        m.message(8, opset.bytes());
        return m.bytes();
    }

    private static byte[] valueInfo(String name, long... shape) {
        Msg dims = new Msg();
        for (long d : shape) {
            Msg dim = new Msg();
            if (d < 0) {
                dim.string(2, "n" + dims.size());
            } else {
                dim.int64(1, d);
            }
            dims.message(1, dim.bytes());
        }
        Msg tensor = new Msg();
        tensor.int64(1, FLOAT);
        tensor.message(2, dims.bytes());
        Msg type = new Msg();
        type.message(1, tensor.bytes());
        Msg v = new Msg();
        v.string(1, name);
        v.message(2, type.bytes());
        return v.bytes();
    }

    // ----- ready-made models -----

    /** [1, 3, h, w] (or any 4-d input) flattened to [1, n]: every preprocessed value, readable by index. */
    public static byte[] passthrough(String in, String out, long... shape) {
        long n = 1;
        for (int i = 1; i < shape.length; i++) {
            n *= shape[i];
        }
        return new TinyOnnx().input(in, shape).output(out, 1, n)
                .node("Flatten", List.of(in), List.of(out), intAttr("axis", 1)).build();
    }

    /** The mean of all values but the batch, as [1, 1]. */
    public static byte[] mean(String in, String out, long... shape) {
        long[] axes = new long[shape.length - 1];
        for (int i = 0; i < axes.length; i++) {
            axes[i] = i + 1;
        }
        return new TinyOnnx().input(in, shape).output(out, 1, 1)
                .node("ReduceMean", List.of(in), List.of("m"), ints("axes", axes), intAttr("keepdims", 0))
                .int64Constant("shape11", new long[]{2}, 1, 1)
                .node("Reshape", List.of("m", "shape11"), List.of(out)).build();
    }

    /** Sigmoid of the mean, as [1, 1]. */
    public static byte[] sigmoidOfMean(String in, String out, long... shape) {
        long[] axes = new long[shape.length - 1];
        for (int i = 0; i < axes.length; i++) {
            axes[i] = i + 1;
        }
        return new TinyOnnx().input(in, shape).output(out, 1, 1)
                .node("ReduceMean", List.of(in), List.of("m"), ints("axes", axes), intAttr("keepdims", 0))
                .int64Constant("shape11", new long[]{2}, 1, 1)
                .node("Reshape", List.of("m", "shape11"), List.of("r"))
                .node("Sigmoid", List.of("r"), List.of(out)).build();
    }

    /** The flattened input, softmaxed in the graph: [1, n] probabilities. */
    public static byte[] softmaxOfAll(String in, String out, long... shape) {
        long n = 1;
        for (int i = 1; i < shape.length; i++) {
            n *= shape[i];
        }
        return new TinyOnnx().input(in, shape).output(out, 1, n)
                .node("Flatten", List.of(in), List.of("f"), intAttr("axis", 1))
                .node("Softmax", List.of("f"), List.of(out), intAttr("axis", 1)).build();
    }

    /** One value of the flattened input, picked by Gather: [1, 1]. */
    public static byte[] gather(String in, String out, long index, long... shape) {
        return new TinyOnnx().input(in, shape).output(out, 1, 1)
                .node("Flatten", List.of(in), List.of("f"), intAttr("axis", 1))
                .int64Constant("idx", new long[]{1}, index)
                .node("Gather", List.of("f", "idx"), List.of(out), intAttr("axis", 1)).build();
    }

    /** Protobuf message bytes, written with {@link CodedOutputStream}. */
    static final class Msg {
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
        private final CodedOutputStream out = CodedOutputStream.newInstance(buf);
        private int fields;

        void string(int field, String s) {
            io(() -> out.writeString(field, s));
        }

        void int64(int field, long v) {
            io(() -> out.writeInt64(field, v));
        }

        void rawInt64(long v) {
            io(() -> out.writeInt64NoTag(v));
        }

        void message(int field, byte[] bytes) {
            io(() -> out.writeByteArray(field, bytes));
        }

        int size() {
            return fields;
        }

        byte[] bytes() {
            try {
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return buf.toByteArray();
        }

        private void io(IoAction a) {
            try {
                a.run();
                fields++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private interface IoAction {
            void run() throws IOException;
        }
    }
}
