package io.assay.server;

import io.assay.core.testing.SharedCorpus;
import io.assay.hash.pdq.PdqHasher;
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
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Banks through the HTTP API, against a real server and a real (embedded) PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BankApiTest {

    static final String KEY = "ak_bank_test_" + UUID.randomUUID();
    static final Path PDQ = SharedCorpus.corpus("pdq");
    static final Path ORIGINAL = PDQ.resolve("bridge-mods/aaa-orig.jpg");

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("assay.data-dir", () -> dataDir.toString());
        r.add("assay.api-key", () -> KEY);
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    JsonMapper json;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aReuploadOfABankedFakeIsLabelledKnownDeepfakeUntilRetracted() throws Exception {
        assertThat(postJson("/v1/banks", "{\"name\":\"debunked-2026\",\"description\":\"fact-checked fakes\"}").statusCode()).isEqualTo(201);
        assertThat(postJson("/v1/banks", "{\"name\":\"debunked-2026\"}").statusCode()).isEqualTo(409);

        // A fact-checker uploads the fake: it is hashed, the media is not kept.
        String context = "{\"label\":\"fake photo of the bridge collapse\",\"reason\":\"staged, spread before the vote\","
                + "\"debunkUrl\":\"https://factcheck.example/bridge\",\"election\":\"test-2026\",\"candidate\":\"Jane Example\"}";
        HttpResponse<String> add = multipart("/v1/banks/debunked-2026/entries", Files.readAllBytes(ORIGINAL), "bridge.jpg", context);
        assertThat(add.statusCode()).as(add.body()).isEqualTo(201);
        JsonNode entry = json.readTree(add.body()).get("entries").get(0);
        assertThat(entry.get("signal").asString()).isEqualTo(new PdqHasher().hash(ORIGINAL).toHex());
        assertThat(entry.get("addedBy").asString()).isEqualTo("configured");
        assertThat(entry.get("sourceName").asString()).isEqualTo("bridge.jpg");
        long id = entry.get("id").asLong();

        // A platform scans a re-encoded, resized copy.
        byte[] copy = resizedJpeg(ORIGINAL, 900, 565);
        HttpResponse<String> scan = send(HttpRequest.newBuilder(uri("/v1/scans?name=reupload.jpg"))
                .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(copy)));
        assertThat(scan.statusCode()).isEqualTo(201);
        JsonNode verdict = json.readTree(scan.body());
        assertThat(verdict.get("label").asString()).isEqualTo("known-deepfake");
        assertThat(verdict.get("reasons").get(0).asString()).contains("fake photo of the bridge collapse",
                "staged, spread before the vote", "https://factcheck.example/bridge", "Jane Example", "debunked-2026");

        // Lookup by hash only, in Assay's and HMA's shapes.
        String copyHash = new PdqHasher().hash(ImageIO.read(new java.io.ByteArrayInputStream(copy))).toHex();
        JsonNode match = json.readTree(postJson("/v1/match", "{\"signals\":[{\"type\":\"pdq\",\"value\":\"" + copyHash + "\"}]}").body());
        assertThat(match.get("matches")).hasSize(1);
        assertThat(match.get("matches").get(0).get("entryId").asLong()).isEqualTo(id);
        JsonNode hma = json.readTree(get("/m/lookup?signal_type=pdq&signal=" + copyHash).body());
        assertThat(hma.get("debunked-2026").get(0).get("bank_content_id").asLong()).isEqualTo(id);
        assertThat(get("/c/banks").body()).contains("debunked-2026");
        HttpResponse<String> hashed = multipart("/h/hash", copy, "copy.jpg", null);
        assertThat(json.readTree(hashed.body()).get("pdq").asString()).isEqualTo(copyHash);

        // Retraction: the next scan no longer matches, and the record keeps who retracted it and why.
        HttpResponse<String> retract = postJson("/v1/banks/debunked-2026/entries/" + id + "/retract", "{\"reason\":\"authentic after all\"}");
        assertThat(retract.statusCode()).isEqualTo(200);
        assertThat(json.readTree(retract.body()).get("retractedBy").asString()).isEqualTo("configured");
        JsonNode after = json.readTree(postJson("/v1/match", "{\"signals\":[{\"type\":\"pdq\",\"value\":\"" + copyHash + "\"}]}").body());
        assertThat(after.get("matches")).isEmpty();
        assertThat(get("/v1/banks/debunked-2026/entries?includeRetracted=true").body()).contains("authentic after all");
        assertThat(get("/v1/banks/debunked-2026/entries").body()).isEqualTo("[]");
    }

    @Test
    void hashesAddedByValueAreFoundByTheNextLookup() throws Exception {
        postJson("/v1/banks", "{\"name\":\"partner-feed\",\"pdqDistance\":20}");
        String hex = new PdqHasher().hash(PDQ.resolve("reg-test-input/labelme-subset/q0291.jpg")).toHex();
        HttpResponse<String> add = postJson("/v1/banks/partner-feed/entries",
                "{\"signals\":[{\"type\":\"pdq\",\"value\":\"" + hex.toUpperCase() + "\",\"quality\":100}],\"label\":\"shared by a partner\"}");
        assertThat(add.statusCode()).as(add.body()).isEqualTo(201);
        JsonNode m = json.readTree(postJson("/v1/match", "{\"signals\":[{\"type\":\"pdq\",\"value\":\"" + hex + "\"}]}").body());
        assertThat(m.get("matches").get(0).get("label").asString()).isEqualTo("shared by a partner");
        assertThat(json.readTree(get("/v1/banks/partner-feed").body()).get("thresholds").get("pdqDistance").asInt()).isEqualTo(20);
    }

    @Test
    void aTelephoneCopyOfABankedRobocallIsLabelledKnownDeepfake() throws Exception {
        Path audio = SharedCorpus.corpus("audio");
        postJson("/v1/banks", "{\"name\":\"robocalls\"}");
        HttpResponse<String> add = multipart("/v1/banks/robocalls/entries", Files.readAllBytes(audio.resolve("orig.wav")), "call.wav",
                "{\"label\":\"cloned-voice robocall\",\"reason\":\"tells voters the polls moved\"}");
        assertThat(add.statusCode()).as(add.body()).isEqualTo(201);
        assertThat(json.readTree(add.body()).get("entries").get(0).get("signalType").asString()).isEqualTo("chromaprint");
        HttpResponse<String> scan = send(HttpRequest.newBuilder(uri("/v1/scans?name=tel.wav"))
                .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofFile(audio.resolve("tel.wav"))));
        JsonNode verdict = json.readTree(scan.body());
        assertThat(verdict.get("label").asString()).isEqualTo("known-deepfake");
        assertThat(verdict.get("reasons").get(0).asString()).contains("cloned-voice robocall", "tells voters the polls moved");
        HttpResponse<String> other = send(HttpRequest.newBuilder(uri("/v1/scans?name=other.wav"))
                .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofFile(audio.resolve("other.wav"))));
        assertThat(json.readTree(other.body()).get("label").asString()).isNotEqualTo("known-deepfake");
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void changesWrittenByAnotherInstanceAreCaughtUp() throws Exception {
        postJson("/v1/banks", "{\"name\":\"shared-db\"}");
        String hex = new PdqHasher().hash(PDQ.resolve("reg-test-input/labelme-subset/q1050.jpg")).toHex();
        String lookup = "{\"signals\":[{\"type\":\"pdq\",\"value\":\"" + hex + "\"}]}";
        assertThat(json.readTree(postJson("/v1/match", lookup).body()).get("matches")).isEmpty();
        // A slower transaction of another instance takes an id now and commits last.
        long lateId = jdbc.sql("select nextval('bank_entry_id_seq')").query(Long.class).single();
        // Another server on the same database banks a hash: this one has not seen the write.
        long id = jdbc.sql("""
                        insert into bank_entry (bank_id, signal_type, signal, quality, label, added_by, added_at)
                        select id, 'pdq', :hex, 100, 'from another instance', 'other', now() from bank where name = 'shared-db'
                        returning id""").param("hex", hex).query(Long.class).single();
        assertThat(eventually(() -> json.readTree(postJson("/v1/match", lookup).body()).get("matches").size() == 1)).isTrue();
        // An entry whose id is below the highest one seen (a slower transaction of another instance) still arrives.
        String hex2 = new PdqHasher().hash(PDQ.resolve("reg-test-input/labelme-subset/q0746.jpg")).toHex();
        String lookup2 = "{\"signals\":[{\"type\":\"pdq\",\"value\":\"" + hex2 + "\"}]}";
        jdbc.sql("""
                        insert into bank_entry (id, bank_id, signal_type, signal, quality, label, added_by, added_at)
                        select :id, id, 'pdq', :hex, 100, 'late commit', 'other', now() from bank where name = 'shared-db'""")
                .param("id", lateId).param("hex", hex2).update();
        assertThat(eventually(() -> json.readTree(postJson("/v1/match", lookup2).body()).get("matches").size() == 1)).isTrue();
        // ... and retracts it.
        jdbc.sql("update bank_entry set retracted_at = now(), retracted_by = 'other' where id = :id").param("id", id).update();
        assertThat(eventually(() -> json.readTree(postJson("/v1/match", lookup).body()).get("matches").isEmpty())).isTrue();
    }

    interface Check {
        boolean ok() throws Exception;
    }

    /** Polls for up to 10 s (the catch-up runs every 2 s). */
    private static boolean eventually(Check c) throws Exception {
        long end = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < end) {
            if (c.ok()) {
                return true;
            }
            Thread.sleep(200);
        }
        return c.ok();
    }

    @Test
    void badRequestsGetProblemsWithoutStackTraces() throws Exception {
        HttpResponse<String> noKey = send(HttpRequest.newBuilder(uri("/v1/banks")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"x\"}")));
        assertThat(noKey.statusCode()).isEqualTo(401);
        assertThat(send(HttpRequest.newBuilder(uri("/m/lookup?signal_type=pdq&signal=00")).GET()).statusCode()).isEqualTo(401);
        assertThat(postJson("/v1/banks", "{\"name\":\"../etc\"}").statusCode()).isEqualTo(400);
        postJson("/v1/banks", "{\"name\":\"strict\"}");
        HttpResponse<String> badHash = postJson("/v1/banks/strict/entries", "{\"signals\":[{\"type\":\"pdq\",\"value\":\"abc\"}]}");
        assertThat(badHash.statusCode()).isEqualTo(400);
        assertThat(badHash.body()).contains("64 hex digits").doesNotContain("Exception");
        HttpResponse<String> badType = postJson("/v1/match", "{\"signals\":[{\"type\":\"md5\",\"value\":\"abc\"}]}");
        assertThat(badType.statusCode()).isEqualTo(400);
        HttpResponse<String> notImage = multipart("/v1/banks/strict/entries", "hello".getBytes(StandardCharsets.UTF_8), "x.jpg", null);
        assertThat(notImage.statusCode()).isBetween(400, 499);
        assertThat(notImage.body()).doesNotContain("Exception");
        assertThat(postJson("/v1/banks/nope/entries", "{\"signals\":[]}").statusCode()).isEqualTo(404);
    }

    private static byte[] resizedJpeg(Path file, int w, int h) throws Exception {
        BufferedImage img = ImageIO.read(file.toFile());
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        out.createGraphics().drawImage(img, 0, 0, w, h, null);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(out, "jpeg", bytes);
        return bytes.toByteArray();
    }

    private HttpResponse<String> postJson(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + KEY)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + KEY).GET());
    }

    private HttpResponse<String> multipart(String path, byte[] file, String name, String context) throws Exception {
        String boundary = "assay" + UUID.randomUUID();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        b.write(file);
        if (context != null) {
            b.write(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"context\"\r\nContent-Type: application/json\r\n\r\n"
                    + context).getBytes(StandardCharsets.UTF_8));
        }
        b.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + KEY)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(b.toByteArray())));
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
