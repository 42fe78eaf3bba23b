package io.assay.cli;

import io.assay.core.testing.SharedCorpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code assay scan} over the shared corpora, in process, checked against the corpora's own expectations. */
class ScanCommandTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** file name -> the JSON line printed for it, from one scan of the whole C2PA asset folder. */
    static final Map<String, JsonNode> c2paLines = new HashMap<>();
    static int c2paExit;
    static int c2paFiles;

    @BeforeAll
    static void scanC2paCorpus() throws Exception {
        Path assets = SharedCorpus.corpus("c2pa/assets");
        Run r = run("scan", "--json", assets.toString());
        c2paExit = r.exit;
        for (String line : r.out.lines().toList()) {
            JsonNode n = JSON.readTree(line);
            String file = n.has("error") ? Path.of(n.get("file").asString()).getFileName().toString() : n.get("asset").get("name").asString();
            assertThat(c2paLines.put(file, n)).as("one line per file: " + file).isNull();
        }
        try (var s = Files.list(assets)) {
            c2paFiles = (int) s.filter(Files::isRegularFile).count();
        }
    }

    /**
     * Files the reference still reads but that scanning refuses on purpose: a cut-off upload is reported as
     * truncated rather than labelled from its surviving manifest.
     */
    static final Map<String, String> REFUSED_AT_INTAKE = Map.of("gen-truncated-ai-es256.mp4", "truncated");

    @Test
    void everyC2paAssetGetsExactlyOneLine() {
        assertThat(c2paLines).hasSize(c2paFiles);
        // The corpus holds an empty file, a README and malformed files: errors, so the exit code says so.
        assertThat(c2paExit).isEqualTo(1);
    }

    @Test
    void trainedAlgorithmicMediaIsLabelledAiGenerated() throws Exception {
        List<String> expected = Files.readAllLines(SharedCorpus.corpus("c2pa/expected/testroot.jsonl"));
        int checked = 0;
        for (String line : expected) {
            JsonNode e = JSON.readTree(line);
            JsonNode types = e.get("digital_source_types");
            if (types == null) {
                continue;
            }
            String file = e.get("file").asString();
            JsonNode verdict = c2paLines.get(file);
            boolean trained = false;
            for (JsonNode t : types) {
                trained |= t.asString().endsWith("/trainedAlgorithmicMedia");
            }
            boolean capture = types.size() == 1 && types.get(0).asString().endsWith("/digitalCapture");
            if (REFUSED_AT_INTAKE.containsKey(file)) {
                assertThat(verdict.get("error").get("type").asString()).as(file).isEqualTo(REFUSED_AT_INTAKE.get(file));
                continue;
            }
            if (trained) {
                assertThat(verdict.has("error")).as(file + ": " + verdict).isFalse();
                assertThat(verdict.get("label").asString()).as(file).isEqualTo("ai-generated");
                checked++;
            } else if (capture) {
                assertThat(verdict.get("label").asString()).as(file).isEqualTo("none");
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(40);
    }

    @Test
    void malformedFilesGiveClearErrorsOrVerdictsNeverCrashes() {
        for (String file : List.of("gen-empty.jpg", "gen-truncated-C.jpg", "README.md")) {
            JsonNode n = c2paLines.get(file);
            assertThat(n.has("error")).as(file).isTrue();
            assertThat(n.get("error").get("detail").asString()).isNotBlank().doesNotContain("Exception");
        }
        for (String file : List.of("rs-nested_moov_1000.mp4", "rs-riff_bomb_1000.wav", "rs-sample3.invalid.wav",
                "rs-id3v23_compression_underflow.mp3", "rs-tiff_poc.tiff", "rs-sample3.svg", "rs-sample4.svg",
                "gen-corrupt-jumbf-length-C.jpg", "rs-no_alg.jpg", "rs-prerelease.jpg")) {
            JsonNode n = c2paLines.get(file);
            assertThat(n).as(file).isNotNull();
            String text = n.toString();
            assertThat(text).as(file).doesNotContain("\tat ").doesNotContain("Exception:");
        }
    }

    @Test
    void metadataCorpusLabelsMatchItsExpectations() throws Exception {
        List<String> rows = Files.readAllLines(SharedCorpus.corpus("metadata/expected.csv"));
        Path dir = SharedCorpus.corpus("metadata");
        for (String row : rows.subList(1, rows.size())) {
            String[] cols = row.split(",", 3);
            Run r = run("scan", "--json", dir.resolve(cols[0]).toString());
            assertThat(r.exit).as(r.err).isZero();
            assertThat(JSON.readTree(r.out).get("label").asString()).as(cols[0]).isEqualTo(cols[1]);
        }
    }

    @Test
    void tableOutputAndContextOptions() throws Exception {
        Path file = SharedCorpus.corpus("metadata/coffee-trained.jpg");
        Path policy = Files.createTempFile("policy", ".yaml");
        Files.writeString(policy, new String(io.assay.core.policy.PolicyLoader.class.getResourceAsStream("default-policy.yaml").readAllBytes())
                .replace("elections: []", "elections:\n  - id: zz-2027\n    candidates: [Jane Example]"));
        Run r = run("scan", "--policy", policy.toString(), "--caption", "Jane Example, as you never saw her", file.toString());
        assertThat(r.exit).isZero();
        assertThat(r.out).contains("FILE").contains("coffee-trained.jpg").contains("ai-generated").contains("high")
                .contains("label-prominent");
    }

    @Test
    void badPolicyIsOneClearLine() throws Exception {
        Path policy = Files.writeString(Files.createTempFile("policy", ".yaml"), "version: 1\nactionz: {}\n");
        Run r = run("scan", "--policy", policy.toString(), SharedCorpus.corpus("metadata/coffee-plain.jpg").toString());
        assertThat(r.exit).isEqualTo(1);
        assertThat(r.err.strip()).startsWith("assay: policy").contains("unknown key 'actionz'").doesNotContain("\tat ");
    }

    @Test
    void analyzerSettingsReachTheC2paAnalyzer() throws Exception {
        Path trust = SharedCorpus.corpus("c2pa/trust");
        String file = SharedCorpus.corpus("c2pa/assets/gen-ai-es256.jpg").toString();
        Run defaults = run("scan", "--json", file);
        assertThat(JSON.readTree(defaults.out()).get("reasons").get(0).asString()).endsWith("[c2pa, signed]");
        Run custom = run("scan", "--json", "--analyzer-setting", "c2pa.trust-anchors=" + trust.resolve("test_cert_root_bundle.pem"),
                "--analyzer-setting", "c2pa.eku-config=" + trust.resolve("test_store.cfg"), file);
        assertThat(custom.exit()).as(custom.err()).isZero();
        assertThat(JSON.readTree(custom.out()).get("reasons").get(0).asString()).endsWith("[c2pa, signed-trusted]");
        Run typo = run("scan", "--analyzer-setting", "c2pa.trust-anchor=x.pem", file);
        assertThat(typo.exit()).isEqualTo(1);
        assertThat(typo.err().strip()).isEqualTo("assay: unknown analyzer setting 'c2pa.trust-anchor' (known: c2pa.allowed-list, "
                + "c2pa.eku-config, c2pa.trust, c2pa.trust-anchors, c2pa.tsa-trust)");
    }

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = AssayCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }
}
