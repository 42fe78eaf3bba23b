package io.assay.detect.onnx.testing;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** 16-bit PCM WAV bytes, for audio tests. */
public final class Wav {

    private Wav() {
    }

    /** {@code samples} interleaved by {@code channels}. */
    public static byte[] of(short[] samples, int channels, int rate) {
        int data = samples.length * 2;
        ByteBuffer b = ByteBuffer.allocate(44 + data).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + data).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) channels).putInt(rate)
                .putInt(rate * channels * 2).putShort((short) (channels * 2)).putShort((short) 16);
        b.put("data".getBytes()).putInt(data);
        for (short s : samples) {
            b.putShort(s);
        }
        return b.array();
    }
}
