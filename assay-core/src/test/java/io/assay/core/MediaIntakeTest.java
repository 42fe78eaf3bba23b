package io.assay.core;

import io.assay.core.media.AssetLimits;
import io.assay.core.media.AssetRejectedException;
import io.assay.core.media.AssetRejectedException.Reason;
import io.assay.core.media.MediaAsset;
import io.assay.core.media.MediaType;
import io.assay.core.media.MediaTypeSniffer;
import io.assay.core.testing.SharedCorpus;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MediaIntakeTest {

    /** Extension -> the type sniffed from content, for the corpus (names are only used to build the expectation). */
    static final Map<String, MediaType> BY_EXTENSION = Map.ofEntries(
            Map.entry("jpg", MediaType.JPEG), Map.entry("jpeg", MediaType.JPEG), Map.entry("png", MediaType.PNG),
            Map.entry("gif", MediaType.GIF), Map.entry("webp", MediaType.WEBP), Map.entry("tif", MediaType.TIFF),
            Map.entry("tiff", MediaType.TIFF), Map.entry("heic", MediaType.HEIC), Map.entry("heif", MediaType.HEIF),
            Map.entry("avif", MediaType.AVIF), Map.entry("svg", MediaType.SVG), Map.entry("wav", MediaType.WAV),
            Map.entry("mp3", MediaType.MP3), Map.entry("m4a", MediaType.M4A), Map.entry("mp4", MediaType.MP4),
            Map.entry("mov", MediaType.MOV), Map.entry("pdf", MediaType.PDF), Map.entry("c2pa", MediaType.C2PA));

    @Test
    void sniffsEveryCorpusFileByContent() throws Exception {
        int checked = 0;
        try (var files = Files.list(SharedCorpus.corpus("c2pa/assets"))) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase();
                if (!BY_EXTENSION.containsKey(ext) || Files.size(f) == 0) {
                    continue;
                }
                byte[] head = Arrays.copyOf(Files.readAllBytes(f), (int) Math.min(Files.size(f), MediaTypeSniffer.HEAD_BYTES));
                MediaType expected = BY_EXTENSION.get(ext);
                // HEIF files whose brands say HEIC (and vice versa) are one family; accept either.
                assertThat(MediaTypeSniffer.sniff(head)).as(name)
                        .hasValueSatisfying(t -> assertThat(t == expected || (t.isBmff() && expected.isBmff()
                                && t.kind() == expected.kind())).as(name + " sniffed " + t).isTrue());
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(140);
    }

    @Test
    void namesDoNotDecideTheType() throws Exception {
        byte[] png = Files.readAllBytes(SharedCorpus.corpus("metadata/coffee-sd-parameters.png"));
        assertThat(MediaAsset.of("photo.jpg", png, AssetLimits.DEFAULT).mediaType()).isEqualTo(MediaType.PNG);
    }

    @Test
    void rejectsEmptyUnknownAndOversized() {
        assertReject(new byte[0], AssetLimits.DEFAULT, Reason.EMPTY);
        assertReject("hello, world".getBytes(StandardCharsets.UTF_8), AssetLimits.DEFAULT, Reason.UNSUPPORTED_FORMAT);
        assertReject(new byte[100], AssetLimits.DEFAULT.withMaxBytes(10), Reason.TOO_LARGE);
    }

    @Test
    void rejectsTruncatedContainers() throws Exception {
        byte[] png = Files.readAllBytes(SharedCorpus.corpus("metadata/coffee-sd-parameters.png"));
        assertReject(Arrays.copyOf(png, png.length - 20), AssetLimits.DEFAULT, Reason.TRUNCATED);
        byte[] jpg = Files.readAllBytes(SharedCorpus.corpus("metadata/coffee-capture.jpg"));
        assertReject(Arrays.copyOf(jpg, 200), AssetLimits.DEFAULT, Reason.TRUNCATED);
        byte[] mp4 = Files.readAllBytes(SharedCorpus.corpus("c2pa/assets/gen-truncated-ai-es256.mp4"));
        assertReject(mp4, AssetLimits.DEFAULT, Reason.TRUNCATED);
    }

    @Test
    void rejectsDecompressionBombs() {
        assertReject(png(100_000, 100_000), AssetLimits.DEFAULT, Reason.DECOMPRESSION_BOMB);
        // Within the limit: accepted.
        assertThat(assertAdmits(png(4000, 3000)).mediaType()).isEqualTo(MediaType.PNG);
        assertReject(png(0, 10), AssetLimits.DEFAULT, Reason.MALFORMED);
    }

    @Test
    void rejectsMalformedStructure() {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 1, 0, 0};
        assertReject(jpeg, AssetLimits.DEFAULT, Reason.MALFORMED);
        byte[] bmff = ByteBuffer.allocate(24).putInt(16).put("ftyp".getBytes()).put("isom".getBytes()).putInt(0)
                .putInt(3).put("free".getBytes()).array();
        assertReject(bmff, AssetLimits.DEFAULT, Reason.MALFORMED);
    }

    @Test
    void admitsEveryWellFormedMetadataPhoto() throws Exception {
        try (var files = Files.list(SharedCorpus.corpus("metadata"))) {
            for (Path f : files.filter(p -> p.toString().matches(".*\\.(jpg|png|webp)$")).toList()) {
                assertThat(MediaAsset.open(f, AssetLimits.DEFAULT).size()).isEqualTo(Files.size(f));
            }
        }
    }

    private static MediaAsset assertAdmits(byte[] bytes) {
        try {
            return MediaAsset.of("x", bytes, AssetLimits.DEFAULT);
        } catch (AssetRejectedException e) {
            throw new AssertionError(e.getMessage());
        }
    }

    private static void assertReject(byte[] bytes, AssetLimits limits, Reason reason) {
        assertThatThrownBy(() -> MediaAsset.of("x", bytes, limits))
                .isInstanceOf(AssetRejectedException.class)
                .satisfies(e -> assertThat(((AssetRejectedException) e).reason()).as(e.getMessage()).isEqualTo(reason))
                .satisfies(e -> assertThat(e.getStackTrace()).isEmpty());
    }

    static byte[] png(int w, int h) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        out.writeBytes(chunk("IHDR", ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) 8).put((byte) 2).put(new byte[3]).array()));
        out.writeBytes(chunk("IEND", new byte[0]));
        return out.toByteArray();
    }

    static byte[] chunk(String type, byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(type.getBytes());
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(type.getBytes()).put(data).putInt((int) crc.getValue()).array();
    }
}
