package io.assay.detect.eval;

import io.assay.hash.audio.PcmAudio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** 16-bit PCM as a canonical RIFF/WAVE file in memory. */
public final class WavBytes {

    private WavBytes() {
    }

    public static byte[] encode(PcmAudio audio) {
        int dataBytes = audio.samples().length * 2;
        ByteBuffer b = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + dataBytes)
                .put("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16)
                .putShort((short) 1).putShort((short) audio.channels()).putInt(audio.sampleRate())
                .putInt(audio.sampleRate() * audio.channels() * 2).putShort((short) (audio.channels() * 2))
                .putShort((short) 16)
                .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(dataBytes);
        for (short s : audio.samples()) {
            b.putShort(s);
        }
        return b.array();
    }
}
