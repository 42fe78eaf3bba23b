package io.assay.server.sync;

import io.assay.c2pa.remote.AddressPolicy;
import io.assay.exchange.json.StixJson;
import io.assay.exchange.provenance.ObjectVerifier;
import io.assay.exchange.stix.Indicator;
import io.assay.exchange.stix.MediaSignal;
import io.assay.exchange.stix.StixCodec;
import io.assay.exchange.stix.StixObject;
import io.assay.exchange.stix.StixSignals;
import io.assay.hash.SignalType;
import io.assay.server.bank.BankRepository;
import io.assay.server.bank.BankService;
import io.assay.server.bank.EntryRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Polls peers' TAXII 2.1 collections for signals (indicators, and notes carrying their debunks) and writes them into
 * local banks, where the next scan matches them
 * and a retro-hunt looks for copies already accepted. Each indicator must carry a valid signature by a registered
 * participant (the key by {@code kid}, its owner the object's creator); a forged or altered one is refused and
 * logged. A revoked indicator retracts its entries. A peer with {@code push} also has its collection's event stream
 * followed, and every event triggers a poll at once, so propagation does not wait for the interval. The position ({@code added_after}) is kept per peer in the
 * database, so a restart neither loses nor repeats signals; a failing peer is retried with exponential back-off.
 */
@Service
public class ExchangeSync implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ExchangeSync.class);
    private static final String TAXII = "application/taxii+json;version=2.1";
    private static final int MAX_BODY = 16 * 1024 * 1024;
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    private final ExchangeProperties props;
    private final CheckpointRepository checkpoints;
    private final BankService banks;
    private final BankRepository bankRepository;
    private final ObjectVerifier verifier;
    private final io.assay.server.debunk.DebunkRepository debunks;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final ScheduledExecutorService pollers;
    /** The current back-off per failing peer; removed after a successful poll. */
    private final java.util.Map<String, Duration> failures = new java.util.concurrent.ConcurrentHashMap<>();
    /** Per peer: a poll asked for by the event stream is already queued (wake-ups coalesce into one poll). */
    private final java.util.Map<String, java.util.concurrent.atomic.AtomicBoolean> wakePending =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final List<PeerEventStream> streams = new ArrayList<>();

    public ExchangeSync(ExchangeProperties props, CheckpointRepository checkpoints, BankService banks,
                        BankRepository bankRepository, ExchangeKeys keys,
                        io.assay.server.debunk.DebunkRepository debunks) {
        this.debunks = debunks;
        this.props = props;
        this.checkpoints = checkpoints;
        this.banks = banks;
        this.bankRepository = bankRepository;
        this.verifier = keys.verifier();
        this.pollers = Executors.newScheduledThreadPool(Math.max(1, Math.min(4, props.peers().size())), r -> {
            Thread t = new Thread(r, "assay-exchange-poll");
            t.setDaemon(true);
            return t;
        });
        for (ExchangeProperties.Peer peer : props.peers()) {
            schedule(peer, Duration.ofMillis(200));
            if (peer.push()) {
                streams.add(new PeerEventStream(peer, http, () -> vetUnchecked(peer), () -> wake(peer)).start());
            }
        }
        if (!props.peers().isEmpty()) {
            log.info("exchange: polling {}", props.peers().stream().map(ExchangeProperties.Peer::name).toList());
        }
    }

    /** What one poll did. */
    public record PollResult(int accepted, int rejected, int revoked, int pages) {
    }

    private void schedule(ExchangeProperties.Peer peer, Duration delay) {
        pollers.schedule(() -> {
            Duration next = peer.interval();
            try {
                poll(peer);
            } catch (Exception e) {
                next = backoff(peer);
                log.warn("exchange: polling {} failed ({}); next try in {} s", peer.name(), e.getMessage(),
                        next.toSeconds());
            }
            if (!pollers.isShutdown()) {
                schedule(peer, next);
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Polls the peer now (once, however many events arrive while that poll waits), after an event said it has news. */
    private void wake(ExchangeProperties.Peer peer) {
        java.util.concurrent.atomic.AtomicBoolean pending =
                wakePending.computeIfAbsent(peer.name(), k -> new java.util.concurrent.atomic.AtomicBoolean());
        if (!pending.compareAndSet(false, true) || pollers.isShutdown()) {
            return;
        }
        try {
            pollers.execute(() -> {
                pending.set(false);
                try {
                    poll(peer);
                } catch (Exception e) {
                    log.warn("exchange: polling {} after an event failed ({}); the scheduled poll retries", peer.name(),
                            e.getMessage());
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            pending.set(false); // shutting down
        }
    }

    private static void vetUnchecked(ExchangeProperties.Peer peer) {
        try {
            vet(peer);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The next delay after a failure: the last one doubled (the interval doubled the first time), at most 5 min. */
    private Duration backoff(ExchangeProperties.Peer peer) {
        return failures.merge(peer.name(), min(peer.interval().multipliedBy(2)), (old, x) -> min(old.multipliedBy(2)));
    }

    private static Duration min(Duration d) {
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }

    /** Fetches everything the peer added since the checkpoint, page by page, and banks it. */
    public synchronized PollResult poll(ExchangeProperties.Peer peer) throws IOException, InterruptedException {
        vet(peer);
        ensureBank(peer.bank());
        int accepted = 0;
        int rejected = 0;
        int revoked = 0;
        int pages = 0;
        String next = null;
        do {
            Optional<String> after = checkpoints.addedAfter(peer.name());
            StringBuilder q = new StringBuilder("?match%5Btype%5D=indicator,note&limit=500");
            after.ifPresent(a -> q.append("&added_after=").append(URLEncoder.encode(a, StandardCharsets.UTF_8)));
            if (next != null) {
                q.append("&next=").append(URLEncoder.encode(next, StandardCharsets.UTF_8));
            }
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(peer.url().resolve(q.toString()))
                    .timeout(Duration.ofSeconds(20)).header("Accept", TAXII)
                    .header("Authorization", "Bearer " + peer.token()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IOException("HTTP " + r.statusCode() + " from " + peer.url());
            }
            if (r.body().length > MAX_BODY) {
                throw new IOException("response over " + MAX_BODY + " bytes");
            }
            pages++;
            JsonNode envelope = StixJson.mapper().readTree(r.body());
            for (JsonNode o : envelope.path("objects")) {
                switch (accept(peer, o)) {
                    case ACCEPTED -> accepted++;
                    case REJECTED -> rejected++;
                    case REVOKED -> revoked++;
                    case KNOWN -> { }
                }
            }
            Optional<String> last = r.headers().firstValue("X-TAXII-Date-Added-Last");
            if (last.isPresent()) {
                checkpoints.save(peer.name(), last.get()); // only after the page's signals are banked
            }
            next = envelope.path("more").asBoolean(false) ? envelope.path("next").asString(null) : null;
        } while (next != null);
        failures.remove(peer.name());
        if (accepted + rejected + revoked > 0) {
            log.info("exchange: {}: {} signal(s) banked, {} revoked, {} refused", peer.name(), accepted, revoked, rejected);
        }
        return new PollResult(accepted, rejected, revoked, pages);
    }

    private enum Outcome { ACCEPTED, REJECTED, REVOKED, KNOWN }

    private Outcome accept(ExchangeProperties.Peer peer, JsonNode node) {
        String id = node.path("id").asString("(no id)");
        if (!(node instanceof ObjectNode object)) {
            return reject(peer, id, "not a JSON object");
        }
        var verification = verifier.verify(object);
        if (!verification.valid()) {
            return reject(peer, id, "signature: " + verification.reason());
        }
        StixObject parsed;
        try {
            parsed = StixCodec.read(object);
        } catch (RuntimeException e) {
            return reject(peer, id, "not a STIX object: " + e.getMessage());
        }
        if (parsed instanceof io.assay.exchange.stix.Note note) {
            // a debunk (ClaimReview) of a signal: kept for the signal's timeline, newest version wins
            io.assay.server.debunk.Debunks.received(note, "exchange:" + peer.name())
                    .ifPresent(d -> debunks.save(d, java.time.Instant.now()));
            return Outcome.KNOWN;
        }
        if (!(parsed instanceof Indicator indicator)) {
            return Outcome.KNOWN;
        }
        List<EntryRecord> existing = bankRepository.entriesOfSignal(id).stream()
                .filter(e -> e.bank().equals(peer.bank())).toList();
        if (Boolean.TRUE.equals(indicator.common().revoked())) {
            int n = 0;
            for (EntryRecord e : existing) {
                if (e.retractedAt() == null) {
                    banks.retract(peer.bank(), e.id(), "revoked by " + indicator.common().createdByRef(), null);
                    n++;
                }
            }
            return n > 0 ? Outcome.REVOKED : Outcome.KNOWN;
        }
        if (!existing.isEmpty()) {
            return Outcome.KNOWN;
        }
        List<BankService.SignalInput> inputs = new ArrayList<>();
        for (MediaSignal s : StixSignals.signals(indicator)) {
            try {
                SignalType.parse(s.type());
                inputs.add(new BankService.SignalInput(s.type(), s.value(), s.quality()));
            } catch (IllegalArgumentException e) {
                // SHA-256/MD5 and foreign hash types are kept in the object, not banked
            }
        }
        if (inputs.isEmpty()) {
            return reject(peer, id, "no perceptual hash this node can match");
        }
        JsonNode ext = object.path("extensions").path(io.assay.exchange.stix.AssayExtension.ID);
        String debunk = null;
        for (JsonNode ref : object.path("external_references")) {
            if ("debunk".equals(ref.path("source_name").asString(null))) {
                debunk = ref.path("url").asString(null);
            }
        }
        BankRepository.EntryFields fields = new BankRepository.EntryFields(ext.path("media_label").asString(null),
                indicator.description(), debunk, ext.path("election").asString(null),
                ext.path("candidate").asString(null), "exchange:" + peer.name(), null, id);
        try {
            banks.addSignals(peer.bank(), inputs, fields, null);
        } catch (RuntimeException e) {
            return reject(peer, id, "cannot bank: " + e.getMessage());
        }
        return Outcome.ACCEPTED;
    }

    private Outcome reject(ExchangeProperties.Peer peer, String id, String reason) {
        log.warn("exchange: {} refused {}: {}", peer.name(), id, reason);
        checkpoints.rejected(peer.name(), id, reason);
        return Outcome.REJECTED;
    }

    private void ensureBank(String name) {
        if (!bankRepository.exists(name)) {
            try {
                banks.create(name, "signals received through the exchange", io.assay.hash.bank.MatchThresholds.DEFAULTS,
                        null);
            } catch (BankService.ConflictException ignored) {
                // created concurrently
            }
        }
    }

    /** Nothing is fetched from a private address unless the peer's configuration allows it. */
    private static void vet(ExchangeProperties.Peer peer) throws IOException {
        URI u = peer.url();
        if (u.getHost() == null || !(u.getScheme().equals("https") || u.getScheme().equals("http"))) {
            throw new IOException("peer URL must be http(s)://host/...: " + u);
        }
        if (peer.allowPrivate()) {
            return;
        }
        for (InetAddress a : InetAddress.getAllByName(u.getHost())) {
            Optional<String> why = AddressPolicy.PUBLIC_ONLY.refusal(a);
            if (why.isPresent()) {
                throw new IOException("peer " + peer.name() + " resolves to " + why.get()
                        + "; set allow-private for a peer on your own network");
            }
        }
    }

    @Override
    public void close() {
        streams.forEach(PeerEventStream::close);
        pollers.shutdownNow();
    }
}
