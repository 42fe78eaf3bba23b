package io.assay.metadata;

import io.assay.core.evidence.Evidence;
import io.assay.core.evidence.EvidenceKind;
import io.assay.core.media.AssetLimits;
import io.assay.core.media.AssetRejectedException;
import io.assay.core.media.MediaAsset;
import io.assay.core.scan.ScanContext;
import io.assay.core.testing.SharedCorpus;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Damaged and hostile inputs: evidence or one clean line, never a library's stack trace, never a hang. */
class DamagedFileTest {

    private static final MetadataAnalyzer ANALYZER = new MetadataAnalyzer();

    private static byte[] corpus(String name) throws Exception {
        return Files.readAllBytes(SharedCorpus.corpus("metadata").resolve(name));
    }

    /** Runs the analyzer on bytes that intake admits; null when intake rejects them (which is fine too). */
    private static List<Evidence> analyze(String name, byte[] bytes) {
        MediaAsset asset;
        try {
            asset = MediaAsset.of(name, bytes, AssetLimits.DEFAULT);
        } catch (AssetRejectedException e) {
            return null;
        }
        return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try {
                return ANALYZER.analyze(asset, ScanContext.NONE);
            } catch (MetadataUnreadableException e) {
                assertThat(e.getMessage()).doesNotContain("\n").startsWith("cannot read the metadata of '" + name + "'");
                return List.of();
            }
        });
    }

    @Test
    void truncatedXmpPacketInJpeg() throws Exception {
        byte[] jpeg = corpus("coffee-trained.jpg");
        int xmp = indexOf(jpeg, "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(xmp).isPositive();
        // Overwrite the middle of the packet so the XML no longer parses; lengths stay intact.
        int mid = indexOf(jpeg, "<rdf:RDF".getBytes(StandardCharsets.ISO_8859_1));
        byte[] damaged = jpeg.clone();
        for (int i = mid; i < mid + 40; i++) {
            damaged[i] = '<';
        }
        List<Evidence> evidence = analyze("damaged-xmp.jpg", damaged);
        assertThat(evidence).isNotNull().noneMatch(e -> e.kind() == EvidenceKind.DECLARATION);
    }

    @Test
    void corruptedBytesEverywhere() throws Exception {
        for (String name : List.of("coffee-capture.jpg", "coffee-composite.png", "coffee-trained.webp",
                "coffee-sd-parameters.png")) {
            byte[] original = corpus(name);
            java.util.Random random = new java.util.Random(name.hashCode());
            for (int round = 0; round < 30; round++) {
                byte[] bytes = original.clone();
                // Flip bytes in the first 4 KiB, where the metadata structures are.
                for (int i = 0; i < 20; i++) {
                    bytes[12 + random.nextInt(Math.min(4096, bytes.length - 12))] = (byte) random.nextInt(256);
                }
                analyze("fuzzed-" + name, bytes);
            }
        }
    }

    @Test
    void truncatedFiles() throws Exception {
        byte[] jpeg = corpus("coffee-capture.jpg");
        for (int cut : new int[] {20, 200, 1000, 3000, jpeg.length / 2}) {
            analyze("cut.jpg", java.util.Arrays.copyOf(jpeg, cut));
        }
    }

    @Test
    void deeplyNestedXmpGivesACleanAnswer() throws Exception {
        String nested = "<rdf:Description>".repeat(200_000);
        String xmp = "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>"
                + nested + "</rdf:RDF></x:xmpmeta>";
        byte[] png = withChunk(corpus("coffee-composite.png"), "iTXt",
                concat("XML:com.adobe.xmp\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1), xmp.getBytes(StandardCharsets.UTF_8)));
        // Either the XMP is skipped (and the file's other XMP packet may still count) or a clean exception.
        assertThat(analyze("nested.png", png)).isNotNull();
    }

    @Test
    void zTxtDecompressionBombIsNotInflated() throws Exception {
        byte[] zeros = new byte[64 * 1024 * 1024];
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(zeros);
        deflater.finish();
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        while (!deflater.finished()) {
            compressed.write(buf, 0, deflater.deflate(buf));
        }
        deflater.end();
        byte[] body = concat("Comment\0\0".getBytes(StandardCharsets.ISO_8859_1), compressed.toByteArray());
        byte[] png = withChunk(corpus("coffee-sd-parameters.png"), "zTXt", body);

        List<Evidence> evidence = analyze("bomb.png", png);
        assertThat(evidence).isNotNull();
        // The bomb is skipped and reported; the rest of the file still counts.
        assertThat(evidence).anySatisfy(e -> assertThat(e.finding()).startsWith("PNG zTXt chunk at byte")
                .contains("was not read"));
        assertThat(evidence).anySatisfy(e -> assertThat(e.finding()).startsWith("PNG tEXt 'parameters' holds"));
    }

    @Test
    void selfReferencingTiffIsCutShort() throws Exception {
        var file = SharedCorpus.corpus("c2pa/assets/rs-tiff_poc.tiff");
        List<Evidence> evidence = analyze("rs-tiff_poc.tiff", Files.readAllBytes(file));
        assertThat(evidence).isNotNull();
        assertThat(evidence).anySatisfy(e -> assertThat(e.finding()).contains("more than 500 EXIF/TIFF directories"));
    }

    /** Inserts a chunk (with a correct CRC) before IEND. */
    static byte[] withChunk(byte[] png, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
        chunk.putInt(data.length).put(typeBytes).put(data).putInt((int) crc.getValue());
        int iend = indexOf(png, "IEND".getBytes(StandardCharsets.ISO_8859_1)) - 4;
        return concat(java.util.Arrays.copyOf(png, iend), chunk.array(),
                java.util.Arrays.copyOfRange(png, iend, png.length));
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
