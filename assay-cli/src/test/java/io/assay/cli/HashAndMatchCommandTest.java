package io.assay.cli;

import io.assay.core.testing.SharedCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.assay.cli.ScanCommandTest.JSON;
import static io.assay.cli.ScanCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code assay hash}, {@code assay match --bank} and {@code assay scan --bank} on the shared PDQ corpus. */
class HashAndMatchCommandTest {

    static final Path PDQ = SharedCorpus.corpus("pdq");

    @TempDir
    Path tmp;

    @Test
    void hashPrintsTheReferenceHashAndQuality() throws Exception {
        Path f = PDQ.resolve("reg-test-input/labelme-subset/q0003.jpg");
        ScanCommandTest.Run r = run("hash", f.toString());
        assertThat(r.exit()).isZero();
        String expected = Files.readAllLines(PDQ.resolve("expected.csv")).stream()
                .filter(l -> l.startsWith("reg-test-input/labelme-subset/q0003.jpg,")).findFirst().orElseThrow();
        String[] e = expected.split(",");
        assertThat(r.out().strip()).isEqualTo("pdq " + e[1] + " " + e[2] + " " + f);
    }

    @Test
    void hashReportsBadFilesAndGoesOn() throws Exception {
        Path bad = Files.writeString(tmp.resolve("bad.jpg"), "not an image");
        ScanCommandTest.Run r = run("hash", bad.toString(), PDQ.resolve("misc-images/wee.jpg").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("pdq 6227401f601ff4ccafcc9fad4b0d95d371a2eb7265a3285234d228ca94deeb2d 100");
        assertThat(r.err()).contains("bad.jpg").doesNotContain("Exception");
    }

    @Test
    void aReencodedCopyOfABankedImageIsAKnownDeepfake() throws Exception {
        Path bank = Files.createDirectories(tmp.resolve("debunked"));
        Path original = PDQ.resolve("bridge-mods/aaa-orig.jpg");
        // The bank holds hashes only (as shared by a partner), made with `assay hash --tsv`.
        ScanCommandTest.Run h = run("hash", "--tsv", original.toString());
        Files.writeString(bank.resolve("partner.tsv"), h.out().strip()
                + "\tstaged photo of a bridge collapse\thttps://factcheck.example/1\n"); // label = file name, then reason, debunk

        BufferedImage img = ImageIO.read(original.toFile());
        BufferedImage small = new BufferedImage(800, 502, BufferedImage.TYPE_3BYTE_BGR);
        small.createGraphics().drawImage(img, 0, 0, 800, 502, null);
        Path copy = tmp.resolve("reupload.jpg");
        ImageIO.write(small, "jpeg", copy.toFile());

        ScanCommandTest.Run m = run("match", "--bank", bank.toString(), copy.toString(),
                PDQ.resolve("reg-test-input/labelme-subset/q0122.jpg").toString());
        assertThat(m.exit()).isZero();
        List<String> lines = m.out().lines().toList();
        assertThat(lines.get(0)).startsWith(copy + "\tdebunked\t#1\tPDQ distance ").endsWith("aaa-orig.jpg");
        assertThat(lines.get(1)).endsWith("q0122.jpg\tno match");

        ScanCommandTest.Run s = run("scan", "--json", "--bank", bank.toString(), copy.toString());
        assertThat(s.exit()).isZero();
        JsonNode v = JSON.readTree(s.out());
        assertThat(v.get("label").asString()).isEqualTo("known-deepfake");
        assertThat(v.get("reasons").get(0).asString()).contains("aaa-orig.jpg", "staged photo of a bridge collapse",
                "https://factcheck.example/1", "bank 'debunked'");

        ScanCommandTest.Run plain = run("scan", "--json", copy.toString());
        assertThat(JSON.readTree(plain.out()).get("label").asString()).isNotEqualTo("known-deepfake");
    }

    @Test
    void aTelephoneCopyOfABankedRobocallIsAKnownDeepfake() throws Exception {
        Path audio = SharedCorpus.corpus("audio");
        Path bank = Files.createDirectories(tmp.resolve("robocalls"));
        Files.copy(audio.resolve("orig.wav"), bank.resolve("fake-call.wav"));

        ScanCommandTest.Run h = run("hash", audio.resolve("orig.wav").toString());
        assertThat(h.exit()).isZero();
        String expected = JSON.readTree(Files.readString(audio.resolve("orig.fp.json"))).get("fingerprint").size() + "";
        assertThat(h.out()).startsWith("chromaprint AQAB").contains(" 49.").endsWith("orig.wav\n");
        assertThat(expected).isEqualTo("375");

        ScanCommandTest.Run s = run("scan", "--json", "--bank", bank.toString(), audio.resolve("tel.wav").toString(),
                audio.resolve("cut.wav").toString(), audio.resolve("other.wav").toString());
        assertThat(s.exit()).as(s.err()).isZero();
        List<JsonNode> v = s.out().lines().map(l -> JSON.readTree(l)).toList();
        assertThat(v.get(0).get("label").asString()).isEqualTo("known-deepfake");
        assertThat(v.get(0).get("reasons").get(0).asString()).contains("fake-call.wav", "Chromaprint");
        assertThat(v.get(1).get("label").asString()).isEqualTo("known-deepfake");
        assertThat(v.get(2).get("label").asString()).isNotEqualTo("known-deepfake");
    }

    @Test
    void aMissingBankIsAClearError() {
        ScanCommandTest.Run r = run("match", "--bank", tmp.resolve("nope").toString(), PDQ.resolve("misc-images/wee.jpg").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("does not exist").doesNotContain("Exception");
    }
}
