package io.assay.server.taxii;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The TAXII 2.1 server through HTTP, against a real server and a real (embedded) PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TaxiiServerTest {

    static final String KEY = "ak_taxii_test_" + UUID.randomUUID();
    static final String TAXII = "application/taxii+json;version=2.1";
    static final String ROOT = "/taxii2/assay/";
    static final int MAX = 64 * 1024;

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("assay.data-dir", () -> dataDir.toString());
        r.add("assay.api-key", () -> KEY);
        r.add("assay.taxii.max-content-length", () -> MAX + "B");
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    JsonMapper json;

    final HttpClient http = HttpClient.newHttpClient();

    /** A participant as the admin API made it. */
    record Who(String id, String identity, String token) {
    }

    // Made once for the class (the Spring context, and so the database, outlives each test instance).
    static Who alice;   // writes and reads the shared collections
    static Who bob;     // reads only
    static Who carol;   // reads only; named as a TLP:RED recipient
    static Who mallory; // member of nothing

    @BeforeEach
    void participants() throws Exception {
        if (alice != null) {
            return;
        }
        alice = participant("alice-platform");
        bob = participant("bob-factcheck");
        carol = participant("carol-newsroom");
        mallory = participant("mallory");
    }

    @Test
    void discoveryApiRootAndCollectionsSpeakTaxii() throws Exception {
        String c = collection("election-signals");
        HttpResponse<String> d = get("/taxii2/", alice);
        assertThat(d.statusCode()).isEqualTo(200);
        assertThat(d.headers().firstValue("Content-Type").orElseThrow()).isEqualTo(TAXII);
        JsonNode discovery = json.readTree(d.body());
        assertThat(discovery.get("default").asString()).isEqualTo("http://localhost:" + port + ROOT);
        assertThat(discovery.get("api_roots").get(0).asString()).endsWith(ROOT);
        assertThat(discovery.get("title").asString()).isNotBlank();

        HttpResponse<String> r = get(ROOT, alice);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).isEqualTo(TAXII);
        JsonNode root = json.readTree(r.body());
        assertThat(root.get("versions").get(0).asString()).isEqualTo(TAXII);
        assertThat(root.get("max_content_length").asLong()).isEqualTo(MAX);

        JsonNode mine = find(json.readTree(get(ROOT + "collections/", alice).body()).get("collections"), c);
        assertThat(mine.get("can_read").asBoolean()).isTrue();
        assertThat(mine.get("can_write").asBoolean()).isTrue();
        assertThat(mine.get("media_types").get(0).asString()).isEqualTo("application/stix+json;version=2.1");
        JsonNode bobs = json.readTree(get(ROOT + "collections/" + c + "/", bob).body());
        assertThat(bobs.get("title").asString()).isEqualTo("election-signals");
        assertThat(bobs.get("can_write").asBoolean()).isFalse();
        assertThat(find(json.readTree(get(ROOT + "collections/", mallory).body()).get("collections"), c)).isNull();
        assertTaxiiError(get(ROOT + "collections/" + c + "/", mallory), 404);
        assertTaxiiError(get("/taxii2/other/", alice), 404);
        assertTaxiiError(get("/taxii2/assay/nothing-here/", alice), 404);
    }

    @Test
    void postedObjectsArePagedByDateAddedAndARepostChangesNothing() throws Exception {
        String c = collection("paging");
        List<String> objects = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            objects.add(indicator("indicator--" + UUID.randomUUID(), "2026-03-0" + (i + 1) + "T10:00:00.000Z", ""));
        }
        String envelope = "{\"objects\":[" + String.join(",", objects) + "]}";
        HttpResponse<String> posted = post(ROOT + "collections/" + c + "/objects/", alice, envelope);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        assertThat(posted.headers().firstValue("Content-Type").orElseThrow()).isEqualTo(TAXII);
        JsonNode status = json.readTree(posted.body());
        assertThat(status.get("status").asString()).isEqualTo("complete");
        assertThat(status.get("total_count").asInt()).isEqualTo(5);
        assertThat(status.get("success_count").asInt()).isEqualTo(5);
        assertThat(status.get("failure_count").asInt()).isZero();
        assertThat(status.get("pending_count").asInt()).isZero();
        assertThat(status.get("successes")).hasSize(5);
        JsonNode again = json.readTree(get(ROOT + "status/" + status.get("id").asString() + "/", alice).body());
        assertThat(again.get("success_count").asInt()).isEqualTo(5);
        assertTaxiiError(get(ROOT + "status/" + status.get("id").asString() + "/", bob), 404);

        // limit + next walk the collection in date_added order; headers give each page's first and last date_added.
        HttpResponse<String> p1 = get(ROOT + "collections/" + c + "/objects/?limit=2", bob);
        JsonNode e1 = json.readTree(p1.body());
        assertThat(e1.get("objects")).hasSize(2);
        assertThat(e1.get("more").asBoolean()).isTrue();
        String last1 = p1.headers().firstValue("X-TAXII-Date-Added-Last").orElseThrow();
        assertThat(p1.headers().firstValue("X-TAXII-Date-Added-First")).isPresent();
        JsonNode e2 = json.readTree(get(ROOT + "collections/" + c + "/objects/?limit=2&next=" + e1.get("next").asString(), bob).body());
        assertThat(e2.get("objects")).hasSize(2);
        JsonNode e3 = json.readTree(get(ROOT + "collections/" + c + "/objects/?limit=2&next=" + e2.get("next").asString(), bob).body());
        assertThat(e3.get("objects")).hasSize(1);
        assertThat(e3.get("more").asBoolean()).isFalse();
        assertThat(e3.has("next")).isFalse();
        List<String> seen = new ArrayList<>();
        for (JsonNode e : List.of(e1, e2, e3)) {
            e.get("objects").forEach(o -> seen.add(o.get("id").asString()));
        }
        assertThat(seen).containsExactlyElementsOf(objects.stream().map(o -> json.readTree(o).get("id").asString()).toList());

        JsonNode after = json.readTree(get(ROOT + "collections/" + c + "/objects/?added_after=" + enc(last1), bob).body());
        assertThat(after.get("objects")).hasSize(3);
        assertThat(after.get("objects").get(0).get("id").asString()).isEqualTo(seen.get(2));

        // The same versions again: success, nothing new, date_added kept.
        String manifestBefore = get(ROOT + "collections/" + c + "/manifest/", bob).body();
        JsonNode repost = json.readTree(post(ROOT + "collections/" + c + "/objects/", alice, envelope).body());
        assertThat(repost.get("success_count").asInt()).isEqualTo(5);
        assertThat(get(ROOT + "collections/" + c + "/manifest/", bob).body()).isEqualTo(manifestBefore);
        assertThat(json.readTree(manifestBefore).get("objects")).hasSize(5);
    }

    @Test
    void versionsMatchFiltersManifestAndDelete() throws Exception {
        String c = collection("versions");
        String id = "indicator--" + UUID.randomUUID();
        String malware = "malware--" + UUID.randomUUID();
        String v1 = "2026-04-01T08:00:00.000Z";
        String v2 = "2026-04-02T08:00:00.000Z";
        String v3 = "2026-04-03T08:00:00.000Z";
        post(ROOT + "collections/" + c + "/objects/", alice, "{\"objects\":[" + indicator(id, v1, "")
                + ",{\"type\":\"malware\",\"spec_version\":\"2.1\",\"id\":\"" + malware + "\",\"created\":\"" + v1
                + "\",\"modified\":\"" + v1 + "\",\"name\":\"voice-clone kit\",\"is_family\":false}]}");
        post(ROOT + "collections/" + c + "/objects/", alice, "{\"objects\":[" + indicator(id, v2, "") + "]}");
        post(ROOT + "collections/" + c + "/objects/", alice, "{\"objects\":[" + indicator(id, v3, "") + "]}");
        String objects = ROOT + "collections/" + c + "/objects/";

        assertThat(modifieds(get(objects, bob))).containsExactlyInAnyOrder(v3, v1);
        assertThat(modifieds(get(objects + "?match%5Bversion%5D=all", bob))).containsExactlyInAnyOrder(v1, v2, v3, v1);
        assertThat(modifieds(get(objects + "?match%5Bid%5D=" + id + "&match%5Bversion%5D=first", bob))).containsExactly(v1);
        assertThat(modifieds(get(objects + "?match%5Bid%5D=" + id + "&match%5Bversion%5D=last", bob))).containsExactly(v3);
        assertThat(modifieds(get(objects + "?match%5Bid%5D=" + id + "&match%5Bversion%5D=" + enc(v2), bob))).containsExactly(v2);
        assertThat(modifieds(get(objects + "?match%5Bid%5D=" + id + "&match%5Bversion%5D=first,last", bob))).containsExactlyInAnyOrder(v1, v3);
        JsonNode typed = json.readTree(get(objects + "?match%5Btype%5D=malware", bob).body());
        assertThat(typed.get("objects")).hasSize(1);
        assertThat(typed.get("objects").get(0).get("id").asString()).isEqualTo(malware);
        assertThat(json.readTree(get(objects + "?match%5Btype%5D=malware,indicator", bob).body()).get("objects")).hasSize(2);
        assertThat(json.readTree(get(objects + "?match%5Bspec_version%5D=2.0", bob).body()).has("objects")).isFalse();
        assertThat(json.readTree(get(objects + "?match%5Bspec_version%5D=2.1", bob).body()).get("objects")).hasSize(2);
        // An object also stored as STIX 2.0: without match[spec_version] only its newest spec version is served.
        String old = "indicator--" + UUID.randomUUID();
        post(ROOT + "collections/" + c + "/objects/", alice, "{\"objects\":[" + indicator(old, v1, "").replace("\"2.1\"", "\"2.0\"")
                + "," + indicator(old, v2, "") + "]}");
        assertThat(modifieds(get(objects + "?match%5Bid%5D=" + old + "&match%5Bversion%5D=all", bob))).containsExactly(v2);
        assertThat(modifieds(get(objects + "?match%5Bid%5D=" + old + "&match%5Bspec_version%5D=2.0", bob))).containsExactly(v1);
        assertThat(modifieds(get(objects + "?match%5Bid%5D=" + old + "&match%5Bspec_version%5D=2.0,2.1&match%5Bversion%5D=all", bob)))
                .containsExactly(v1, v2);
        send(req(objects + old + "/?match%5Bspec_version%5D=2.0,2.1", alice).DELETE());
        assertTaxiiError(get(objects + "?match%5Bversion%5D=yesterday", bob), 400);
        assertTaxiiError(get(objects + "?limit=0", bob), 400);
        assertTaxiiError(get(objects + "?added_after=soon", bob), 400);

        assertThat(modifieds(get(objects + id + "/", bob))).containsExactly(v3);
        JsonNode versions = json.readTree(get(objects + id + "/versions/", bob).body());
        assertThat(versions.get("versions")).extracting(JsonNode::asString)
                .containsExactly("2026-04-01T08:00:00.000000Z", "2026-04-02T08:00:00.000000Z", "2026-04-03T08:00:00.000000Z");
        assertThat(json.readTree(get(objects + id + "/versions/?limit=2", bob).body()).get("more").asBoolean()).isTrue();

        JsonNode manifest = json.readTree(get(ROOT + "collections/" + c + "/manifest/?match%5Bversion%5D=all", bob).body());
        assertThat(manifest.get("objects")).hasSize(4);
        assertThat(manifest.get("objects").get(0).get("media_type").asString()).isEqualTo("application/stix+json;version=2.1");
        assertThat(manifest.get("objects").get(0).get("date_added").asString()).endsWith("Z");
        assertThat(json.readTree(get(ROOT + "collections/" + c + "/manifest/", bob).body()).get("objects")).hasSize(2);

        // Delete: a reader may not; the writer deletes one version, then the rest.
        assertTaxiiError(send(req(objects + id + "/", bob).DELETE()), 403);
        assertThat(send(req(objects + id + "/?match%5Bversion%5D=first", alice).DELETE()).statusCode()).isEqualTo(200);
        assertThat(json.readTree(get(objects + id + "/versions/", bob).body()).get("versions")).hasSize(2);
        assertThat(send(req(objects + id + "/", alice).DELETE()).statusCode()).isEqualTo(200);
        assertTaxiiError(get(objects + id + "/", bob), 404);
        assertTaxiiError(get(objects + id + "/versions/", bob), 404);
        assertTaxiiError(send(req(objects + id + "/", alice).DELETE()), 404);
    }

    @Test
    void tokensRightsMediaTypesAndMalformedRequestsGetTaxiiErrors() throws Exception {
        String c = collection("rights");
        String objects = ROOT + "collections/" + c + "/objects/";
        String envelope = "{\"objects\":[" + indicator("indicator--" + UUID.randomUUID(), "2026-05-01T00:00:00Z", "") + "]}";

        assertTaxiiError(send(HttpRequest.newBuilder(uri("/taxii2/")).header("Accept", TAXII).GET()), 401);
        HttpResponse<String> forged = send(HttpRequest.newBuilder(uri(objects)).header("Accept", TAXII)
                .header("Authorization", "Bearer tx_not-a-token-of-this-server").GET());
        assertTaxiiError(forged, 401);
        assertThat(forged.headers().firstValue("WWW-Authenticate")).isPresent();
        // The server's API key is no participant token.
        assertTaxiiError(send(HttpRequest.newBuilder(uri("/taxii2/")).header("Authorization", "Bearer " + KEY).GET()), 401);

        assertTaxiiError(post(objects, bob, envelope), 403);
        assertTaxiiError(post(objects, mallory, envelope), 404);
        assertTaxiiError(get(objects, mallory), 404);
        assertTaxiiError(get(ROOT + "collections/" + c + "/manifest/", mallory), 404);

        assertTaxiiError(send(req(objects, alice).setHeader("Accept", "text/html").GET()), 406);
        assertTaxiiError(send(req(objects, alice).setHeader("Accept", "application/taxii+json;version=2.0").GET()), 406);
        assertThat(send(req(objects, alice).setHeader("Accept", "application/taxii+json").GET()).statusCode()).isEqualTo(200);
        assertTaxiiError(send(req(objects, alice).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(envelope))), 415);

        HttpResponse<String> notJson = post(objects, alice, "{\"objects\": [");
        assertTaxiiError(notJson, 400);
        assertThat(json.readTree(notJson.body()).get("description").asString()).contains("not valid JSON");
        HttpResponse<String> noObjects = post(objects, alice, "{\"items\": []}");
        assertTaxiiError(noObjects, 400);
        assertThat(json.readTree(noObjects.body()).get("description").asString()).contains("\"objects\" array");
        assertTaxiiError(post(objects, alice, "[1,2]"), 400);

        String big = "{\"objects\":[{\"type\":\"note\",\"id\":\"note--" + UUID.randomUUID() + "\",\"content\":\""
                + "x".repeat(MAX) + "\"}]}";
        HttpResponse<String> tooBig = post(objects, alice, big);
        assertTaxiiError(tooBig, 413);
        assertThat(json.readTree(tooBig.body()).get("description").asString()).contains(Integer.toString(MAX));

        // A chunked body declares no length: it is cut off while read.
        HttpResponse<String> chunked = send(req(objects, alice).header("Content-Type", TAXII).POST(
                HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)))));
        assertTaxiiError(chunked, 413);

        // The admin API takes the server's API key, not a participant token.
        assertThat(send(HttpRequest.newBuilder(uri("/v1/exchange/collections")).header("Authorization", "Bearer " + alice.token())
                .GET()).statusCode()).isEqualTo(401);

        // One bad object fails alone; the others are stored.
        JsonNode mixed = json.readTree(post(objects, alice, "{\"objects\":[" + indicator("indicator--" + UUID.randomUUID(),
                "2026-05-02T00:00:00Z", "") + ",{\"type\":\"indicator\",\"id\":\"malware--" + UUID.randomUUID()
                + "\"},{\"id\":\"x\"},\"text\"]}").body());
        assertThat(mixed.get("total_count").asInt()).isEqualTo(4);
        assertThat(mixed.get("success_count").asInt()).isEqualTo(1);
        assertThat(mixed.get("failure_count").asInt()).isEqualTo(3);
        assertThat(mixed.get("failures").get(0).get("message").asString()).contains("type");
    }

    @Test
    void tlpRedIsReadOnlyByItsCreatorAndNamedRecipientsAmberByMembers() throws Exception {
        String c = collection("tlp");
        String objects = ROOT + "collections/" + c + "/objects/";
        String red = "indicator--" + UUID.randomUUID();
        String redForCarolOnly = "indicator--" + UUID.randomUUID();
        String amber = "indicator--" + UUID.randomUUID();
        String green = "indicator--" + UUID.randomUUID();
        String clear = "indicator--" + UUID.randomUUID();
        String t = "2026-06-01T00:00:00.000Z";
        String envelope = "{\"objects\":["
                + indicator(red, t, marking(Tlp.RED_ID) + ",\"created_by_ref\":\"" + alice.identity()
                        + "\",\"extensions\":{\"" + io.assay.exchange.stix.AssayExtension.ID
                        + "\":{\"extension_type\":\"property-extension\",\"recipient_refs\":[\""
                        + carol.identity() + "\"]}}") + ","
                + indicator(redForCarolOnly, t, marking(Tlp.RED_ID) + ",\"created_by_ref\":\"" + carol.identity() + "\"") + ","
                + indicator(amber, t, marking(Tlp.AMBER_ID)) + ","
                + indicator(green, t, marking(Tlp.GREEN_ID)) + ","
                + indicator(clear, t, marking(Tlp.CLEAR_ID)) + "]}";
        assertThat(json.readTree(post(objects, alice, envelope).body()).get("success_count").asInt()).isEqualTo(5);

        assertThat(ids(get(objects, alice))).containsExactlyInAnyOrder(red, amber, green, clear);
        assertThat(ids(get(objects, carol))).containsExactlyInAnyOrder(red, redForCarolOnly, amber, green, clear);
        assertThat(ids(get(objects, bob))).containsExactlyInAnyOrder(amber, green, clear);
        // Paging counts only what the reader may see: 3 objects in a page of 3 leave nothing more.
        assertThat(json.readTree(get(objects + "?limit=3", bob).body()).get("more").asBoolean()).isFalse();
        assertThat(json.readTree(get(ROOT + "collections/" + c + "/manifest/", bob).body()).get("objects")).hasSize(3);
        assertTaxiiError(get(objects + red + "/", bob), 404);
        assertTaxiiError(get(objects + red + "/versions/", bob), 404);
        assertThat(ids(get(objects + red + "/", carol))).containsExactly(red);
        assertTaxiiError(get(objects + redForCarolOnly + "/", alice), 404);
        // A reader who cannot see a red object cannot delete it either.
        assertTaxiiError(send(req(objects + redForCarolOnly + "/", alice).DELETE()), 404);
        // AMBER: members only; a participant who is no member of the collection reads nothing of it.
        assertThat(ids(get(objects + amber + "/", bob))).containsExactly(amber);
        assertTaxiiError(get(objects + amber + "/", mallory), 404);
    }

    @Test
    void theEventStreamTellsEachReaderAtOnceOfWhatItMayReadAndNothingElse() throws Exception {
        String c = collection("events");
        String events = ROOT + "collections/" + c + "/events/";
        String objects = ROOT + "collections/" + c + "/objects/";
        try (EventTap toBob = new EventTap(events, bob); EventTap toCarol = new EventTap(events, carol)) {
            assertThat(toBob.next()).contains("event:ready");
            assertThat(toCarol.next()).contains("event:ready");
            String red = "indicator--" + UUID.randomUUID();
            String green = "indicator--" + UUID.randomUUID();
            String t = "2026-06-02T00:00:00.000Z";
            String envelope = "{\"objects\":["
                    + indicator(red, t, marking(Tlp.RED_ID) + ",\"created_by_ref\":\"" + alice.identity()
                            + "\",\"extensions\":{\"" + io.assay.exchange.stix.AssayExtension.ID
                            + "\":{\"extension_type\":\"property-extension\",\"recipient_refs\":[\""
                            + carol.identity() + "\"]}}") + ","
                    + indicator(green, t, marking(Tlp.GREEN_ID)) + "]}";
            assertThat(json.readTree(post(objects, alice, envelope).body()).get("success_count").asInt()).isEqualTo(2);

            String first = toCarol.next();
            String second = toCarol.next();
            assertThat(first).contains("event:object-added", red);
            assertThat(second).contains("event:object-added", green);
            // bob may not read the red object: the first event he gets is the green one
            String forBob = toBob.next();
            assertThat(forBob).contains(green).doesNotContain(red);
            JsonNode data = json.readTree(forBob.substring(forBob.indexOf("data:") + 5).strip());
            assertThat(data.get("type").asString()).isEqualTo("indicator");
            assertThat(Instant.parse(data.get("version").asString())).isEqualTo(Instant.parse(t));
            assertThat(data.get("date_added").asString()).isNotBlank();
        }
        // no token, a non-member, a wrong Accept: refused as TAXII errors
        assertTaxiiError(send(HttpRequest.newBuilder(uri(events)).header("Accept", "text/event-stream").GET()), 401);
        assertTaxiiError(send(req(events, mallory).setHeader("Accept", "text/event-stream").GET()), 404);
        assertTaxiiError(send(req(events, bob).setHeader("Accept", "text/html").GET()), 406);
    }

    /** Reads a participant's event stream on a background thread; {@link #next()} returns one event's lines. */
    final class EventTap implements AutoCloseable {
        private final java.util.concurrent.BlockingQueue<String> events = new java.util.concurrent.LinkedBlockingQueue<>();
        private final java.util.concurrent.CompletableFuture<HttpResponse<java.util.stream.Stream<String>>> response;

        EventTap(String path, Who who) {
            response = http.sendAsync(req(path, who).setHeader("Accept", "text/event-stream").GET().build(),
                    HttpResponse.BodyHandlers.ofLines());
            Thread.ofVirtual().start(() -> {
                try {
                    StringBuilder event = new StringBuilder();
                    response.join().body().forEach(line -> {
                        if (line.isEmpty()) {
                            if (!event.isEmpty() && !event.toString().startsWith(":")) {
                                events.add(event.toString());
                            }
                            event.setLength(0);
                        } else {
                            event.append(line).append('\n');
                        }
                    });
                } catch (RuntimeException closed) {
                    // the tap was closed
                }
            });
        }

        String next() throws InterruptedException {
            String e = events.poll(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(e).as("an event within 10 s").isNotNull();
            return e;
        }

        @Override
        public void close() {
            response.thenAccept(r -> r.body().close());
            response.cancel(true);
        }
    }

    /**
     * Concurrent writers: every version gets its own date_added, later than all before it in the collection, so a
     * reader that resumes from the last page's X-TAXII-Date-Added-Last (with no next token) sees every object once.
     */
    @Test
    void aReaderResumingFromItsCheckpointMissesNothingWrittenConcurrently() throws Exception {
        String c = collection("concurrent");
        String objects = ROOT + "collections/" + c + "/objects/";
        List<String> written = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            writers.add(Thread.ofVirtual().start(() -> {
                try {
                    for (int i = 0; i < 5; i++) {
                        List<String> ids = List.of("indicator--" + UUID.randomUUID(), "indicator--" + UUID.randomUUID());
                        String envelope = "{\"objects\":[" + indicator(ids.get(0), "2026-06-03T00:00:00.000Z", "") + ","
                                + indicator(ids.get(1), "2026-06-03T00:00:00.000Z", "") + "]}";
                        assertThat(post(objects, alice, envelope).statusCode()).isEqualTo(202);
                        written.addAll(ids);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (Thread t : writers) {
            t.join();
        }
        List<String> seen = new ArrayList<>();
        String after = null;
        for (int page = 0; page < 100; page++) {
            HttpResponse<String> r = get(objects + "?limit=3" + (after == null ? "" : "&added_after=" + enc(after)), bob);
            List<String> ids = ids(r);
            if (ids.isEmpty()) {
                break;
            }
            seen.addAll(ids);
            after = r.headers().firstValue("X-TAXII-Date-Added-Last").orElseThrow();
        }
        assertThat(seen).hasSize(40).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(written);
    }

    @Test
    void matchParametersMayCarryUnencodedBrackets() throws Exception {
        String c = collection("brackets");
        String malware = "malware--" + UUID.randomUUID();
        post(ROOT + "collections/" + c + "/objects/", alice, "{\"objects\":[" + indicator("indicator--" + UUID.randomUUID(),
                "2026-07-01T00:00:00Z", "") + ",{\"type\":\"malware\",\"spec_version\":\"2.1\",\"id\":\"" + malware
                + "\",\"created\":\"2026-07-01T00:00:00Z\",\"modified\":\"2026-07-01T00:00:00Z\",\"name\":\"kit\",\"is_family\":false}]}");
        // java.net.URI refuses raw brackets, as many clients send them: speak HTTP/1.1 on a socket.
        try (var socket = new java.net.Socket("localhost", port)) {
            String request = "GET " + ROOT + "collections/" + c + "/objects/?match[type]=malware HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + bob.token() + "\r\nAccept: " + TAXII + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 200").contains(malware).doesNotContain("indicator--");
        }
    }

    @Test
    void aRotatedTokenAndARevokedParticipantAreRefused() throws Exception {
        Who trent = participant("trent-" + UUID.randomUUID());
        String c = collection("revocation");
        member(c, trent, true, false);
        String objects = ROOT + "collections/" + c + "/objects/";
        assertThat(get(objects, trent).statusCode()).isEqualTo(200);

        HttpResponse<String> rotated = admin("/v1/exchange/participants/" + trent.id() + "/token", "POST", "");
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        Who renewed = new Who(trent.id(), trent.identity(), json.readTree(rotated.body()).get("token").asString());
        assertTaxiiError(get(objects, trent), 401);
        assertThat(get(objects, renewed).statusCode()).isEqualTo(200);

        assertThat(admin("/v1/exchange/participants/" + trent.id(), "DELETE", "").statusCode()).isEqualTo(204);
        assertTaxiiError(get(objects, renewed), 401);
        assertThat(admin("/v1/exchange/participants/" + trent.id(), "DELETE", "").statusCode()).isEqualTo(404);
        assertThat(admin("/v1/exchange/participants", "GET", "").body()).doesNotContain(trent.id()).doesNotContain("token");
        // Names and identities are unique; an identity must be a STIX identity id.
        assertThat(admin("/v1/exchange/participants", "POST", "{\"name\":\"alice-platform\"}").statusCode()).isEqualTo(400);
        assertThat(admin("/v1/exchange/participants", "POST", "{\"name\":\"x\",\"identity\":\"bob\"}").statusCode()).isEqualTo(400);
    }

    // --- helpers

    Who participant(String name) throws Exception {
        HttpResponse<String> r = admin("/v1/exchange/participants", "POST", "{\"name\":\"" + name + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode p = json.readTree(r.body());
        assertThat(p.get("token").asString()).startsWith("tx_");
        return new Who(p.get("id").asString(), p.get("identity").asString(), p.get("token").asString());
    }

    /** A collection alice writes and reads, bob and carol read, mallory is not in. */
    String collection(String title) throws Exception {
        HttpResponse<String> r = admin("/v1/exchange/collections", "POST", "{\"title\":\"" + title + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        String id = json.readTree(r.body()).get("id").asString();
        member(id, alice, true, true);
        member(id, bob, true, false);
        member(id, carol, true, false);
        return id;
    }

    void member(String collection, Who who, boolean read, boolean write) throws Exception {
        HttpResponse<String> r = admin("/v1/exchange/collections/" + collection + "/members/" + who.id(), "PUT",
                "{\"read\":" + read + ",\"write\":" + write + "}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    HttpResponse<String> admin(String path, String method, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + KEY)
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    static String indicator(String id, String modified, String extra) {
        return "{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"" + id + "\",\"created\":\"2026-01-01T00:00:00.000Z\","
                + "\"modified\":\"" + modified + "\",\"name\":\"banked deepfake\",\"pattern_type\":\"stix\","
                + "\"pattern\":\"[file:hashes.'SHA-256' = 'aa']\",\"valid_from\":\"2026-01-01T00:00:00Z\"" + extra + "}";
    }

    static String marking(String ref) {
        return ",\"object_marking_refs\":[\"" + ref + "\"]";
    }

    List<String> ids(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        JsonNode objects = json.readTree(r.body()).get("objects");
        if (objects != null) {
            objects.forEach(o -> out.add(o.get("id").asString()));
        }
        return out;
    }

    List<String> modifieds(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        json.readTree(r.body()).get("objects").forEach(o -> out.add(o.get("modified").asString()));
        return out;
    }

    JsonNode find(JsonNode collections, String id) {
        for (JsonNode c : collections) {
            if (c.get("id").asString().equals(id)) {
                return c;
            }
        }
        return null;
    }

    /** A TAXII error message with the right status, the TAXII media type, and no trace of Java in it. */
    void assertTaxiiError(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).isEqualTo(TAXII);
        JsonNode e = json.readTree(r.body());
        assertThat(e.get("title").asString()).isNotBlank();
        assertThat(e.get("description").asString()).isNotBlank();
        assertThat(e.get("http_status").asString()).isEqualTo(Integer.toString(status));
        assertThat(r.body()).doesNotContain("Exception", "at io.", "at org.", "trace");
    }

    HttpRequest.Builder req(String path, Who who) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + who.token()).header("Accept", TAXII);
    }

    HttpResponse<String> get(String path, Who who) throws Exception {
        return send(req(path, who).GET());
    }

    HttpResponse<String> post(String path, Who who, String body) throws Exception {
        return send(req(path, who).header("Content-Type", TAXII).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
