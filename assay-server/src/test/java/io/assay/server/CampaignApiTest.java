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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coordinated campaigns in the running server, against real PostgreSQL: a cell of accounts posting re-encoded copies of
 * banked deepfakes within seconds of each other, over a background of organic link sharing a platform reported, is
 * found as one campaign and raises one alert; an amplification cell pushing links is a campaign without an alert; no
 * organic account is caught; the campaign keeps its id when detected again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CampaignApiTest {

    static final String KEY = "ak_campaign_test_" + UUID.randomUUID();
    static final Path IMAGES = SharedCorpus.corpus("pdq/reg-test-input/labelme-subset");
    static final List<String> FAKES = List.of("q0291.jpg", "q0746.jpg", "q2821.jpg");

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("assay.data-dir", () -> dataDir.toString());
        r.add("assay.api-key", () -> KEY);
        // the test runs detection itself (POST /v1/campaigns/detect), not on the schedule
        r.add("assay.coordination.interval", () -> "1h");
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    JsonMapper json;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aCellPushingBankedDeepfakesIsOneCampaignWithAnAlert() throws Exception {
        // A fact-checker banks three debunked fakes.
        assertThat(postJson("/v1/banks", "{\"name\":\"debunked\"}").statusCode()).isEqualTo(201);
        Set<String> signalIds = new HashSet<>();
        for (String f : FAKES) {
            HttpResponse<String> add = multipart("/v1/banks/debunked/entries", Files.readAllBytes(IMAGES.resolve(f)), f);
            assertThat(add.statusCode()).as(add.body()).isEqualTo(201);
            json.readTree(add.body()).get("entries").forEach(e -> signalIds.add(e.get("signalId").asString()));
        }
        assertThat(signalIds).hasSize(3);

        // Background: organic accounts sharing links over the last hours, bursts of a few accounts per link (innocent
        // co-shares), and an amplification cell pushing four links within seconds of each other.
        Random rnd = new Random(7);
        Instant now = Instant.now();
        List<String> shares = new ArrayList<>();
        for (int link = 0; link < 600; link++) {
            Instant t = now.minus(Duration.ofSeconds(600 + rnd.nextInt(6 * 3600)));
            int sharers = 2 + rnd.nextInt(4);
            for (int k = 0; k < sharers; k++) {
                String account = "user-" + rnd.nextInt(400);
                shares.add(share("x", account, t.plusMillis(rnd.nextInt(8000)),
                        "\"url\":\"https://news.example/story/" + link + "?utm_source=share" + k + "&fbclid=" + rnd.nextInt(1000) + "\""));
            }
        }
        for (int link = 0; link < 4; link++) {
            Instant t = now.minus(Duration.ofMinutes(90 - 10L * link));
            for (int a = 1; a <= 4; a++) {
                shares.add(share("x", "amp-" + a, t.plusMillis(700L * a),
                        "\"url\":\"https://pushed.example/claim/" + link + "\""));
            }
        }
        HttpResponse<String> reported = postJson("/v1/shares", "{\"shares\":[" + String.join(",", shares) + "]}");
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(200);
        assertThat(json.readTree(reported.body()).get("stored").asInt()).isEqualTo(shares.size());

        // The cell: four accounts post re-encoded copies of each fake back-to-back (each account's copy differs).
        for (String f : FAKES) {
            for (int a = 1; a <= 4; a++) {
                byte[] copy = resizedJpeg(IMAGES.resolve(f), 300 + 37 * a);
                JsonNode v = json.readTree(scan("/v1/scans?name=post.jpg&platform=x&account=cell-" + a + "&postId=" + f
                        + "-" + a, copy).body());
                assertThat(v.get("label").asString()).as(f + " copy by cell-" + a).isEqualTo("known-deepfake");
            }
        }
        // Organic users meet one fake hours later, one by one: not coordinated.
        scan("/v1/scans?name=seen.jpg&platform=x&account=user-1", resizedJpeg(IMAGES.resolve(FAKES.get(0)), 512));

        JsonNode run = json.readTree(postJson("/v1/campaigns/detect", "").body());
        assertThat(run.get("shares").asInt()).isEqualTo(shares.size() + 13);
        assertThat(run.get("alerts").asInt()).isEqualTo(1);

        JsonNode campaigns = json.readTree(get("/v1/campaigns").body());
        JsonNode cell = find(campaigns, "x:cell-1");
        assertThat(accounts(cell)).containsExactlyInAnyOrder("x:cell-1", "x:cell-2", "x:cell-3", "x:cell-4");
        Set<String> objects = new HashSet<>();
        cell.get("objects").forEach(o -> objects.add(o.asString()));
        assertThat(objects).hasSize(3).allMatch(o -> signalIds.contains(o.substring("signal:".length())));
        assertThat(cell.get("labels").get("known-deepfake").asInt()).isEqualTo(12);
        assertThat(cell.get("edges")).hasSize(6);
        assertThat(cell.get("alerts")).hasSize(1);
        assertThat(cell.get("alerts").get(0).get("reason").asString()).isEqualTo("known-deepfake");

        JsonNode amplifiers = find(campaigns, "x:amp-1");
        assertThat(accounts(amplifiers)).containsExactlyInAnyOrder("x:amp-1", "x:amp-2", "x:amp-3", "x:amp-4");
        assertThat(amplifiers.get("alerts")).isEmpty();
        // no organic account is in any campaign
        campaigns.forEach(c -> assertThat(accounts(c)).noneMatch(a -> a.startsWith("x:user-")));

        JsonNode alerts = json.readTree(get("/v1/alerts").body());
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).get("campaignId").asString()).isEqualTo(cell.get("id").asString());
        assertThat(alerts.get(0).get("severity").asString()).isEqualTo("high");

        // Detected again: the same campaign (same id, first detection kept), no second alert.
        JsonNode again = json.readTree(postJson("/v1/campaigns/detect", "").body());
        assertThat(again.get("created").asInt()).isZero();
        assertThat(again.get("alerts").asInt()).isZero();
        JsonNode same = json.readTree(get("/v1/campaigns/" + cell.get("id").asString()).body());
        assertThat(same.get("firstDetectedAt").asString()).isEqualTo(cell.get("firstDetectedAt").asString());
        assertThat(json.readTree(get("/v1/alerts").body())).hasSize(1);
    }

    @Test
    void badReportsAreRefusedWholeAndClearly() throws Exception {
        Instant t = Instant.now().minusSeconds(60);
        String good = share("x", "a", t, "\"url\":\"https://ok.example/1\"");
        HttpResponse<String> bad = postJson("/v1/shares", "{\"shares\":[" + good + ","
                + share("x", "b", t, "\"url\":\"https://ok.example/1\",\"text\":\"both\"") + "]}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("shares[1]").contains("exactly one").doesNotContain("Exception");
        HttpResponse<String> future = postJson("/v1/shares", "{\"shares\":["
                + share("x", "b", Instant.now().plus(Duration.ofHours(1)), "\"text\":\"hi\"") + "]}");
        assertThat(future.body()).contains("future");
        assertThat(postJson("/v1/shares", "{\"shares\":[" + share("x", "b", t, "\"pdq\":\"zz\"") + "]}").body())
                .contains("64 hex");
        assertThat(postJson("/v1/shares", "{\"shares\":[]}").statusCode()).isEqualTo(400);
        assertThat(postJson("/v1/shares", "not json").statusCode()).isEqualTo(400);
        assertThat(get("/v1/campaigns/not-a-uuid").statusCode()).isEqualTo(400);
        assertThat(get("/v1/campaigns/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
        assertThat(get("/v1/alerts?since=yesterday").statusCode()).isEqualTo(400);
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(uri("/v1/shares"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"shares\":[" + good + "]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(http.send(HttpRequest.newBuilder(uri("/v1/campaigns")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    }

    private static String share(String platform, String account, Instant at, String object) {
        return "{\"platform\":\"" + platform + "\",\"account\":\"" + account + "\",\"postedAt\":\"" + at + "\"," + object + "}";
    }

    private static JsonNode find(JsonNode campaigns, String account) {
        for (JsonNode c : campaigns) {
            if (accounts(c).contains(account)) {
                return c;
            }
        }
        throw new AssertionError("no campaign holds " + account + ": " + campaigns);
    }

    private static List<String> accounts(JsonNode campaign) {
        List<String> out = new ArrayList<>();
        campaign.get("accounts").forEach(a -> out.add(a.asString()));
        return out;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + KEY).GET().build(),
                HttpResponse.BodyHandlers.ofString());
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

    /** A re-encoded copy: resized to {@code width} (aspect kept), JPEG at the JDK's default quality. */
    private static byte[] resizedJpeg(Path file, int width) throws Exception {
        BufferedImage img = ImageIO.read(file.toFile());
        int h = Math.max(1, img.getHeight() * width / img.getWidth());
        BufferedImage out = new BufferedImage(width, h, BufferedImage.TYPE_3BYTE_BGR);
        out.createGraphics().drawImage(img, 0, 0, width, h, null);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(out, "jpeg", bytes);
        return bytes.toByteArray();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
