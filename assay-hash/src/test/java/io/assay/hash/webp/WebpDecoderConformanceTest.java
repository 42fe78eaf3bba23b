package io.assay.hash.webp;

import io.assay.core.testing.SharedCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decoder against libwebp 1.2.4's {@code dwebp} (the decoder behind the C++ PDQ reference's ImageMagick): YUV
 * planes identical to {@code dwebp -yuv}, RGB identical to {@code dwebp -ppm}, alpha identical to
 * {@code dwebp -pam}. Expectations are computed by dwebp at test time from the shared corpus, from files cwebp makes
 * here from synthetic images, and from the committed {@code webp/partitions*.webp}: those four have 2, 4 and 8
 * token partitions, which cwebp cannot make; they were encoded with libwebp 1.2.4's {@code WebPEncode} with
 * {@code config.partitions} = 1..3 and {@code config.low_memory} = 1 from synthetic noise and gradient images.
 */
class WebpDecoderConformanceTest {

    private static final Path PDQ = SharedCorpus.corpus("pdq");

    @TempDir
    Path tmp;

    /** Decodes with this package and compares with dwebp; returns a description of any mismatch, else null. */
    private String compare(Path webp) throws IOException {
        byte[] file = Files.readAllBytes(webp);
        WebpDecoder.Decoded d = WebpDecoder.decode(file);
        byte[] yuv = d.yuv().toPackedYuv();
        byte[] rgb = YuvToRgb.toRgb(d.yuv());
        List<String> bad = new ArrayList<>();
        if (d.hasAlpha()) {
            byte[] rgba = WebpTools.dwebpRgba(webp, tmp);
            int n = d.width() * d.height();
            if (rgba.length != 4 * n) {
                bad.add("dwebp RGBA size " + rgba.length);
            } else {
                int rgbDiff = 0;
                int alphaDiff = 0;
                for (int i = 0; i < n; i++) {
                    for (int c = 0; c < 3; c++) {
                        rgbDiff += rgb[3 * i + c] != rgba[4 * i + c] ? 1 : 0;
                    }
                    alphaDiff += d.alpha()[i] != rgba[4 * i + 3] ? 1 : 0;
                }
                if (rgbDiff + alphaDiff > 0) {
                    bad.add(rgbDiff + " RGB and " + alphaDiff + " alpha bytes differ");
                }
            }
        } else {
            int yuvDiff = differences(yuv, WebpTools.dwebpYuv(webp, tmp));
            int rgbDiff = differences(rgb, WebpTools.dwebpRgb(webp, tmp));
            if (yuvDiff != 0) {
                bad.add(yuvDiff + " YUV bytes differ");
            }
            if (rgbDiff != 0) {
                bad.add(rgbDiff + " RGB bytes differ");
            }
        }
        return bad.isEmpty() ? null : webp.getFileName() + " (" + d.width() + "x" + d.height() + "): " + bad;
    }

