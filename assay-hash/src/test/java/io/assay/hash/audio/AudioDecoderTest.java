package io.assay.hash.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioDecoderTest {

    private static final AudioDecoder DECODER = new AudioDecoder();

    @TempDir
    Path tmp;

    /** A RIFF/WAVE file; {@code dataSize} null = the real size. */
    private static byte[] wav(int format, int channels, int rate, int bits, byte[] data, boolean extensible, Long dataSize,
                              boolean listChunk) {
        ByteBuffer b = ByteBuffer.allocate(200 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(0).put("WAVE".getBytes());
        if (listChunk) {
            b.put("LIST".getBytes()).putInt(5).put(new byte[] {'I', 'N', 'F', 'O', 0}).put((byte) 0); // odd size + pad
        }
        b.put("fmt ".getBytes()).putInt(extensible ? 40 : 16);
        b.putShort((short) (extensible ? 0xFFFE : format)).putShort((short) channels).putInt(rate)
                .putInt(rate * channels * bits / 8).putShort((short) (channels * bits / 8)).putShort((short) bits);
        if (extensible) {
            b.putShort((short) 22).putShort((short) bits).putInt(0).putShort((short) format)
                    .put(new byte[] {0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38, (byte) 0x9B, 0x71});
        }
        b.put("data".getBytes()).putInt(dataSize == null ? data.length : (int) (long) dataSize).put(data);
        byte[] out = new byte[b.position()];
        b.flip().get(out);
        ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).putInt(4, out.length - 8);
        return out;
    }

    private static byte[] wav16(int channels, int rate, short... samples) {
        ByteBuffer d = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short s : samples) {
            d.putShort(s);
        }
        return wav(1, channels, rate, 16, d.array(), false, null, false);
    }

    private static PcmAudio decode(byte[] wav) throws IOException {
        return DECODER.decodeWav(new ByteArrayInputStream(wav));
    }

    @Test
    void readsEveryPcmAndFloatLayout() throws IOException {
        PcmAudio s16 = decode(wav16(2, 8000, (short) 1, (short) -2, (short) 300, (short) -32768));
        assertThat(s16.channels()).isEqualTo(2);
        assertThat(s16.frames()).isEqualTo(2);
        assertThat(s16.samples()).containsExactly(1, -2, 300, -32768);
        assertThat(s16.channel(1)).containsExactly(-2, -32768);

        PcmAudio u8 = decode(wav(1, 1, 8000, 8, new byte[] {(byte) 0x80, (byte) 0xFF, 0}, false, null, false));
        assertThat(u8.samples()).containsExactly(0, 32512, -32768);

        PcmAudio s24 = decode(wav(1, 1, 8000, 24, new byte[] {0x56, 0x34, 0x12, (byte) 0x80, 0, (byte) 0x80}, false, null, false));
        assertThat(s24.samples()).containsExactly(0x1234, -32768);

        ByteBuffer i32 = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(Integer.MAX_VALUE).putInt(-65536 * 7);
        assertThat(decode(wav(1, 1, 8000, 32, i32.array(), false, null, false)).samples()).containsExactly(32767, -7);

        ByteBuffer f32 = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putFloat(0.5f).putFloat(-1f).putFloat(2f);
        assertThat(decode(wav(3, 1, 8000, 32, f32.array(), false, null, false)).samples()).containsExactly(16384, -32768, 32767);

        ByteBuffer f64 = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putDouble(-0.25).putDouble(Double.NaN);
        assertThat(decode(wav(3, 1, 8000, 64, f64.array(), false, null, false)).samples()).containsExactly(-8192, 0);

        PcmAudio ext = decode(wav(1, 1, 44100, 16, new byte[] {5, 0, 6, 0}, true, null, true));
        assertThat(ext.samples()).containsExactly(5, 6);
        assertThat(ext.sampleRate()).isEqualTo(44100);

        PcmAudio extFloat = decode(wav(3, 1, 44100, 32, f32.array(), true, null, false));
        assertThat(extFloat.samples()).containsExactly(16384, -32768, 32767);
    }

    @Test
    void readsAStreamedWavWhoseSizeIsUnknown() throws IOException {
        byte[] w = wav(1, 1, 8000, 16, new byte[] {1, 0, 2, 0, 3, 0}, false, 0xFFFFFFFFL, false);
        assertThat(decode(w).samples()).containsExactly(1, 2, 3);
    }

    @Test
    void multiChannelAudioFingerprintsLikeItsMono() throws IOException {
        PcmAudio mono = DECODER.decode(AudioCorpus.wav("other"));
        short[] six = new short[mono.samples().length * 6];
        for (int i = 0; i < mono.samples().length; i++) {
            for (int c = 0; c < 6; c++) {
                six[i * 6 + c] = mono.samples()[i];
            }
        }
        AudioFingerprint fp = new ChromaprintHasher().fingerprint(new PcmAudio(six, 6, mono.sampleRate()));
        assertThat(fp.items()).isEqualTo(AudioCorpus.fpcalc("other").items());
    }

    @Test
    void rejectsTruncatedWav() throws IOException {
        byte[] full = Files.readAllBytes(AudioCorpus.wav("other"));
        byte[] cut = java.util.Arrays.copyOf(full, full.length / 2 + 1);
        assertThatThrownBy(() -> decode(cut)).isInstanceOf(AudioDecodeException.class).hasMessageContaining("truncated WAV");
        assertThatThrownBy(() -> decode(java.util.Arrays.copyOf(full, 30)))
                .isInstanceOf(AudioDecodeException.class).hasMessageContaining("truncated WAV");
        assertThatThrownBy(() -> decode(java.util.Arrays.copyOf(full, 12)))
                .isInstanceOf(AudioDecodeException.class).hasMessageContaining("no fmt chunk");
        Path file = tmp.resolve("cut.wav");
        Files.write(file, cut);
        assertThatThrownBy(() -> DECODER.decode(file)).isInstanceOf(AudioDecodeException.class).hasMessageContaining("truncated WAV");
    }

    @Test
    void rejectsHeadersClaimingHugeSizesWithoutAllocatingThem() {
        byte[] data = new byte[64];
        // 2 GiB of data declared, 64 bytes present: over the time limit, refused before reading
        assertThatThrownBy(() -> decode(wav(1, 2, 48000, 16, data, false, 0x7FFFFFF0L, false)))
                .isInstanceOf(AudioDecodeException.class).hasMessageContaining("over the limit of 600.0 s");
        // the same with truncation allowed: reads what is there and reports the truncation
        AudioDecoder truncating = new AudioDecoder(AudioDecoder.Options.defaults().withMaxSeconds(600, true));
        assertThatThrownBy(() -> truncating.decodeWav(new ByteArrayInputStream(wav(1, 2, 48000, 16, data, false, 0x7FFFFFF0L, false))))
                .isInstanceOf(AudioDecodeException.class).hasMessageContaining("truncated WAV");
        assertThatThrownBy(() -> decode(wav(1, 65535, 48000, 16, data, false, null, false)))
                .isInstanceOf(AudioDecodeException.class).hasMessageContaining("channels");
        assertThatThrownBy(() -> decode(wav(1, 1, -1, 16, data, false, null, false)))
                .isInstanceOf(AudioDecodeException.class).hasMessageContaining("sample rate 4294967295");
        assertThatThrownBy(() -> decode(wav(1, 1, 48000, 12, data, false, null, false)))
                .isInstanceOf(AudioDecodeException.class).hasMessageContaining("12 bits");
        assertThatThrownBy(() -> decode(wav(2, 1, 48000, 16, data, false, null, false)))
                .isInstanceOf(AudioDecodeException.class).hasMessageContaining("format tag 0x2");
        byte[] hugeChunk = wav16(1, 8000, (short) 1);
        ByteBuffer.wrap(hugeChunk).order(ByteOrder.LITTLE_ENDIAN).put(12, "JUNK".getBytes()).putInt(16, 0x7FFFFFFF);
        assertThatThrownBy(() -> decode(hugeChunk)).isInstanceOf(AudioDecodeException.class).hasMessageContaining("malformed WAV");
    }

    @Test
    void rejectsEmptyData() {
        assertThatThrownBy(() -> decode(wav(1, 1, 8000, 16, new byte[0], false, null, false)))
                .isInstanceOf(AudioDecodeException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> decode(wav(1, 2, 8000, 16, new byte[] {1, 0}, false, null, false)))
                .isInstanceOf(AudioDecodeException.class).hasMessageContaining("less than one sample frame");
    }

    @Test
    void rejectsNonAudioBytes() throws IOException {
        byte[] junk = new byte[4096];
        new Random(3).nextBytes(junk);
        assertThatThrownBy(() -> decode(junk)).isInstanceOf(AudioDecodeException.class).hasMessageContaining("not a WAV file");
        Path file = tmp.resolve("junk.mp3");
        Files.write(file, junk);
        assertThatThrownBy(() -> DECODER.decode(file)).isInstanceOf(AudioDecodeException.class)
                .hasMessageContaining("ffmpeg could not decode it");
        Path empty = tmp.resolve("empty.wav");
        Files.write(empty, new byte[0]);
        assertThatThrownBy(() -> DECODER.decode(empty)).isInstanceOf(AudioDecodeException.class).hasMessageContaining("empty file");
    }

    @Test
    void capsDurationWithAClearErrorOrTruncates() throws IOException {
        AudioDecoder tenSeconds = new AudioDecoder(AudioDecoder.Options.defaults().withMaxSeconds(10, false));
        assertThatThrownBy(() -> tenSeconds.decode(AudioCorpus.wav("orig")))
                .isInstanceOf(AudioDecodeException.class).hasMessageContaining("49.0 s long, over the limit of 10.0 s");
        AudioDecoder firstTen = new AudioDecoder(AudioDecoder.Options.defaults().withMaxSeconds(10, true));
        assertThat(firstTen.decode(AudioCorpus.wav("orig")).frames()).isEqualTo(220500);
    }

    @Test
    void decodesOtherFormatsThroughFfmpegAsFpcalcDoes() throws IOException {
        Path flac = tmp.resolve("other.flac");
        ExternalTools.run(List.of("ffmpeg", "-v", "error", "-i", AudioCorpus.wav("other").toString(), flac.toString()));
        PcmAudio pcm = DECODER.decode(flac);
        assertThat(pcm.sampleRate()).isEqualTo(11025);
        assertThat(pcm.channels()).isEqualTo(1);
        // lossless: the same samples as the WAV, so fpcalc's fingerprint of the WAV
        assertThat(new ChromaprintHasher().fingerprint(flac).items()).isEqualTo(AudioCorpus.fpcalc("other").items());

        // over the cap: ffmpeg is stopped and the error is clear
        AudioDecoder fiveSeconds = new AudioDecoder(AudioDecoder.Options.defaults().withMaxSeconds(5, false));
        assertThatThrownBy(() -> fiveSeconds.decode(flac)).isInstanceOf(AudioDecodeException.class)
                .hasMessageContaining("longer than the limit of 5.0 s");
        AudioDecoder firstFive = new AudioDecoder(AudioDecoder.Options.defaults().withMaxSeconds(5, true));
        assertThat(firstFive.decode(flac).frames()).isEqualTo(5 * 11025);
    }

    @Test
    void saysSoWhenFfmpegIsMissing() throws IOException {
        Path mp3 = tmp.resolve("x.mp3");
        Files.write(mp3, new byte[] {'I', 'D', '3', 3, 0, 0, 0, 0, 0, 0});
        AudioDecoder noFfmpeg = new AudioDecoder(AudioDecoder.Options.defaults()
                .withFfmpeg(tmp.resolve("no-such-ffmpeg").toString(), Duration.ofSeconds(5)));
        assertThatThrownBy(() -> noFfmpeg.decode(mp3)).isInstanceOf(AudioDecodeException.class)
                .hasMessageContaining("ffmpeg is needed for formats other than WAV");
        // WAV needs no ffmpeg
        assertThat(noFfmpeg.decode(AudioCorpus.wav("other")).frames()).isGreaterThan(0);
    }

    @Test
    void killsFfmpegOnTimeout() throws IOException {
        Path fake = tmp.resolve("slow-ffmpeg");
        Files.writeString(fake, "#!/bin/sh\nexec sleep 30\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        Path mp3 = tmp.resolve("x.mp3");
        Files.write(mp3, new byte[] {'I', 'D', '3', 3, 0, 0, 0, 0, 0, 0});
        AudioDecoder slow = new AudioDecoder(AudioDecoder.Options.defaults().withFfmpeg(fake.toString(), Duration.ofMillis(300)));
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> slow.decode(mp3)).isInstanceOf(AudioDecodeException.class).hasMessageContaining("took longer than 0.3 s");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void pcmAudioChecksItsShape() {
        assertThatThrownBy(() -> new PcmAudio(new short[3], 2, 8000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PcmAudio(new short[2], 0, 8000)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new PcmAudio(new short[16000], 2, 8000).durationSeconds()).isEqualTo(1.0);
    }
}
