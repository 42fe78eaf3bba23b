package io.assay.server;

import io.assay.core.testing.SharedCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /v1/sign} against a real server with the corpus's es256 test identity, then a scan of the result. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignApiTest {

    static final String KEY = "ak_sign_test_" + UUID.randomUUID();
    static final Path SIGNING = SharedCorpus.corpus("c2pa/trust/signing");
    static final Path PLAIN = SharedCorpus.corpus("metadata/coffee-plain.jpg");

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("assay.data-dir", () -> dataDir.toString());
        r.add("assay.api-key", () -> KEY);
        r.add("assay.signing.cert", () -> SIGNING.resolve("es256_chain.pem").toString());
        r.add("assay.signing.key", () -> SIGNING.resolve("es256_key.pem").toString());
        Path trust = SharedCorpus.corpus("c2pa/trust");
        r.add("assay.analyzers[c2pa.trust-anchors]", () -> trust.resolve("test_cert_root_bundle.pem").toString());
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    JsonMapper json;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aGeneratorSignsAnImageAndAPlatformLabelsIt() throws Exception {
        HttpResponse<byte[]> signed = multipart(Files.readAllBytes(PLAIN), "coffee.jpg",
                "{\"sourceType\":\"trainedAlgorithmicMedia\",\"generator\":\"ExampleModel/1.2\"}", KEY);
        assertThat(signed.statusCode()).as(new String(signed.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(signed.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(signed.headers().firstValue("Assay-Manifest")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("urn:c2pa:"));

        HttpResponse<String> scan = http.send(HttpRequest.newBuilder(uri("/v1/scans?name=generated.jpg"))
                .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(signed.body())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(scan.statusCode()).isEqualTo(201);
        JsonNode verdict = json.readTree(scan.body());
        assertThat(verdict.get("label").asString()).isEqualTo("ai-generated");
        boolean signedC2pa = false;
        boolean iptc = false;
        for (JsonNode e : verdict.get("evidence")) {
            String source = e.get("source").asString();
            if (source.equals("c2pa") && e.get("kind").asString().equals("declaration")) {
                signedC2pa |= e.get("assurance").asString().equals("signed-trusted");
            }
            iptc |= source.equals("metadata") && e.path("digitalSourceType").asString().endsWith("trainedAlgorithmicMedia");
        }
        assertThat(signedC2pa).as(scan.body()).isTrue();
        assertThat(iptc).as("the IPTC XMP written beside the manifest is read too: " + scan.body()).isTrue();
    }

    @Test
    void theRawBodyFormTakesOptionsAsQueryParameters() throws Exception {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(
                        uri("/v1/sign?name=coffee.jpg&generator=ExampleModel/2&sourceType=compositeWithTrainedAlgorithmicMedia"))
                .header("X-API-Key", KEY).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(PLAIN))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(new String(r.body(), StandardCharsets.ISO_8859_1)).contains("compositeWithTrainedAlgorithmicMedia");
    }

    @Test
    void aWatermarkCanBeAskedFor() throws Exception {
        HttpResponse<byte[]> signed = multipart(Files.readAllBytes(PLAIN), "coffee.jpg",
                "{\"generator\":\"ExampleModel/1.2\",\"watermark\":true}", KEY);
        assertThat(signed.statusCode()).as(new String(signed.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(signed.body()));
        var reading = new io.assay.watermark.assay.AssayWatermark(io.assay.watermark.assay.AssayWatermarkKey.DEFAULT)
                .detect(image);
        assertThat(reading.found()).isTrue();
        assertThat(reading.payload().sourceType()).contains(io.assay.core.evidence.DigitalSourceType.TRAINED_ALGORITHMIC_MEDIA);

        HttpResponse<byte[]> wav = multipart(Files.readAllBytes(SharedCorpus.corpus("audio/orig.wav")), "a.wav",
                "{\"generator\":\"M/1\",\"watermark\":true}", KEY);
        assertThat(wav.statusCode()).isEqualTo(415);
        assertThat(new String(wav.body(), StandardCharsets.UTF_8)).contains("JPEG and PNG only");
    }

    @Test
    void signingNeedsAKeyAndSaysWhatIsWrong() throws Exception {
        byte[] jpeg = Files.readAllBytes(PLAIN);
        assertThat(multipart(jpeg, "a.jpg", "{\"generator\":\"M/1\"}", null).statusCode()).isEqualTo(401);
        assertThat(multipart(jpeg, "a.jpg", "{\"generator\":\"M/1\"}", "ak_wrong").statusCode()).isEqualTo(401);

        HttpResponse<byte[]> noGenerator = multipart(jpeg, "a.jpg", "{}", KEY);
        assertThat(noGenerator.statusCode()).isEqualTo(400);
        assertThat(new String(noGenerator.body(), StandardCharsets.UTF_8)).contains("generator");

        HttpResponse<byte[]> badType = multipart(jpeg, "a.jpg", "{\"generator\":\"M/1\",\"sourceType\":\"madeUp\"}", KEY);
        assertThat(badType.statusCode()).isEqualTo(400);

        HttpResponse<byte[]> pdf = multipart(Files.readAllBytes(SharedCorpus.corpus("c2pa/assets/gen-ai-es256.pdf")),
                "a.pdf", "{\"generator\":\"M/1\"}", KEY);
        assertThat(pdf.statusCode()).isEqualTo(415);
        String body = new String(pdf.body(), StandardCharsets.UTF_8);
        assertThat(body).contains("not supported").doesNotContain("Exception").doesNotContain("at io.assay");

        HttpResponse<byte[]> garbage = multipart("not an image".getBytes(), "a.jpg", "{\"generator\":\"M/1\"}", KEY);
        assertThat(garbage.statusCode()).isBetween(400, 499);
    }

    private HttpResponse<byte[]> multipart(byte[] file, String name, String options, String key) throws Exception {
        String boundary = "assay" + UUID.randomUUID();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        b.write(file);
        b.write(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"options\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + options).getBytes(StandardCharsets.UTF_8));
        b.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder r = HttpRequest.newBuilder(uri("/v1/sign"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(b.toByteArray()));
        if (key != null) {
            r.header("Authorization", "Bearer " + key);
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