    private static int differences(byte[] a, byte[] b) {
        if (a.length != b.length) {
            return Integer.MAX_VALUE;
        }
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                n++;
            }
        }
        return n;
    }

    @Test
    void theCorpusWebpFilesDecodeExactlyAsLibwebp() throws IOException {
        List<String> mismatches = new ArrayList<>();
        for (String name : List.of("F", "HSV", "I", "LAB", "PA")) {
            String m = compare(PDQ.resolve("misc-images/modes/" + name + ".webp"));
            if (m != null) {
                mismatches.add(m);
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void cwebpOutputAcrossSizesAndEncoderSettingsDecodesExactlyAsLibwebp() throws IOException {
        int[][] sizes = {{1, 1}, {2, 2}, {1, 7}, {3, 5}, {7, 7}, {8, 9}, {15, 17}, {16, 16}, {17, 17}, {33, 31},
                {100, 75}, {257, 129}};
        String[] settings = {"-q 0", "-q 50", "-q 100", "-q 75 -sns 0", "-q 75 -sns 100", "-q 60 -f 0", "-q 60 -f 100",
                "-q 60 -f 40 -sharpness 7", "-q 60 -f 50 -sharpness 3", "-q 70 -segments 1",
                "-q 30 -segments 4 -sns 100", "-q 60 -nostrong", "-q 60 -nostrong -f 100 -sharpness 5", "-q 80 -m 0",
                "-q 5 -m 2 -f 100", "-q 95 -af"};
        List<String> mismatches = new ArrayList<>();
        int files = 0;
        for (int s = 0; s < sizes.length; s++) {
            int w = sizes[s][0];
            int h = sizes[s][1];
            for (int kind = 0; kind < 3; kind++) {
                Path ppm = WebpTools.writePpm(tmp.resolve("img" + s + "_" + kind + ".ppm"),
                        WebpTools.image(w, h, kind, s * 31L + kind), w, h);
                // every setting on the odd and larger sizes; a rotating quarter of them on the others
                for (int k = 0; k < settings.length; k++) {
                    if (w < 33 && (k + kind) % 4 != 0) {
                        continue;
                    }
                    Path webp = WebpTools.cwebp(ppm, tmp.resolve("img" + s + "_" + kind + "_" + k + ".webp"),
                            settings[k]);
                    files++;
                    String m = compare(webp);
                    if (m != null) {
                        mismatches.add(settings[k] + ": " + m);
                    }
                }
            }
        }
        assertThat(files).isGreaterThan(200);
        assertThat(mismatches).isEmpty();
    }

    @Test
    void multiplePartitionsDecodeExactlyAsLibwebp() throws IOException {
        List<String> mismatches = new ArrayList<>();
        for (String name : List.of("partitions2-33x31", "partitions4-33x31", "partitions8-33x31",
                "partitions8-100x75")) {
            Path file = tmp.resolve(name + ".webp");
            try (InputStream in = getClass().getResourceAsStream("/webp/" + name + ".webp")) {
                assertThat(in).as(name).isNotNull();
                Files.copy(in, file);
            }
            String m = compare(file);
            if (m != null) {
                mismatches.add(m);
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void alphaPlanesDecodeExactlyAsLibwebp() throws IOException {
        int w = 37;
        int h = 23;
        byte[] rgb = WebpTools.image(w, h, 2, 7);
        byte[] ramp = new byte[w * h];
        byte[] binary = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                ramp[y * w + x] = (byte) ((x * 7 + y * 3) % 256);
                binary[y * w + x] = (byte) (((x / 5 + y / 5) & 1) == 0 ? 255 : 0);
            }
        }
        String[] settings = {"-q 60", "-q 60 -alpha_q 50", "-q 60 -alpha_method 0", "-q 60 -alpha_filter none",
                "-q 60 -alpha_filter fast", "-q 60 -alpha_filter best", "-q 60 -alpha_method 0 -alpha_filter best",
                "-q 20 -alpha_q 10 -alpha_filter fast", "-q 90 -exact"};
        List<String> mismatches = new ArrayList<>();
        int a = 0;
        for (byte[] alpha : List.of(ramp, binary)) {
            Path pam = WebpTools.writePam(tmp.resolve("alpha" + a + ".pam"), rgb, alpha, w, h);
            for (int k = 0; k < settings.length; k++) {
                Path webp = WebpTools.cwebp(pam, tmp.resolve("alpha" + a + "_" + k + ".webp"), settings[k]);
                assertThat(WebpContainer.parse(Files.readAllBytes(webp)).hasAlpha()).as(settings[k]).isTrue();
                String m = compare(webp);
                if (m != null) {
                    mismatches.add(settings[k] + ": " + m);
                }
            }
            a++;
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void extendedFilesWithMetadataChunksDecodeExactlyAsLibwebp() throws IOException {
        int w = 40;
        int h = 30;
        Path ppm = WebpTools.writePpm(tmp.resolve("meta.ppm"), WebpTools.image(w, h, 2, 3), w, h);
        Path plain = WebpTools.cwebp(ppm, tmp.resolve("meta-plain.webp"), "-q 70");
        Path exif = tmp.resolve("exif.bin");
        Files.write(exif, new byte[] {'E', 'x', 'i', 'f', 0, 0, 'M', 'M', 0, 42, 0, 0, 0, 8, 0}); // odd size: padded
        Path xmp = tmp.resolve("xmp.bin");
        Files.writeString(xmp, "<x:xmpmeta xmlns:x='adobe:ns:meta/'/>");
        Path withExif = tmp.resolve("meta-exif.webp");
        WebpTools.run("webpmux", "-set", "exif", exif.toString(), plain.toString(), "-o", withExif.toString());
        Path withBoth = tmp.resolve("meta-exif-xmp.webp");
        WebpTools.run("webpmux", "-set", "xmp", xmp.toString(), withExif.toString(), "-o", withBoth.toString());
        Path icc = tmp.resolve("icc.bin");
        Files.write(icc, new byte[131]); // ICCP precedes the image chunk; odd size exercises the padding
        Path all = tmp.resolve("meta-all.webp");
        WebpTools.run("webpmux", "-set", "icc", icc.toString(), withBoth.toString(), "-o", all.toString());
        byte[] file = Files.readAllBytes(all);
        assertThat(WebpContainer.tag(file, 12)).isEqualTo("VP8X");
        assertThat(WebpContainer.tag(file, 30)).isEqualTo("ICCP");
        assertThat(compare(all)).isNull();
    }
}
