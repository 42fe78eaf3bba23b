package io.assay.cli;

import io.assay.core.testing.SharedCorpus;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;

import static io.assay.cli.ScanCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code assay inspect}: the three output forms and the trust options. */
class InspectCommandTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static String[] testRoot() {
        Path t = SharedCorpus.corpus("c2pa/trust");
        return new String[]{"--trust-anchors", t.resolve("test_cert_root_bundle.pem").toString(),
                "--allowed-list", t.resolve("test_allowed_list.pem").toString(),
                "--eku-config", t.resolve("test_store.cfg").toString()};
    }

    static String asset(String name) {
        return SharedCorpus.corpus("c2pa/assets/" + name).toString();
    }

    @Test
    void compactLinesCarryTheReferenceFields() {
        String[] args = concat(new String[]{"inspect", "--compact"}, testRoot(),
                new String[]{asset("gen-ai-es256.jpg"), asset("gen-tampered-ai-es256.jpg"), asset("rs-no_manifest.jpg")});
        ScanCommandTest.Run r = run(args);
        assertThat(r.exit()).as(r.err()).isZero();
        var lines = r.out().lines().map(JSON::readTree).toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).get("validation_state").asString()).isEqualTo("Trusted");
        assertThat(lines.get(0).get("digital_source_types").get(0).asString()).endsWith("/trainedAlgorithmicMedia");
        assertThat(lines.get(1).get("validation_state").asString()).isEqualTo("Invalid");
        assertThat(lines.get(1).get("failure").toString()).contains("assertion.dataHash.mismatch");
        assertThat(lines.get(2).get("error").asString()).contains("JumbfNotFound");
    }

    @Test
    void jsonHasTheReferenceReaderShape() {
        ScanCommandTest.Run r = run(concat(new String[]{"inspect", "--json"}, testRoot(), new String[]{asset("gen-edit-composite-es256.jpg")}));
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode report = JSON.readTree(r.out());
        String active = report.get("active_manifest").asString();
        assertThat(report.get("manifests").has(active)).isTrue();
        assertThat(report.get("manifests").get(active).get("signature_info").get("alg").asString()).isEqualTo("ES256");
        assertThat(report.get("validation_results").get("activeManifest").has("success")).isTrue();
        assertThat(report.get("validation_results").get("ingredientDeltas").isArray()).isTrue();
        assertThat(report.get("validation_state").asString()).isIn("Valid", "Trusted", "Invalid");
    }

    @Test
    void humanSummarySaysWhoSignedWhatItClaimsAndTheVerdict() {
        ScanCommandTest.Run r = run(concat(new String[]{"inspect"}, testRoot(), new String[]{asset("gen-edit-composite-es256.jpg")}));
        assertThat(r.out()).contains("gen-edit-composite-es256.jpg: Content Credentials")
                .contains("signed by:").contains("C2PA Signer")
                .contains("c2pa.edited — compositeWithTrainedAlgorithmicMedia (edited with AI)")
                .contains("ingredient:");
    }

    @Test
    void withoutTrustOptionsTheShippedListsApplyAndNoTrustSkipsTrust() {
        ScanCommandTest.Run defaults = run("inspect", "--compact", asset("gen-ai-es256.jpg"));
        // The c2pa-rs test PKI is on no shipped list.
        assertThat(JSON.readTree(defaults.out()).get("failure").toString()).contains("signingCredential.untrusted");
        ScanCommandTest.Run none = run("inspect", "--compact", "--no-trust", asset("gen-ai-es256.jpg"));
        JsonNode line = JSON.readTree(none.out());
        assertThat(line.get("validation_state").asString()).isEqualTo("Valid");
        assertThat(line.get("failure")).isEmpty();
    }

    @Test
    void remoteManifestsAreNamedButNotFetchedByDefault() {
        String url = "https://cai-manifests.adobe.com/manifests/adobe-urn-uuid-5f37e182-3687-462e-a7fb-573462780391";
        ScanCommandTest.Run c = run("inspect", "--compact", "--no-trust", asset("rs-cloud.jpg"));
        assertThat(c.exit()).as(c.err()).isZero();
        assertThat(JSON.readTree(c.out()).get("error").asString())
                .isEqualTo("no embedded C2PA manifest; remote manifest at " + url + " not fetched (use --fetch-remote)");
        ScanCommandTest.Run h = run("inspect", "--no-trust", asset("rs-cloud.jpg"));
        assertThat(h.out()).contains("rs-cloud.jpg: no embedded C2PA manifest; remote manifest at " + url + " not fetched");
    }

    @Test
    void fetchRemoteRefusesPlainHttpWithoutConnecting() {
        // rs-libpng-test_with_url.png points at http://localhost:5000/libpng-test.c2pa: refused before any connection
        ScanCommandTest.Run r = run("inspect", "--compact", "--no-trust", "--fetch-remote", "--remote-max-bytes", "1000000",
                "--remote-timeout", "2", asset("rs-libpng-test_with_url.png"));
        assertThat(r.exit()).isEqualTo(1);
        assertThat(JSON.readTree(r.out()).get("error").asString()).isEqualTo(
                "refused remote manifest URL http://localhost:5000/libpng-test.c2pa: only https is fetched, not http");
    }

    @Test
    void malformedFilesAreOneClearLine() {
        ScanCommandTest.Run r = run("inspect", "--compact", asset("rs-sample3.svg"), asset("gen-empty.jpg"));
        assertThat(r.exit()).isEqualTo(1);
        r.out().lines().forEach(l -> assertThat(JSON.readTree(l).get("error").asString()).isNotBlank().doesNotContain("Exception"));
        assertThat(r.out().lines().count()).isEqualTo(2);
    }

    static String[] concat(String[]... parts) {
        return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }
}
