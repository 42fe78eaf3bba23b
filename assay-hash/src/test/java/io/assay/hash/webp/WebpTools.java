package io.assay.hash.webp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/**
 * Runs Debian's {@code webp} tools (cwebp, dwebp, img2webp: libwebp 1.2.4, the reference decoder) and makes
 * synthetic test images. A missing tool fails the test with a clear message; it never skips.
 */
final class WebpTools {

    private WebpTools() {
    }

    /** Runs a command, failing the test if it is missing or exits non-zero. */
    static void run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(command[0] + " timed out");
            }
            if (p.exitValue() != 0) {
                fail(String.join(" ", command) + " exited with " + p.exitValue() + ": "
                        + new String(out, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            fail("cannot run '" + command[0] + "': install Debian's 'webp' package (apt-get install webp), which "
                    + "provides cwebp/dwebp/img2webp from libwebp 1.2.4, the reference decoder these tests compare "
                    + "with (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted");
        }
    }

    /** cwebp with the given options; returns the output file. */
    static Path cwebp(Path input, Path output, String options) {
        List<String> cmd = new ArrayList<>();
        cmd.add("cwebp");
        cmd.add("-quiet");
        if (!options.isBlank()) {
            cmd.addAll(Arrays.asList(options.trim().split("\\s+")));
        }
        cmd.add(input.toString());
        cmd.add("-o");
        cmd.add(output.toString());
        run(cmd.toArray(String[]::new));
        return output;
    }

    /** {@code dwebp -yuv}: the Y, U and V planes, packed. */
    static byte[] dwebpYuv(Path webp, Path dir) throws IOException {
        Path out = dir.resolve(webp.getFileName() + ".yuv");
        run("dwebp", "-quiet", "-yuv", webp.toString(), "-o", out.toString());
        return Files.readAllBytes(out);
    }

    /** {@code dwebp -ppm}: interleaved RGB without the header. */
    static byte[] dwebpRgb(Path webp, Path dir) throws IOException {
        Path out = dir.resolve(webp.getFileName() + ".ppm");
        run("dwebp", "-quiet", "-ppm", webp.toString(), "-o", out.toString());
        return stripHeader(Files.readAllBytes(out), 3);
    }

    /** {@code dwebp -pam}: interleaved RGBA without the header. */
    static byte[] dwebpRgba(Path webp, Path dir) throws IOException {
        Path out = dir.resolve(webp.getFileName() + ".pam");
        run("dwebp", "-quiet", "-pam", webp.toString(), "-o", out.toString());
        byte[] pam = Files.readAllBytes(out);
        String head = new String(pam, 0, Math.min(pam.length, 256), StandardCharsets.ISO_8859_1);
        int end = head.indexOf("ENDHDR\n");
        if (end < 0) {
            fail("dwebp wrote no PAM header");
        }
        return Arrays.copyOfRange(pam, end + 7, pam.length);
    }

    /** Drops a binary PPM's header (P6, width, height, maxval, each followed by one whitespace). */
    private static byte[] stripHeader(byte[] ppm, int fields) {
        int i = 0;
        int seen = 0;
        while (seen <= fields && i < ppm.length) { // magic plus three numbers
            while (i < ppm.length && !Character.isWhitespace(ppm[i])) {
                i++;
            }
            i++; // the single whitespace after the token
            seen++;
        }
        return Arrays.copyOfRange(ppm, i, ppm.length);
    }

    /** A synthetic RGB image: 0 smooth gradients, 1 noise, 2 waves, blocks and mild noise. */
    static byte[] image(int w, int h, int kind, long seed) {
        Random rnd = new Random(seed);
        byte[] rgb = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r;
                int g;
                int b;
                switch (kind) {
                    case 0 -> {
                        r = x * 255 / Math.max(w - 1, 1);
                        g = y * 255 / Math.max(h - 1, 1);
                        b = (x + y) * 7 % 256;
                    }
                    case 1 -> {
                        r = rnd.nextInt(256);
                        g = rnd.nextInt(256);
                        b = rnd.nextInt(256);
                    }
                    default -> {
                        if ((x / 8 + y / 8) % 3 == 0) {
                            r = 250;
                            g = 20;
                            b = 30;
                        } else {
                            r = (int) (128 + 100 * Math.sin(x / 5.0));
                            g = (int) (128 + 100 * Math.cos(y / 7.0));
                            b = (int) (128 + 60 * Math.sin((x + y) / 3.0));
                        }
                        r += (int) (rnd.nextGaussian() * 12);
                        g += (int) (rnd.nextGaussian() * 12);
                        b += (int) (rnd.nextGaussian() * 12);
                    }
                }
                int o = (y * w + x) * 3;
                rgb[o] = (byte) Math.clamp(r, 0, 255);
                rgb[o + 1] = (byte) Math.clamp(g, 0, 255);
                rgb[o + 2] = (byte) Math.clamp(b, 0, 255);
            }
        }
        return rgb;
    }

    static Path writePpm(Path file, byte[] rgb, int w, int h) throws IOException {
        byte[] head = ("P6\n" + w + " " + h + "\n255\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = Arrays.copyOf(head, head.length + rgb.length);
        System.arraycopy(rgb, 0, all, head.length, rgb.length);
        return Files.write(file, all);
    }

    static Path writePam(Path file, byte[] rgb, byte[] alpha, int w, int h) throws IOException {
        byte[] head = ("P7\nWIDTH " + w + "\nHEIGHT " + h + "\nDEPTH 4\nMAXVAL 255\nTUPLTYPE RGB_ALPHA\nENDHDR\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] all = Arrays.copyOf(head, head.length + w * h * 4);
        for (int i = 0; i < w * h; i++) {
            System.arraycopy(rgb, i * 3, all, head.length + i * 4, 3);
            all[head.length + i * 4 + 3] = alpha[i];
        }
        return Files.write(file, all);
    }
}
