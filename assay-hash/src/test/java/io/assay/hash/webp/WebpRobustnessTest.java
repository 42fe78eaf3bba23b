package io.assay.hash.webp;

import io.assay.core.testing.SharedCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Damaged and hostile input: every outcome is an image or a {@link WebpFormatException}; never another exception,
 * a hang or a large allocation that the data does not justify.
 */
class WebpRobustnessTest {

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = WebpRobustnessTest.class.getResourceAsStream("/webp/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    /** Decodes; returns true for an image, false for a clean refusal; anything else escapes and fails the test. */
    private static boolean decodesOrRefuses(byte[] file) {
        try {
            WebpDecoder.Decoded d = WebpDecoder.decode(file, 4_000_000);
            d.toBufferedImage();
            return true;
        } catch (WebpFormatException expected) {
            return false;
        }
    }

    /** Sets the RIFF and first VP8 chunk sizes to match a truncated file, so that the VP8 data itself is short. */
    private static byte[] consistentTruncation(byte[] file, int length) {
        byte[] t = Arrays.copyOf(file, length);
        if (length >= 8) {
            putLe32(t, 4, length - 8);
        }
        if (length >= 20) {
            putLe32(t, 16, length - 20);
        }
        return t;
    }

    private static void putLe32(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >> 8);
        b[off + 2] = (byte) (v >> 16);
        b[off + 3] = (byte) (v >> 24);
    }

    @Test
    @Timeout(60)
    void everyTruncationIsRefusedCleanly() throws IOException {
        for (String name : new String[] {"partitions8-33x31.webp", "partitions2-33x31.webp"}) {
            byte[] file = resource(name);
            assertThat(decodesOrRefuses(file)).isTrue();
            for (int len = 0; len < file.length; len++) {
                assertThat(decodesOrRefuses(Arrays.copyOf(file, len))).as(name + " cut at " + len).isFalse();
                decodesOrRefuses(consistentTruncation(file, len)); // may decode if only padding was cut
            }
        }
    }

    @Test
    @Timeout(120)
    void randomCorruptionNeverEscapesAsAnotherException() throws IOException {
        Random rnd = new Random(42);
        byte[] original = resource("partitions4-33x31.webp");
        int decoded = 0;
        for (int i = 0; i < 3000; i++) {
            byte[] f = original.clone();
            int flips = 1 + rnd.nextInt(8);
            for (int k = 0; k < flips; k++) {
                int at = 20 + rnd.nextInt(f.length - 20); // keep the RIFF/chunk header, damage the VP8 data
                f[at] = (byte) (rnd.nextBoolean() ? rnd.nextInt(256) : f[at] ^ (1 << rnd.nextInt(8)));
            }
            if (decodesOrRefuses(f)) {
                decoded++;
            }
        }
        assertThat(decoded).isGreaterThan(0); // most damage is inside the entropy-coded data and still decodes
    }

    @Test
    @Timeout(30)
    void aHugeFrameClaimedByTinyDataIsRefusedBeforeItsPlanesAreAllocated() throws IOException {
        byte[] file = resource("partitions2-33x31.webp");
        // VP8 frame header at 20: tag (3 bytes), start code (3), width (2), height (2)
        byte[] f = file.clone();
        putLe16(f, 26, 16383);
        putLe16(f, 28, 16383);
        long before = usedMemory();
        assertThatThrownBy(() -> WebpDecoder.decode(f)).isInstanceOf(WebpFormatException.class)
                .hasMessageContaining("partition 0");
        assertThat(usedMemory() - before).isLessThan(200L << 20);
        assertThatThrownBy(() -> WebpDecoder.decode(f, 1_000_000)).isInstanceOf(WebpFormatException.class)
                .hasMessageContaining("over the limit");
    }

    private static long usedMemory() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static void putLe16(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >> 8);
    }

    @Test
    void malformedContainersAreRefusedWithAReason() throws IOException {
        byte[] file = resource("partitions2-33x31.webp");
        byte[] badRiff = file.clone();
        putLe32(badRiff, 4, 0x7FFFFFF0);
        assertThatThrownBy(() -> WebpDecoder.decode(badRiff)).isInstanceOf(WebpFormatException.class)
                .hasMessageContaining("truncated");
        byte[] badChunk = file.clone();
        putLe32(badChunk, 16, file.length);
        assertThatThrownBy(() -> WebpDecoder.decode(badChunk)).isInstanceOf(WebpFormatException.class)
                .hasMessageContaining("runs past");
        byte[] notKey = file.clone();
        notKey[20] |= 1;
        assertThatThrownBy(() -> WebpDecoder.decode(notKey)).isInstanceOf(WebpFormatException.class)
                .hasMessageContaining("key frame");
        byte[] badStart = file.clone();
        badStart[23] = 0;
        assertThatThrownBy(() -> WebpDecoder.decode(badStart)).isInstanceOf(WebpFormatException.class)
                .hasMessageContaining("start code");
        byte[] firstPartitionTooLong = file.clone();
        firstPartitionTooLong[21] = (byte) 0xFF;
        firstPartitionTooLong[22] = (byte) 0xFF;
        assertThatThrownBy(() -> WebpDecoder.decode(firstPartitionTooLong)).isInstanceOf(WebpFormatException.class)
                .hasMessageContaining("first partition");
        assertThatThrownBy(() -> WebpDecoder.decode(new byte[] {'R', 'I', 'F', 'F'}))
                .isInstanceOf(WebpFormatException.class);
    }

    @Test
    void theReaderReportsDamageAsAnIoException() throws IOException {
        byte[] file = Files.readAllBytes(SharedCorpus.corpus("pdq").resolve("misc-images/modes/F.webp"));
        byte[] cut = Arrays.copyOf(file, file.length / 2);
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(cut))) {
            WebpImageReader reader = new WebpImageReader(new WebpImageReaderSpi());
            reader.setInput(in);
            assertThatThrownBy(() -> reader.read(0)).isInstanceOf(IOException.class).hasMessageContaining("truncated");
        }
        byte[] damaged = consistentTruncation(file, file.length / 2);
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(damaged))) {
            WebpImageReader reader = new WebpImageReader(new WebpImageReaderSpi());
            reader.setInput(in);
            assertThatThrownBy(() -> reader.read(0)).isInstanceOf(IOException.class)
                    .hasMessageContaining("premature end");
        }
    }
}
