package io.assay.server.sync;

import io.assay.exchange.json.StixJson;
import io.assay.exchange.provenance.ObjectSigner;
import io.assay.exchange.provenance.Verification;
import io.assay.exchange.stix.Sighting;
import io.assay.exchange.stix.StixCodec;
import io.assay.exchange.stix.StixSignals;
import io.assay.exchange.stix.Timestamp;
import io.assay.exchange.stix.Tlp;
import io.assay.server.bank.BankRepository;
import io.assay.server.bank.EntryRecord;
import io.assay.server.sighting.SightingRepository;
import io.assay.server.sighting.SightingService;
import io.assay.server.taxii.ObjectStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Sightings across nodes. Outgoing: when this node sees a signal that came from a peer configured with
 * {@code share-sightings}, it posts its aggregated sightings of that signal (one STIX sighting per platform, a new
 * version each time the count changes, signed by this node) to the peer's collection. Incoming: sightings other
 * participants posted into this node's TAXII collections join the signal's timeline once their signature verifies.
 */
@Service
public class SightingExchange implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SightingExchange.class);
    private static final String TAXII = "application/taxii+json;version=2.1";
    /** Where this node saw it, carried beside where_sighted_refs (which names identities, not platforms). */
    static final String PLATFORM = "x_assay_platform";

    private final ExchangeProperties props;
    private final ExchangeKeys keys;
    private final BankRepository banks;
    private final SightingRepository sightings;
    private final ObjectStore store;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final ExecutorService senders = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "assay-exchange-sightings");
        t.setDaemon(true);
        return t;
    });

    public SightingExchange(ExchangeProperties props, ExchangeKeys keys, BankRepository banks,
                            SightingRepository sightings, ObjectStore store) {
        this.props = props;
        this.keys = keys;
        this.banks = banks;
        this.sightings = sightings;
        this.store = store;
    }

    @EventListener
    public void onSighting(SightingService.SightingRecorded event) {
        if (keys.signer().isEmpty() || props.peers().stream().noneMatch(ExchangeProperties.Peer::shareSightings)) {
            return;
        }
        senders.submit(() -> share(event.signalId()));
    }

    private void share(String signalId) {
        List<EntryRecord> entries = banks.entriesOfSignal(signalId);
        for (ExchangeProperties.Peer peer : props.peers()) {
            if (!peer.shareSightings() || entries.stream().noneMatch(e -> e.bank().equals(peer.bank()))) {
                continue;
            }
            List<ObjectNode> objects = new ArrayList<>();
            for (SightingRepository.Sighting s : sightings.timeline(signalId)) {
                if (s.observer().equals(SightingService.LOCAL)) {
                    objects.add(sighting(keys.signer().get(), signalId, s));
                }
            }
            if (objects.isEmpty()) {
                continue;
            }
            ObjectNode envelope = StixJson.newObject();
            envelope.putArray("objects").addAll(objects);
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(peer.url()).timeout(Duration.ofSeconds(20))
                        .header("Accept", TAXII).header("Content-Type", TAXII)
                        .header("Authorization", "Bearer " + peer.token())
                        .POST(HttpRequest.BodyPublishers.ofString(envelope.toString())).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 202) {
                    log.warn("exchange: sightings of {} not accepted by {}: HTTP {}", signalId, peer.name(), r.statusCode());
                }
            } catch (Exception e) {
                log.warn("exchange: sharing sightings of {} with {} failed: {}", signalId, peer.name(), e.getMessage());
            }
        }
    }

    /** One signed sighting per (signal, this node, platform): a stable id, so each update is a new version. */
    private ObjectNode sighting(ObjectSigner signer, String signalId, SightingRepository.Sighting s) {
        Instant now = Instant.now();
        Sighting base = StixSignals.sighting(props.identity(), signalId, props.identity(), s.firstSeen(), s.lastSeen(),
                (int) Math.min(Integer.MAX_VALUE, s.count()), null, Tlp.GREEN, now);
        String id = "sighting--" + stableUuid(signalId + "|" + props.identity() + "|" + s.platform());
        Instant created = s.firstSeen().isBefore(now) ? s.firstSeen() : now;
        ObjectNode node = StixCodec.write(base);
        node.put("id", id);
        node.put("created", Timestamp.of(created).text());
        node.put("modified", Timestamp.of(now).text());
        if (s.platform() != null) {
            node.put(PLATFORM, s.platform());
        }
        return signer.sign(node);
    }

    /** Sightings of the signal that other participants posted here, as timeline rows (verified ones only). */
    public List<SightingRepository.Sighting> received(String signalId) {
        List<SightingRepository.Sighting> out = new ArrayList<>();
        for (String json : store.sightingsOf(signalId)) {
            JsonNode node = StixJson.parse(json);
            if (!(node instanceof ObjectNode object)) {
                continue;
            }
            Verification v = keys.verifier().verify(object);
            if (!v.valid()) {
                continue; // stored by the TAXII server, but not trusted for the timeline
            }
            try {
                out.add(new SightingRepository.Sighting(object.path("created_by_ref").asString(),
                        object.path(PLATFORM).asString(null), Instant.parse(object.path("first_seen").asString()),
                        Instant.parse(object.path("last_seen").asString()), object.path("count").asLong(),
                        List.of("exchange")));
            } catch (RuntimeException e) {
                // a sighting without a time window is not a timeline row
            }
        }
        return out;
    }

    static UUID stableUuid(String name) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            h[6] = (byte) ((h[6] & 0x0F) | 0x40); // version 4 layout, as STIX asks of SDO/SRO ids
            h[8] = (byte) ((h[8] & 0x3F) | 0x80);
            long msb = 0;
            long lsb = 0;
            for (int i = 0; i < 8; i++) {
                msb = (msb << 8) | (h[i] & 0xFF);
                lsb = (lsb << 8) | (h[8 + i] & 0xFF);
            }
            return new UUID(msb, lsb);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        senders.shutdownNow();
    }
}
