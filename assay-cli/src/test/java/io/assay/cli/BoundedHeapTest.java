package io.assay.cli;

import io.assay.core.testing.SharedCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bad-input set, scanned by a separate JVM limited to a 256 MB heap: every file gets one clear line, nothing
 * crashes, nothing prints a stack trace.
 */
class BoundedHeapTest {

    @TempDir
    Path dir;

    @Test
    void badInputsInA256MegabyteHeap() throws Exception {
        List<Path> files = new ArrayList<>();
        byte[] png = Files.readAllBytes(SharedCorpus.corpus("metadata/coffee-sd-parameters.png"));
        byte[] jpeg = Files.readAllBytes(SharedCorpus.corpus("metadata/coffee-capture.jpg"));
        files.add(write("empty.png", new byte[0]));
        files.add(write("truncated.png", Arrays.copyOf(png, png.length / 3)));
        files.add(write("truncated.jpg", Arrays.copyOf(jpeg, 300)));
        files.add(write("unknown.bin", "MZ\u0090\u0000 not media at all".getBytes(StandardCharsets.ISO_8859_1)));
        files.add(write("bomb.png", pngBomb(100_000, 100_000)));
        files.add(write("bomb.jpg", jpegBomb(jpeg, 65_000, 65_000)));
        files.add(write("oversized.jpg", new byte[0], jpeg, 5 * 1024 * 1024)); // over the --max-bytes used below
        for (String name : List.of("rs-nested_moov_1000.mp4", "rs-riff_bomb_1000.wav", "rs-sample3.invalid.wav",
                "rs-id3v23_compression_underflow.mp3", "rs-tiff_poc.tiff", "rs-sample3.svg", "rs-sample4.svg",
                "gen-corrupt-jumbf-length-C.jpg", "gen-truncated-C.jpg", "gen-truncated-ai-es256.mp4")) {
            files.add(SharedCorpus.corpus("c2pa/assets/" + name));
        }

        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), AssayCli.class.getName(),
                "scan", "--json", "--max-bytes", String.valueOf(4 * 1024 * 1024)));
        files.forEach(f -> cmd.add(f.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread drain = Thread.ofVirtual().start(() -> {
            try {
                p.getErrorStream().transferTo(err);
            } catch (IOException ignored) {
                // the process ended
            }
        });
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        drain.join();
        String stderr = err.toString(StandardCharsets.UTF_8);

        assertThat(p.exitValue()).as(stderr).isEqualTo(1);
        assertThat(out.lines().count()).as(out).isEqualTo(files.size());
        assertThat(stderr).doesNotContain("OutOfMemoryError").doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(out).doesNotContain("OutOfMemoryError").doesNotContain("\\tat ");
        assertThat(out).contains("\"type\":\"empty\"").contains("\"type\":\"truncated\"").contains("\"type\":\"unsupported-format\"")
                .contains("\"type\":\"decompression-bomb\"").contains("\"type\":\"too-large\"");
    }

    @Test
    void maliciousC2paFilesInspectedInA256MegabyteHeap() throws Exception {
        List<String> names = List.of("rs-nested_moov_1000.mp4", "rs-riff_bomb_1000.wav", "rs-sample3.invalid.wav",
                "rs-id3v23_compression_underflow.mp3", "rs-tiff_poc.tiff", "rs-sample3.svg", "rs-sample4.svg",
                "gen-corrupt-jumbf-length-C.jpg", "gen-truncated-C.jpg", "gen-truncated-ai-es256.mp4", "rs-no_alg.jpg",
                "rs-prerelease.jpg", "gen-empty.jpg");
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), AssayCli.class.getName(),
                "inspect", "--compact", "--no-trust"));
        names.forEach(n -> cmd.add(SharedCorpus.corpus("c2pa/assets/" + n).toString()));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(out.lines().count()).as(out).isEqualTo(names.size());
        assertThat(out).doesNotContain("OutOfMemoryError").doesNotContain("Exception");
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private Path write(String name, byte[] prefix, byte[] body, int size) throws IOException {
        byte[] b = Arrays.copyOf(body, size);
        System.arraycopy(prefix, 0, b, 0, prefix.length);
        return Files.write(dir.resolve(name), b);
    }

    /** A valid PNG header whose IHDR declares width x height, with a tiny IDAT and IEND. */
    static byte[] pngBomb(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        out.writeBytes(chunk("IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0).array()));
        out.writeBytes(chunk("IDAT", new byte[]{0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01}));
        out.writeBytes(chunk("IEND", new byte[0]));
        return out.toByteArray();
    }

    /** A real JPEG whose SOF0 dimensions are rewritten. */
    static byte[] jpegBomb(byte[] jpeg, int width, int height) {
        byte[] b = jpeg.clone();
        for (int i = 2; i + 9 < b.length; ) {
            int marker = b[i + 1] & 0xFF;
            int len = ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
            if (marker == 0xC0 || marker == 0xC2) {
                b[i + 5] = (byte) (height >> 8);
                b[i + 6] = (byte) height;
                b[i + 7] = (byte) (width >> 8);
                b[i + 8] = (byte) width;
                return b;
            }
            i += 2 + len;
        }
        throw new IllegalStateException("no SOF segment");
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.ISO_8859_1);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(t).put(data).putInt((int) crc.getValue()).array();
    }
}
