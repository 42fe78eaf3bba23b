package io.assay.server.sync;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Follows one peer's collection event stream ({@code .../collections/{id}/events/}, Assay's push extension) and calls
 * {@code wake} for every event, so the exchange fetches new signals at once instead of at its next poll. The stream
 * only wakes; what is fetched, verified and checkpointed goes through the same poll as ever. Reconnects with
 * back-off (1 s doubling to 1 min) and treats a stream that says nothing, not even a heartbeat, for
 * {@link #SILENCE} as dead. Lines are bounded; events carry no data this class trusts.
 */
final class PeerEventStream implements AutoCloseable {

    static final Duration SILENCE = Duration.ofSeconds(45);
    private static final int MAX_LINE = 8 * 1024;
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(PeerEventStream.class);

    private final ExchangeProperties.Peer peer;
    private final HttpClient http;
    private final Runnable vet;
    private final Runnable wake;
    private final Thread thread;
    private volatile boolean closed;
    private volatile InputStream current;

    /**
     * @param vet  throws (unchecked) when the peer's address may not be contacted; called before each connection
     * @param wake called on every event, including the one a server sends when the stream opens
     */
    PeerEventStream(ExchangeProperties.Peer peer, HttpClient http, Runnable vet, Runnable wake) {
        this.peer = peer;
        this.http = http;
        this.vet = vet;
        this.wake = wake;
        this.thread = Thread.ofVirtual().name("assay-exchange-events-" + peer.name()).unstarted(this::run);
    }

    /** The events URL of a collection whose objects URL is {@code objects}. */
    static URI eventsUrl(URI objects) {
        String s = objects.toString();
        int q = s.indexOf('?');
        String base = q >= 0 ? s.substring(0, q) : s;
        base = base.endsWith("/") ? base : base + "/";
        if (!base.endsWith("/objects/")) {
            throw new IllegalArgumentException("a peer URL ends in /objects/: " + objects);
        }
        return URI.create(base.substring(0, base.length() - "objects/".length()) + "events/");
    }

    PeerEventStream start() {
        thread.start();
        return this;
    }

    private void run() {
        Duration backoff = Duration.ofSeconds(1);
        while (!closed) {
            try {
                vet.run();
                follow();
                // the server ended a healthy stream (its lifetime is bounded): reconnect, after a breath
                backoff = Duration.ofSeconds(1);
                Thread.sleep(200);
            } catch (Exception e) {
                if (closed) {
                    return;
                }
                log.info("exchange: event stream of {} interrupted ({}); reconnecting in {} s", peer.name(),
                        e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName(), backoff.toSeconds());
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException ie) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private void follow() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(eventsUrl(peer.url())).timeout(Duration.ofSeconds(10))
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + peer.token()).GET().build();
        HttpResponse<InputStream> r = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = r.body()) {
            if (r.statusCode() != 200) {
                throw new IOException("HTTP " + r.statusCode());
            }
            current = in;
            AtomicLong lastHeard = new AtomicLong(System.nanoTime());
            Thread watchdog = Thread.ofVirtual().start(() -> watch(in, lastHeard));
            try {
                StringBuilder line = new StringBuilder();
                boolean data = false;
                int b;
                while ((b = in.read()) >= 0) {
                    lastHeard.set(System.nanoTime());
                    if (b == '\n') {
                        if (line.isEmpty()) { // a blank line ends an event
                            if (data) {
                                wake.run();
                            }
                            data = false;
                        } else if (line.indexOf("data:") == 0) {
                            data = true;
                        }
                        line.setLength(0);
                    } else if (b != '\r') {
                        if (line.length() >= MAX_LINE) {
                            throw new IOException("event line over " + MAX_LINE + " bytes");
                        }
                        line.append((char) b);
                    }
                }
            } finally {
                watchdog.interrupt();
                current = null;
            }
        }
    }

    /** Closes a stream that has been silent for longer than {@link #SILENCE}: the read then fails and we reconnect. */
    private void watch(InputStream in, AtomicLong lastHeard) {
        try {
            while (true) {
                Thread.sleep(1000);
                if (System.nanoTime() - lastHeard.get() > SILENCE.toNanos()) {
                    log.info("exchange: event stream of {} silent for {} s; reconnecting", peer.name(), SILENCE.toSeconds());
                    in.close();
                    return;
                }
            }
        } catch (InterruptedException | IOException e) {
            // stream over
        }
    }

    @Override
    public void close() {
        closed = true;
        InputStream in = current;
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        thread.interrupt();
    }
}
