package io.assay.server.sync;

import io.assay.exchange.provenance.ObjectSigner;
import io.assay.exchange.stix.ClaimReview;
import io.assay.exchange.stix.DeepfakeFlag;
import io.assay.exchange.stix.Indicator;
import io.assay.exchange.stix.MediaSignal;
import io.assay.exchange.stix.Note;
import io.assay.exchange.stix.StixCodec;
import io.assay.exchange.stix.StixSignals;
import io.assay.exchange.stix.Timestamp;
import io.assay.exchange.stix.Tlp;
import io.assay.server.bank.EntryRecord;
import io.assay.server.debunk.DebunkRepository;
import io.assay.server.debunk.Debunks;
import io.assay.server.sighting.SightingService;
import io.assay.server.taxii.Collections;
import io.assay.server.taxii.ObjectEvents;
import io.assay.server.taxii.ObjectStore;
import io.assay.server.taxii.StixObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Publishes what this node banks (in the configured banks) as signed STIX indicators into its own TAXII collection,
 * where peers poll them: one indicator per signal id (the id is the bank entries' {@code signalId}, so timelines
 * line up across nodes), TLP:GREEN, signed by this node's key; when the entry names a debunk, a signed note with
 * the ClaimReview follows it.
 */
@Service
public class ExchangePublisher {

    private static final Logger log = LoggerFactory.getLogger(ExchangePublisher.class);

    private final ExchangeProperties props;
    private final ObjectStore store;
    private final ObjectEvents events;
    private final DebunkRepository debunks;
    private final Optional<ObjectSigner> signer;
    private final Optional<UUID> collection;

    public ExchangePublisher(ExchangeProperties props, ObjectStore store, Collections collections, ExchangeKeys keys,
                             ObjectEvents events, DebunkRepository debunks) {
        this.debunks = debunks;
        this.props = props;
        this.store = store;
        this.events = events;
        if (props.publishing() && keys.signer().isPresent()) {
            this.signer = keys.signer();
            this.collection = Optional.of(collections.all().stream()
                    .filter(c -> c.title().equals(props.publishCollection())).map(Collections.Info::id).findFirst()
                    .orElseGet(() -> collections.create(props.publishCollection(),
                            "Signals published by " + props.identity()).id()));
            log.info("exchange: publishing banks {} into collection {} ({}) as {}", props.publishBanks(),
                    props.publishCollection(), collection.get(), props.identity());
        } else {
            this.signer = Optional.empty();
            this.collection = Optional.empty();
        }
    }

    /** The local collection published into, when publishing is on. */
    public Optional<UUID> collection() {
        return collection;
    }

    /** Publishes newly banked entries of the configured banks; returns the indicator ids written. */
    public List<String> publish(List<EntryRecord> added) {
        if (signer.isEmpty() || added.isEmpty() || !props.publishBanks().contains(added.getFirst().bank())) {
            return List.of();
        }
        Map<String, List<EntryRecord>> bySignal = new LinkedHashMap<>();
        added.forEach(e -> bySignal.computeIfAbsent(e.signalId(), k -> new ArrayList<>()).add(e));
        List<String> out = new ArrayList<>();
        Instant now = Instant.now();
        for (Map.Entry<String, List<EntryRecord>> s : bySignal.entrySet()) {
            EntryRecord first = s.getValue().getFirst();
            List<MediaSignal> signals = s.getValue().stream()
                    .map(e -> new MediaSignal(e.signalType(), e.signal(), e.quality())).toList();
            DeepfakeFlag flag = new DeepfakeFlag(first.label() != null ? first.label() : "debunked media",
                    first.reason(), first.debunkUrl(), first.election(), first.candidate());
            Indicator indicator = StixSignals.edit(StixSignals.indicator(props.identity(), signals, flag, Tlp.GREEN, now),
                    n -> n.put("id", s.getKey()));
            ObjectNode signed = signer.get().sign(StixCodec.write(indicator));
            try {
                if (add(StixObject.read(signed, now), now)) {
                    out.add(s.getKey());
                }
                if (first.debunkUrl() != null) {
                    publishDebunk(s.getKey(), first, now);
                }
            } catch (StixObject.Invalid e) {
                log.warn("exchange: indicator {} not published: {}", s.getKey(), e.getMessage());
            }
        }
        return out;
    }

    /**
     * Publishes the revocation of a signal this node published: a new version of its indicator with
     * {@code revoked: true}, signed again, so peers retract it. Returns whether one was written.
     */
    public boolean revoke(String signalId) {
        if (signer.isEmpty()) {
            return false;
        }
        Optional<String> latest = store.latest(collection.get(), signalId);
        if (latest.isEmpty()) {
            return false;
        }
        ObjectNode node = (ObjectNode) io.assay.exchange.json.StixJson.parse(latest.get());
        if (node.path("revoked").asBoolean(false)) {
            return false;
        }
        node.remove("x_assay_signature");
        node.put("revoked", true);
        Instant now = Instant.now();
        Instant previous = Instant.parse(node.path("modified").asString());
        Instant modified = now.isAfter(previous) ? now : previous.plusMillis(1);
        node.put("modified", io.assay.exchange.stix.Timestamp.of(modified).text());
        ObjectNode signed = signer.get().sign(node);
        try {
            return add(StixObject.read(signed, now), now);
        } catch (StixObject.Invalid e) {
            log.warn("exchange: revocation of {} not published: {}", signalId, e.getMessage());
            return false;
        }
    }

    /**
     * The debunk as a signed STIX note (ClaimReview in Assay's extension: author = who banked it, published = when,
     * url = the debunk, rating = the entry's label, claim = its reason), after the indicator it refers to.
     */
    private void publishDebunk(String signalId, EntryRecord entry, Instant now) throws StixObject.Invalid {
        ClaimReview review = new ClaimReview(entry.addedBy(), Timestamp.of(entry.addedAt() != null ? entry.addedAt() : now),
                entry.debunkUrl(), entry.label(), entry.reason());
        Note note = StixSignals.debunk(props.identity(), List.of(signalId), review, Tlp.GREEN, now);
        ObjectNode signed = signer.get().sign(StixCodec.write(note));
        add(StixObject.read(signed, now), now);
        debunks.save(Debunks.of(note, signalId, review, SightingService.LOCAL), now);
    }

    /** Stores a published object and tells the collection's event subscribers at once. */
    private boolean add(StixObject o, Instant now) {
        java.util.Optional<Instant> added = store.add(collection.get(), o, now);
        added.ifPresent(at -> events.added(collection.get(), o, at));
        return added.isPresent();
    }
}
