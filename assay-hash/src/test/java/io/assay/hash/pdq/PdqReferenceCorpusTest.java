package io.assay.hash.pdq;

import io.assay.core.testing.SharedCorpus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every hash the C++ reference ({@code pdq-photo-hasher}) produced for the shared corpus, reproduced bit for bit
 * with its quality. The reference's failures (2- and 4-channel images) are hashed the way HMA converts them.
 */
class PdqReferenceCorpusTest {

    private static final Path PDQ = SharedCorpus.corpus("pdq");
    private final PdqHasher hasher = new PdqHasher();



    @Test
    void everyReferenceHashIsReproducedBitForBit() throws IOException {
        List<String> lines = Files.readAllLines(PDQ.resolve("expected.csv"));
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            if (!f[4].isEmpty()) {
                continue; // the reference refused it (2 or 4 channels): see referenceRefusalsAreHashedAsRgb
            }
            PdqHash expected = PdqHash.fromHex(f[1], Integer.parseInt(f[2]));
            PdqHash actual = hasher.hash(PDQ.resolve(f[0]));
            compared++;
            if (!actual.equals(expected)) {
                mismatches.add(f[0] + ": expected " + expected + ", got " + actual + " (distance " + actual.distance(expected) + ")");
            }
        }
        assertThat(compared).isEqualTo(44);
        assertThat(mismatches).isEmpty();
    }

    @Test
    void theJpegFastPathGivesTheSamePlaneAsFullDecoding() throws IOException {
        int fast = 0;
        List<Path> jpegs;
        try (var walk = Files.walk(PDQ)) {
            jpegs = walk.filter(p -> p.toString().endsWith(".jpg")).sorted().toList();
        }
        for (PdqHasher.Preparation prep : PdqHasher.Preparation.values()) {
            PdqHasher h = new PdqHasher(prep, 200_000_000L);
            for (Path f : jpegs) {
                LumaPlane viaRgb = h.prepare(h.decode(f));
                LumaPlane viaYcc;
                try (var in = Files.newInputStream(f)) {
                    viaYcc = h.plane(in, f.toString());
                }
                assertThat(viaYcc.width()).isEqualTo(viaRgb.width());
                assertThat(viaYcc.height()).isEqualTo(viaRgb.height());
                assertThat(java.util.Arrays.equals(viaYcc.luma(), viaRgb.luma())).as(f + " " + prep).isTrue();
            }
            fast++;
        }
        assertThat(jpegs).hasSizeGreaterThan(30);
        assertThat(fast).isEqualTo(2);
        // The fast path is taken for the plain JFIF files (and not for CMYK or other colour spaces).
        try (var in = Files.newInputStream(PDQ.resolve("bridge-mods/aaa-orig.jpg"));
             var iis = javax.imageio.ImageIO.createImageInputStream(in)) {
            var reader = javax.imageio.ImageIO.getImageReadersByFormatName("jpeg");
            javax.imageio.ImageReader jdk = null;
            while (reader.hasNext()) {
                var r = reader.next();
                if (r.getClass().getName().startsWith("com.sun.")) {
                    jdk = r;
                }
            }
            jdk.setInput(iis);
            assertThat(JfifYcc.eligible(jdk)).isTrue();
        }
    }

    @Test
    void losslessWebpIsRefusedClearlyRatherThanRiskingAHang(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path lossless = tmp.resolve("l.webp");
        Process p = new ProcessBuilder("cwebp", "-quiet", "-lossless", PDQ.resolve("misc-images/wee.jpg").toString(),
                "-o", lossless.toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor()).as("cwebp (Debian package webp) must be installed").isZero();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> hasher.hash(lossless))
                .isInstanceOf(UndecodableImageException.class).hasMessageContaining("lossless WebP is not hashed");
    }

    @Test
    void dihedralHashesMatchTheReference() throws IOException {
        List<String> lines = Files.readAllLines(PDQ.resolve("expected-dihedral.csv"));
        String[] header = lines.get(0).split(",");
        assertThat(lines).hasSize(9);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            DihedralHashes all = hasher.dihedral(hasher.decode(PDQ.resolve(f[0])));
            int quality = Integer.parseInt(f[9]);
            for (Dihedral d : Dihedral.values()) {
                assertThat(header[1 + d.ordinal()]).isEqualTo(d.id());
                assertThat(all.get(d)).as(f[0] + " " + d.id()).isEqualTo(PdqHash.fromHex(f[1 + d.ordinal()], quality));
            }
        }
    }

    @Test
    void aRotatedCopyIsFoundAmongTheOriginalsDihedralHashes() throws IOException {
        DihedralHashes original = hasher.dihedral(hasher.decode(PDQ.resolve("reg-test-input/dih/bridge-1-original.jpg")));
        PdqHash rotated = hasher.hash(PDQ.resolve("reg-test-input/dih/bridge-2-rotate-90.jpg"));
        assertThat(rotated.distance(original.original())).isGreaterThan(100);
        assertThat(rotated.distance(original.get(Dihedral.ROTATE_90))).isLessThanOrEqualTo(31);
    }

    @Test
    void imagesTheReferenceRefusesAreHashedAfterDroppingAlphaOrConvertingToRgb() throws IOException {
        // Upstream's WASM port (which converts to RGB first) expects this hash for c.png (RGBA).
        PdqHash c = hasher.hash(PDQ.resolve("misc-images/c.png"));
        assertThat(c.toHex()).isEqualTo("e4cc89d91c623842f8d1f1d9a398e78c9f199a3bf87925f2b7e11e0bf061b064");
        PdqHash original = hasher.hash(PDQ.resolve("misc-images/modes/original.jpg"));
        for (String f : List.of("RGBA.png", "LA.png", "CMYK.jpg")) {
            PdqHash h = hasher.hash(PDQ.resolve("misc-images/modes/" + f));
            assertThat(h.quality()).as(f).isEqualTo(100);
            assertThat(h.distance(original)).as(f).isLessThanOrEqualTo(10);
        }
    }

    @Test
    void fullResolutionHashesStayCloseToTheReferenceOnes() throws IOException {
        PdqHasher full = new PdqHasher(PdqHasher.Preparation.FULL_RESOLUTION, 200_000_000L);
        PdqHash ref = hasher.hash(PDQ.resolve("bridge-mods/aaa-orig.jpg"));
        PdqHash hma = full.hash(PDQ.resolve("bridge-mods/aaa-orig.jpg"));
        assertThat(hma).isNotEqualTo(ref);
        assertThat(hma.distance(ref)).isLessThanOrEqualTo(10);
        // Small images are not resized by the reference, so both preparations agree.
        assertThat(full.hash(PDQ.resolve("reg-test-input/labelme-subset/q0122.jpg")))
                .isEqualTo(hasher.hash(PDQ.resolve("reg-test-input/labelme-subset/q0122.jpg")));
    }
}
