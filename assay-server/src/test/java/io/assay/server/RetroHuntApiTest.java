package io.assay.server;

import io.assay.core.testing.SharedCorpus;
import io.assay.hash.pdq.PdqHasher;
import io.assay.server.retro.RetroHunt;
import io.assay.server.retro.UploadSignalRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retro-hunt against a real server and PostgreSQL: uploads scanned before a deepfake was flagged are found by its
 * signals (a re-encoded image by PDQ, a telephone-band copy of a robocall by Chromaprint), with where they were
 * posted; what is older than the retention is neither found nor kept.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RetroHuntApiTest {

    static final String KEY = "ak_retro_test_" + UUID.randomUUID();
    static final Path ORIGINAL = SharedCorpus.corpus("pdq/bridge-mods/aaa-orig.jpg");

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("assay.data-dir", () -> dataDir.toString());
        r.add("assay.api-key", () -> KEY);
        r.add("assay.retro-hunt.retention", () -> "30d");
        // fingerprint every audio upload, even with no audio bank, so robocalls flagged later can be hunted
        r.add("assay.analyzers[known-deepfake.always]", () -> "pdq,chromaprint");
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    RetroHunt retroHunt;

    @Autowired
    UploadSignalRepository uploadSignals;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aCopyAcceptedBeforeTheFakeWasFlaggedIsFound() throws Exception {
        // Monday: a platform accepts a re-encoded, resized copy (nothing is banked yet, so it is labelled none).
        byte[] copy = resizedJpeg(ORIGINAL, 800, 502);
        JsonNode accepted = json.readTree(scan("/v1/scans?name=bridge-copy.jpg&platform=example-social&postId=p-17",
                copy).body());
        assertThat(accepted.get("label").asString()).isNotEqualTo("known-deepfake");
        String scanId = accepted.get("id").asString();
        scan("/v1/scans?name=other.jpg", Files.readAllBytes(SharedCorpus.corpus("metadata/coffee-plain.jpg")));

        // Tuesday: the original is flagged; its hash is hunted among past uploads.
        String flagged = new PdqHasher().hash(ORIGINAL).toHex();
        JsonNode hunt = json.readTree(postJson("/v1/retro-hunt",
                "{\"signals\":[{\"type\":\"pdq\",\"value\":\"" + flagged + "\"}]}").body());
        assertThat(hunt.get("hits")).hasSize(1);
        JsonNode hit = hunt.get("hits").get(0);
        assertThat(hit.get("scanId").asString()).isEqualTo(scanId);
        assertThat(hit.get("platform").asString()).isEqualTo("example-social");
        assertThat(hit.get("postId").asString()).isEqualTo("p-17");
        assertThat(hit.get("measure").asString()).contains("hamming");
        assertThat(hit.get("score").asDouble()).isLessThanOrEqualTo(31);
        assertThat(hunt.get("searched").get("images").asInt()).isGreaterThanOrEqualTo(2);

        // An unrelated image's hash finds nothing.
        String unrelated = new PdqHasher().hash(SharedCorpus.corpus("metadata/astronaut-capture.jpg")).toHex();
        JsonNode none = json.readTree(postJson("/v1/retro-hunt",
                "{\"signals\":[{\"type\":\"pdq\",\"value\":\"" + unrelated + "\"}]}").body());
        assertThat(none.get("hits")).isEmpty();
    }

    @Test
    void aRobocallCopyIsFoundByItsFingerprint() throws Exception {
        Path audio = SharedCorpus.corpus("audio");
        // no bank holds audio: the upload is fingerprinted because known-deepfake.always asks for it
        JsonNode accepted = json.readTree(scan("/v1/scans?name=call.wav&platform=voice-net",
                Files.readAllBytes(audio.resolve("tel.wav"))).body());
        assertThat(accepted.get("label").asString()).isEqualTo("none");

        JsonNode signals = json.readTree(multipart("/v1/match", Files.readAllBytes(audio.resolve("orig.wav")), "orig.wav")
                .body()).get("signals");
        String fp = null;
        for (JsonNode s : signals) {
            if (s.get("type").asString().equals("chromaprint")) {
                fp = s.get("value").asString();
            }
        }
        assertThat(fp).isNotNull();
        JsonNode hunt = json.readTree(postJson("/v1/retro-hunt",
                "{\"signals\":[{\"type\":\"chromaprint\",\"value\":\"" + fp + "\"}]}").body());
        assertThat(hunt.get("hits")).hasSize(1);
        assertThat(hunt.get("hits").get(0).get("scanId").asString()).isEqualTo(accepted.get("id").asString());
        assertThat(hunt.get("hits").get(0).get("platform").asString()).isEqualTo("voice-net");
    }

    @Test
    void signalsOlderThanTheRetentionAreNeitherFoundNorKept() throws Exception {
        JsonNode accepted = json.readTree(scan("/v1/scans?name=old.jpg",
                Files.readAllBytes(SharedCorpus.corpus("pdq/bridge-mods/aaa-orig.jpg").resolveSibling("blur-a-lot.jpg")))
                .body());
        UUID scanId = UUID.fromString(accepted.get("id").asString());
        String hash = new PdqHasher().hash(SharedCorpus.corpus("metadata/astronaut-plain.jpg")).toHex();
        // a signal stored 40 days ago (beyond the 30-day retention), as if the server had been running since
        uploadSignals.insert(scanId, Instant.now().minus(Duration.ofDays(40)), List.of("pdq"), List.of(hash), List.of(100));
        JsonNode hunt = json.readTree(postJson("/v1/retro-hunt",
                "{\"signals\":[{\"type\":\"pdq\",\"value\":\"" + hash + "\"}]}").body());
        assertThat(hunt.get("hits")).isEmpty();
        assertThat(retroHunt.purge()).isGreaterThanOrEqualTo(1);
        List<String> kept = new java.util.ArrayList<>();
        uploadSignals.forEach("pdq", Instant.EPOCH, s -> kept.add(s.signal()));
        assertThat(kept).doesNotContain(hash).isNotEmpty();
    }

    /**
     * A fake banked on Tuesday: the copy accepted on Monday is found by the retro-hunt, the copies uploaded after are
     * matched live, and the signal's timeline shows both, per platform, each upload counted once.
     */
    @Test
    void aBankedFakeGetsATimelineOfEarlierAndLaterCopies() throws Exception {
        Path fake = SharedCorpus.corpus("pdq/reg-test-input/labelme-subset/q0122.jpg");
        BufferedImage img = ImageIO.read(fake.toFile());
        String monday = json.readTree(scan("/v1/scans?name=m.jpg&platform=social-a",
                resizedJpeg(fake, img.getWidth(), img.getHeight())).body()).get("id").asString(); // re-encoded

        assertThat(postJson("/v1/banks", "{\"name\":\"timeline-test\"}").statusCode()).isEqualTo(201);
        JsonNode added = json.readTree(multipart("/v1/banks/timeline-test/entries", Files.readAllBytes(fake), "fake.jpg")
                .body());
        String signal = added.get("entries").get(0).get("signalId").asString();
        assertThat(signal).startsWith("indicator--");

        JsonNode timeline = null;
        for (int i = 0; i < 50; i++) { // the retro-hunt runs in the background
            timeline = json.readTree(get("/v1/signals/" + signal + "/timeline").body());
            if (!timeline.get("sightings").isEmpty()) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(timeline.get("sightings")).hasSize(1);
        assertThat(timeline.get("sightings").get(0).get("platform").asString()).isEqualTo("social-a");
        assertThat(timeline.get("sightings").get(0).get("sources").get(0).asString()).isEqualTo("retro-hunt");

        byte[] later = Files.readAllBytes(fake);
        for (int i = 0; i < 2; i++) {
            JsonNode v = json.readTree(scan("/v1/scans?name=t.jpg&platform=social-b", later).body());
            assertThat(v.get("label").asString()).isEqualTo("known-deepfake");
        }
        timeline = json.readTree(get("/v1/signals/" + signal + "/timeline").body());
        assertThat(timeline.get("sightings")).hasSize(2);
        JsonNode b = timeline.get("sightings").get(1);
        assertThat(b.get("platform").asString()).isEqualTo("social-b");
        assertThat(b.get("count").asLong()).isEqualTo(2);
        assertThat(b.get("sources").get(0).asString()).isEqualTo("scan");
        assertThat(timeline.get("totalCount").asLong()).isEqualTo(3);
        assertThat(timeline.get("entries").get(0).get("bank").asString()).isEqualTo("timeline-test");
        assertThat(monday).isNotBlank();

        assertThat(get("/v1/signals/indicator--00000000-0000-4000-8000-000000000000/timeline").statusCode())
                .isEqualTo(404);
        assertThat(get("/v1/signals/not-an-id/timeline").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + KEY).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void badRequestsAreRefusedClearly() throws Exception {
        assertThat(postJson("/v1/retro-hunt", "{}").statusCode()).isEqualTo(400);
        HttpResponse<String> bad = postJson("/v1/retro-hunt", "{\"signals\":[{\"type\":\"pdq\",\"value\":\"zz\"}]}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).doesNotContain("Exception");
        assertThat(http.send(HttpRequest.newBuilder(uri("/v1/retro-hunt")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"signals\":[]}")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> scan(String path, byte[] body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + KEY)
                .header("Content-Type", "application/octet-stream").POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return r;
    }

    private HttpResponse<String> postJson(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + KEY)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> multipart(String path, byte[] file, String name) throws Exception {
        String boundary = "assay" + UUID.randomUUID();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        b.write(file);
        b.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + KEY)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(b.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] resizedJpeg(Path file, int w, int h) throws Exception {
        BufferedImage img = ImageIO.read(file.toFile());
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        out.createGraphics().drawImage(img, 0, 0, w, h, null);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(out, "jpeg", bytes);
        return bytes.toByteArray();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
