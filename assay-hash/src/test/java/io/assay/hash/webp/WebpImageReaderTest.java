package io.assay.hash.webp;

import io.assay.core.testing.SharedCorpus;
import io.assay.hash.pdq.PdqHasher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.spi.ServiceRegistry;
import javax.imageio.stream.ImageInputStream;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The ImageIO face of the decoder: which files it claims, what it returns, and that PDQ decoding picks it. */
class WebpImageReaderTest {

    private static final Path PDQ = SharedCorpus.corpus("pdq");

    @TempDir
    Path tmp;

    private static List<ImageReader> readersFor(Path file) throws IOException {
        List<ImageReader> all = new ArrayList<>();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> it = ImageIO.getImageReaders(in);
            it.forEachRemaining(all::add);
        }
        return all;
    }

    private static boolean claimedByUs(Path file) throws IOException {
        return readersFor(file).stream().anyMatch(r -> r instanceof WebpImageReader);
    }

    private static byte[] bgrToRgb(BufferedImage img) {
        byte[] bgr = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        byte[] rgb = new byte[bgr.length];
        for (int i = 0; i < bgr.length; i += 3) {
            rgb[i] = bgr[i + 2];
            rgb[i + 1] = bgr[i + 1];
            rgb[i + 2] = bgr[i];
        }
        return rgb;
    }

    @Test
    void pdqDecodingUsesThisReaderForLossyWebpAndGetsLibwebpsPixels() throws IOException {
        Path f = PDQ.resolve("misc-images/modes/HSV.webp");
        assertThat(claimedByUs(f)).isTrue();
        BufferedImage img = new PdqHasher().decode(f);
        assertThat(img.getType()).isEqualTo(BufferedImage.TYPE_3BYTE_BGR);
        assertThat(img.getWidth()).isEqualTo(1600);
        assertThat(img.getHeight()).isEqualTo(1004);
        assertThat(bgrToRgb(img)).isEqualTo(WebpTools.dwebpRgb(f, tmp));
    }

    @Test
    void registeredAfterAnotherWebpReaderItIsOrderedBeforeIt() {
        // ImageIO's own order among readers without an ordering follows registration details; PDQ does not rely on
        // it (ImageDecoders picks), but plain ImageIO.read gets this reader whenever another one came first.
        ServiceRegistry registry = new ServiceRegistry(List.<Class<?>>of(ImageReaderSpi.class).iterator());
        ImageReaderSpi other = new ImageReaderSpi("Other", "1", new String[] {"webp"}, null, null, "x",
                new Class<?>[] {ImageInputStream.class}, null, false, null, null, null, null, false, null, null,
                null, null) {
            @Override
            public boolean canDecodeInput(Object source) {
                return true;
            }

            @Override
            public ImageReader createReaderInstance(Object extension) {
                return null;
            }

            @Override
            public String getDescription(Locale locale) {
                return "other";
            }
        };
        registry.registerServiceProvider(other, ImageReaderSpi.class);
        WebpImageReaderSpi ours = new WebpImageReaderSpi();
        registry.registerServiceProvider(ours, ImageReaderSpi.class);
        for (int i = 0; i < 5; i++) {
            assertThat(registry.getServiceProviders(ImageReaderSpi.class, true).next()).isSameAs(ours);
        }
    }

    @Test
    void losslessAndAnimatedWebpAreLeftToTheOtherReader() throws IOException {
        int w = 24;
        int h = 20;
        Path ppm = WebpTools.writePpm(tmp.resolve("a.ppm"), WebpTools.image(w, h, 2, 1), w, h);
        Path ppm2 = WebpTools.writePpm(tmp.resolve("b.ppm"), WebpTools.image(w, h, 0, 2), w, h);
        Path lossless = WebpTools.cwebp(ppm, tmp.resolve("lossless.webp"), "-lossless");
        Path frame1 = WebpTools.cwebp(ppm, tmp.resolve("f1.webp"), "-q 50");
        Path frame2 = WebpTools.cwebp(ppm2, tmp.resolve("f2.webp"), "-q 50");
        Path animated = tmp.resolve("animated.webp");
        WebpTools.run("img2webp", "-lossy", frame1.toString(), frame2.toString(), "-o", animated.toString());

        assertThat(WebpContainer.parse(Files.readAllBytes(lossless)).kind()).isEqualTo(WebpContainer.Kind.LOSSLESS);
        assertThat(WebpContainer.parse(Files.readAllBytes(animated)).kind()).isEqualTo(WebpContainer.Kind.ANIMATED);
        assertThat(claimedByUs(lossless)).isFalse();
        assertThat(claimedByUs(animated)).isFalse();
        assertThat(claimedByUs(frame1)).isTrue();
        // the other reader (TwelveMonkeys) still decodes them for PDQ
        PdqHasher hasher = new PdqHasher();
        assertThat(hasher.decode(lossless).getWidth()).isEqualTo(w);
        assertThat(hasher.decode(animated).getWidth()).isEqualTo(w);
    }

    @Test
    void alphaIsReturnedAsFourByteAbgr() throws IOException {
        int w = 19;
        int h = 11;
        byte[] alpha = new byte[w * h];
        for (int i = 0; i < alpha.length; i++) {
            alpha[i] = (byte) (i * 5);
        }
        Path pam = WebpTools.writePam(tmp.resolve("a.pam"), WebpTools.image(w, h, 2, 4), alpha, w, h);
        Path webp = WebpTools.cwebp(pam, tmp.resolve("alpha.webp"), "-q 80");
        assertThat(claimedByUs(webp)).isTrue();
        BufferedImage img = new PdqHasher().decode(webp);
        assertThat(img.getType()).isEqualTo(BufferedImage.TYPE_4BYTE_ABGR);
        byte[] abgr = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        byte[] rgba = WebpTools.dwebpRgba(webp, tmp);
        for (int i = 0; i < w * h; i++) {
            assertThat(new byte[] {abgr[4 * i + 3], abgr[4 * i + 2], abgr[4 * i + 1], abgr[4 * i]})
                    .as("pixel " + i).containsExactly(rgba[4 * i], rgba[4 * i + 1], rgba[4 * i + 2], rgba[4 * i + 3]);
        }
    }

    @Test
    void sourceRegionAndSubsamplingAreHonoured() throws IOException {
        Path f = PDQ.resolve("misc-images/modes/I.webp");
        BufferedImage full = WebpDecoder.read(Files.readAllBytes(f), WebpDecoder.DEFAULT_MAX_PIXELS);
        ImageReader reader = new WebpImageReaderSpi().createReaderInstance(null);
        try (ImageInputStream in = ImageIO.createImageInputStream(f.toFile())) {
            reader.setInput(in);
            assertThat(reader.getWidth(0)).isEqualTo(1600);
            assertThat(reader.getHeight(0)).isEqualTo(1004);
            ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceRegion(new Rectangle(100, 50, 300, 200));
            param.setSourceSubsampling(3, 2, 0, 0);
            BufferedImage part = reader.read(0, param);
            assertThat(part.getWidth()).isEqualTo(100);
            assertThat(part.getHeight()).isEqualTo(100);
            for (int y = 0; y < 100; y += 7) {
                for (int x = 0; x < 100; x += 7) {
                    assertThat(part.getRGB(x, y)).isEqualTo(full.getRGB(100 + 3 * x, 50 + 2 * y));
                }
            }
        } finally {
            reader.dispose();
        }
    }
}
