package io.assay.server;

import io.assay.core.testing.SharedCorpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP API against a real server on a random port, backed by a real (embedded) PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ScanApiTest {

    static final String KEY = "ak_test_" + UUID.randomUUID();

    @TempDir
    static Path dataDir;

    static Path policy;

    @BeforeAll
    static void writePolicy() throws IOException {
        // The default policy plus one watched election, to see election risk end to end.
        String yaml = new String(io.assay.core.policy.PolicyLoader.class.getResourceAsStream("default-policy.yaml").readAllBytes(),
                StandardCharsets.UTF_8).replace("elections: []", """
                elections:
                  - id: test-2026
                    name: Test election
                    regions: [ZZ]
                    candidates: [Jane Example]
                    keywords: [ballot]""");
        policy = Files.writeString(Files.createTempFile("policy", ".yaml"), yaml);
    }

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("assay.data-dir", () -> dataDir.toString());
        r.add("assay.api-key", () -> KEY);
        r.add("assay.policy.file", () -> policy.toString());
        r.add("assay.limits.max-upload", () -> "2MB");
        r.add("assay.analyzers[c2pa.trust-anchors]", () -> SharedCorpus.corpus("c2pa/trust/test_cert_root_bundle.pem").toString());
        r.add("assay.analyzers[c2pa.eku-config]", () -> SharedCorpus.corpus("c2pa/trust/test_store.cfg").toString());
        r.add("assay.analyzers[detect.builtin]", () -> "spectral-image");
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    JsonMapper json;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void scanIsStoredAndReadBack() throws Exception {
        Path file = SharedCorpus.corpus("metadata/coffee-trained.jpg");
        HttpResponse<String> post = send(HttpRequest.newBuilder(uri("/v1/scans?name=coffee-trained.jpg&platform=example&postId=p1"))
                .header("Authorization", "Bearer " + KEY)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofFile(file)));
        assertThat(post.statusCode()).isEqualTo(201);
        JsonNode verdict = json.readTree(post.body());
        String id = verdict.get("id").asString();
        assertThat(post.headers().firstValue("Location")).contains("/v1/scans/" + id);
        assertThat(verdict.get("label").asString()).isEqualTo("ai-generated");
        assertThat(verdict.get("asset").get("mediaType").asString()).isEqualTo("image/jpeg");
        assertThat(verdict.get("asset").get("sha256").asString()).hasSize(64);
        assertThat(verdict.get("context").get("postId").asString()).isEqualTo("p1");

        HttpResponse<String> get = send(HttpRequest.newBuilder(uri("/v1/scans/" + id)).header("X-API-Key", KEY).GET());
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(json.readTree(get.body())).isEqualTo(verdict);
    }

    @Test
    void multipartWithContextJudgesElectionRisk() throws Exception {
        byte[] image = Files.readAllBytes(SharedCorpus.corpus("metadata/astronaut-composite.png"));
        String boundary = "assay" + UUID.randomUUID();
        byte[] body = multipart(boundary, image, "{\"platform\":\"example\",\"caption\":\"Jane Example at the rally\"}");
        HttpResponse<String> post = send(HttpRequest.newBuilder(uri("/v1/scans"))
                .header("Authorization", "Bearer " + KEY)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        assertThat(post.statusCode()).isEqualTo(201);
        JsonNode v = json.readTree(post.body());
        assertThat(v.get("asset").get("name").asString()).isEqualTo("astronaut-composite.png");
        assertThat(v.get("label").asString()).isEqualTo("ai-edited");
        assertThat(v.get("electionRisk").asString()).isEqualTo("high");
        assertThat(v.get("action").asString()).isEqualTo("label-prominent");
    }

    @Test
    void analyzerSettingsFromPropertiesReachTheC2paAnalyzer() throws Exception {
        HttpResponse<String> post = send(HttpRequest.newBuilder(uri("/v1/scans?name=gen-ai-es256.jpg"))
                .header("X-API-Key", KEY)
                .POST(HttpRequest.BodyPublishers.ofFile(SharedCorpus.corpus("c2pa/assets/gen-ai-es256.jpg"))));
        assertThat(post.statusCode()).isEqualTo(201);
        JsonNode v = json.readTree(post.body());
        assertThat(v.get("label").asString()).isEqualTo("ai-generated");
        assertThat(v.get("reasons").get(0).asString()).endsWith("[c2pa, signed-trusted]");
    }

    /** The detect analyzer runs in the server from assay.analyzers.detect.*: the built-in detector is shown, not counted. */
    @Test
    void detectorSettingsReachTheDetectAnalyzer() throws Exception {
        HttpResponse<String> post = send(HttpRequest.newBuilder(uri("/v1/scans?name=bridge.jpg"))
                .header("X-API-Key", KEY)
                .POST(HttpRequest.BodyPublishers.ofFile(SharedCorpus.corpus("pdq/bridge-mods/aaa-orig.jpg"))));
        assertThat(post.statusCode()).isEqualTo(201);
        JsonNode v = json.readTree(post.body());
        JsonNode detect = null;
        for (JsonNode e : v.get("evidence")) {
            if (e.get("source").asString().equals("detect")) {
                detect = e;
            }
        }
        assertThat(detect).as(post.body()).isNotNull();
        JsonNode spectral = detect.get("details").get("detectors").get("spectral-image");
        assertThat(spectral.get("score").asDouble()).isBetween(0.0, 1.0);
        assertThat(spectral.get("counted").asBoolean()).isFalse();
        assertThat(spectral.get("whyNotCounted").asString()).contains("experimental");
        assertThat(detect.get("details").get("outcome").asString()).isEqualTo("not-applicable");
        assertThat(v.get("label").asString()).isEqualTo("none");
        assertThat(v.get("action").asString()).isEqualTo("none");
    }

    @Test
    void writeNeedsAValidKey() throws Exception {
        HttpResponse<String> none = send(HttpRequest.newBuilder(uri("/v1/scans")).POST(HttpRequest.BodyPublishers.ofString("x")));
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        HttpResponse<String> wrong = send(HttpRequest.newBuilder(uri("/v1/scans")).header("X-API-Key", "ak_wrong_key_0000000000000")
                .POST(HttpRequest.BodyPublishers.ofString("x")));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(json.readTree(wrong.body()).get("detail").asString()).contains("not valid");
    }

    @Test
    void badInputGetsAProblemNotAStackTrace() throws Exception {
        assertProblem(upload(new byte[0]), 422, "urn:assay:problem:empty");
        assertProblem(upload("just some text, no media".getBytes(StandardCharsets.UTF_8)), 415, "urn:assay:problem:unsupported-format");
        byte[] png = Files.readAllBytes(SharedCorpus.corpus("metadata/coffee-sd-parameters.png"));
        assertProblem(upload(Arrays.copyOf(png, png.length / 2)), 422, "urn:assay:problem:truncated");
        assertProblem(upload(new byte[3 * 1024 * 1024]), 413, "urn:assay:problem:too-large");
        HttpResponse<String> badContext = send(HttpRequest.newBuilder(uri("/v1/scans")).header("X-API-Key", KEY)
                .header("X-Assay-Context", "{not json").POST(HttpRequest.BodyPublishers.ofByteArray(png)));
        assertProblem(badContext, 400, "urn:assay:problem:bad-request");
        HttpResponse<String> missing = send(HttpRequest.newBuilder(uri("/v1/scans/" + UUID.randomUUID())).header("X-API-Key", KEY).GET());
        assertProblem(missing, 404, "urn:assay:problem:not-found");
    }

    @Test
    void healthAndPrometheusMetrics() throws Exception {
        HttpResponse<String> health = send(HttpRequest.newBuilder(uri("/actuator/health/readiness")).GET());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("UP");
        upload(Files.readAllBytes(SharedCorpus.corpus("metadata/coffee-plain.jpg")));
        HttpResponse<String> prom = send(HttpRequest.newBuilder(uri("/actuator/prometheus")).GET());
        assertThat(prom.statusCode()).isEqualTo(200);
        assertThat(prom.body()).contains("assay_scans_total").contains("assay_scan_duration_seconds");
    }

    private HttpResponse<String> upload(byte[] bytes) throws Exception {
        return send(HttpRequest.newBuilder(uri("/v1/scans")).header("X-API-Key", KEY)
                .header("Content-Type", "application/octet-stream").POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    private void assertProblem(HttpResponse<String> r, int status, String type) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode p = json.readTree(r.body());
        assertThat(p.get("type").asString()).isEqualTo(type);
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static byte[] multipart(String boundary, byte[] file, String context) {
        var out = new java.io.ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"astronaut-composite.png\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file);
        String ctx = "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"context\"\r\nContent-Type: application/json\r\n\r\n"
                + context + "\r\n--" + boundary + "--\r\n";
        out.writeBytes(ctx.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
