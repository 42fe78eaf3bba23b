package io.assay.hash.webp.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.assay.hash.webp.Vp8Decoder;
import io.assay.hash.webp.WebpDecoder;
import io.assay.hash.webp.WebpFormatException;
import io.assay.hash.webp.WebpImageReader;
import io.assay.hash.webp.WebpImageReaderSpi;

import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Coverage-guided fuzzing (Jazzer) of the WebP decoder: whole files (container, VP8, ALPH), bare VP8 frames (so
 * that the fuzzer spends its time inside the VP8 bitstream), and the ImageIO reader with its SPI sniffing. The only
 * acceptable outcomes are an image or an IOException (a WebpFormatException from the decoder); anything else (another
 * exception, a hang, running out of memory) is a finding. Images are limited to one megapixel so that a claimed
 * size cannot exhaust the fuzzing heap. In the build it runs for a bounded time (the pom's {@code fuzz} execution);
 * without JAZZER_FUZZ it replays the saved inputs only.
 */
class WebpDecoderFuzzTest {

    private static final long MAX_PIXELS = 1_000_000;

    @FuzzTest(maxDuration = "60s")
    void decode(FuzzedDataProvider data) throws IOException {
        int target = data.consumeInt(0, 2);
        byte[] bytes = data.consumeRemainingAsBytes();
        try {
            switch (target) {
                case 0 -> WebpDecoder.decode(bytes, MAX_PIXELS, false).toBufferedImage();
                case 1 -> Vp8Decoder.decode(bytes, 0, bytes.length, MAX_PIXELS);
                default -> readWithImageIo(bytes);
            }
        } catch (WebpFormatException expected) {
            // a clear refusal is the right answer to malformed input
        }
    }

    private static void readWithImageIo(byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            WebpImageReaderSpi spi = new WebpImageReaderSpi();
            boolean claimed = spi.canDecodeInput(in);
            WebpImageReader reader = new WebpImageReader(spi);
            reader.setDecodeAlpha(false); // VP8L alpha goes to TwelveMonkeys' lossless decoder, not Assay's code
            reader.setInput(in);
            try {
                if (claimed && (long) reader.getWidth(0) * reader.getHeight(0) <= MAX_PIXELS) {
                    reader.read(0);
                }
            } finally {
                reader.dispose();
            }
        } catch (IOException expected) {
            // refused (WebpFormatException, IIOException for lossless/animated, EOFException for short streams)
        }
    }
}
