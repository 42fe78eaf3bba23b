package io.assay.server.taxii;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The push path of the exchange: a server-sent-event stream per collection that tells each subscribed participant,
 * the moment an object is added, that there is something new for it to fetch, so peers need not wait for their
 * poll interval. An event names the object (id, type, version, date_added) and is sent only to participants who may
 * read that object (TLP:RED: its creator and named recipients); the object itself is still fetched through the
 * authenticated objects endpoint, which keeps one data path (checkpoints, paging, TLP) for poll and push alike.
 * A comment line every {@link #HEARTBEAT} lets both ends notice a dead connection.
 */
@Component
public class ObjectEvents implements AutoCloseable {

    public static final Duration HEARTBEAT = Duration.ofSeconds(15);
    /** How long one stream stays open before the client reconnects (bounds what a forgotten client holds). */
    static final Duration STREAM_LIFETIME = Duration.ofMinutes(10);
    static final int MAX_STREAMS_PER_PARTICIPANT = 8;

    private static final Logger log = LoggerFactory.getLogger(ObjectEvents.class);

    private record Subscription(UUID collection, Participant reader, SseEmitter emitter) {
    }

    private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();
    private final JsonMapper json;
    // Sends never run on the thread that added the object: a slow subscriber must not hold up a POST.
    private final ExecutorService senders = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("assay-taxii-event-", 0).factory());
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "assay-taxii-heartbeat");
        t.setDaemon(true);
        return t;
    });

    public ObjectEvents(JsonMapper json) {
        this.json = json;
        heartbeat.scheduleAtFixedRate(this::beat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Opens a stream of the collection's additions for a participant who may read it. */
    public SseEmitter subscribe(UUID collection, Participant reader) {
        long open = subscriptions.stream().filter(s -> s.reader().id().equals(reader.id())).count();
        if (open >= MAX_STREAMS_PER_PARTICIPANT) {
            throw new TaxiiException(429, "Too many streams", "too-many-streams", "this participant already has "
                    + open + " open event streams; close one first");
        }
        SseEmitter emitter = new SseEmitter(STREAM_LIFETIME.toMillis());
        Subscription s = new Subscription(collection, reader, emitter);
        subscriptions.add(s);
        emitter.onCompletion(() -> subscriptions.remove(s));
        emitter.onTimeout(() -> subscriptions.remove(s));
        emitter.onError(e -> subscriptions.remove(s));
        // A first event at once: the client knows the stream is live and fetches what it missed while disconnected.
        send(s, SseEmitter.event().name("ready").data("{}"));
        return emitter;
    }

    /** Tells the collection's subscribers who may read {@code o} that it was added. */
    public void added(UUID collection, StixObject o, Instant dateAdded) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", o.id());
        data.put("type", o.type());
        data.put("version", TaxiiTime.format(o.version()));
        data.put("date_added", TaxiiTime.format(dateAdded));
        String text = json.writeValueAsString(data);
        for (Subscription s : subscriptions) {
            if (s.collection().equals(collection) && mayRead(s.reader(), o)) {
                send(s, SseEmitter.event().name("object-added").id(TaxiiTime.format(dateAdded)).data(text));
            }
        }
    }

    /** The store's TLP:RED rule (a RED object: creator and recipients only); the collection right was checked at subscribe. */
    static boolean mayRead(Participant reader, StixObject o) {
        return Tlp.of(o.markingRefs()) != Tlp.RED || reader.identity().equals(o.createdByRef())
                || o.redRecipients().contains(reader.identity());
    }

    /** Number of open streams (for tests and metrics). */
    public int open() {
        return subscriptions.size();
    }

    private void beat() {
        for (Subscription s : subscriptions) {
            send(s, SseEmitter.event().comment("heartbeat"));
        }
    }

    private void send(Subscription s, SseEmitter.SseEventBuilder event) {
        senders.execute(() -> {
            synchronized (s) {
                try {
                    s.emitter().send(event);
                } catch (IOException | IllegalStateException e) {
                    // the client went away; the container completes the emitter
                    subscriptions.remove(s);
                    log.debug("taxii events: dropped a stream of {}: {}", s.reader().name(), e.getMessage());
                }
            }
        });
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        for (Subscription s : subscriptions) {
            try {
                s.emitter().complete();
            } catch (RuntimeException ignored) {
                // already closed
            }
        }
        subscriptions.clear();
        senders.shutdownNow();
    }
}
