package io.assay.stream;

import com.sun.net.httpserver.HttpServer;
import io.assay.core.analyzer.AnalyzerSettings;
import io.assay.core.policy.PolicyConfig;
import io.assay.core.scan.ScanPipeline;
import io.assay.hash.bank.SignalBank;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;

/**
 * One Assay stream instance: the scan pipeline as a Kafka Streams application. Start as many instances (same
 * application id, same topics) as the input topic has partitions to spread the work; each holds the whole bank
 * (the signals topic is read in full as a global store) and its share of the uploads.
 *
 * <pre>{@code
 * StreamConfig config = StreamConfig.of("kafka-1:9092", "assay", Path.of("/var/lib/assay-stream"));
 * try (AssayStream stream = new AssayStream(config, AnalyzerSettings.NONE, PolicyLoader.defaults(), Duration.ofSeconds(10))) {
 *     stream.start();
 *     stream.serveHttp(9464);   // GET /metrics (Prometheus), /health, /ready
 *     stream.awaitShutdown();
 * }
 * }</pre>
 *
 * Topology: uploads -> scan (verdicts | dead letters | shares by object; recent-uploads store) ; retro-hunt
 * punctuation -> retro hunts ; shares by object -> co-share windows -> co-shares ; signals (global) -> bank.
 */
public final class AssayStream implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AssayStream.class);
    static final String SIGNAL_STORE = "signals";

    private final StreamConfig config;
    private final SignalBank bank = new SignalBank();
    private final SignalFeed feed = new SignalFeed(100_000);
    private final ScanPipeline pipeline;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final StreamMetrics metrics = new StreamMetrics(registry);
    private final JsonMapper json = json();
    private final KafkaStreams streams;
    private KafkaStreamsMetrics kafkaMetrics;
    private HttpServer http;
    private volatile String failure;

    public AssayStream(StreamConfig config, AnalyzerSettings settings, PolicyConfig policy, Duration analyzerTimeout) {
        this.config = config;
        this.pipeline = StreamPipelines.create(settings, policy, analyzerTimeout, config.limits(), bank);
        registry.gauge("assay.stream.retro.hunt.fell.behind", feed, f -> f.skipped());
        this.streams = new KafkaStreams(topology(), properties());
        streams.setUncaughtExceptionHandler(e -> {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof org.apache.kafka.streams.errors.MissingSourceTopicException) {
                    // no replacement thread can fix it: stop with the reason (create the topics first)
                    failure = "a topic is missing (" + StreamErrors.describe(t)
                            + "); create the topics first (assay stream --create-topics PARTITIONS)";
                    log.error("Stopping: {}", failure);
                    return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
                }
            }
            log.error("A stream thread failed and is replaced: {}", StreamErrors.describe(e));
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    }

    static JsonMapper json() {
        return JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    Topology topology() {
        StreamConfig.Topics t = config.topics();
        MediaLoader media = new MediaLoader(config.mediaRoot(), config.limits());
        Topology topo = new Topology();
        topo.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(SIGNAL_STORE), Serdes.String(), Serdes.ByteArray())
                        .withLoggingDisabled(),
                "signals-source", new StringDeserializer(), new ByteArrayDeserializer(), t.signals(),
                "signals-to-bank", () -> new SignalsProcessor(SIGNAL_STORE, bank, feed, metrics, json));

        topo.addSource("uploads", new StringDeserializer(), new ByteArrayDeserializer(), t.uploads());
        topo.addProcessor("scan", () -> new ScanProcessor(pipeline, bank, feed, media, metrics, json, config), "uploads");
        topo.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ScanProcessor.RECENT_STORE),
                Serdes.String(), Serdes.String()), "scan");
        topo.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ScanProcessor.CURSOR_STORE),
                Serdes.String(), Serdes.Long()), "scan");
        topo.addSink(ScanProcessor.VERDICTS, t.verdicts(), new StringSerializer(), new ByteArraySerializer(), "scan");
        topo.addSink(ScanProcessor.DEAD_LETTERS, t.deadLetters(), new StringSerializer(), new ByteArraySerializer(), "scan");
        topo.addSink(ScanProcessor.RETRO_HUNTS, t.retroHunts(), new StringSerializer(), new ByteArraySerializer(), "scan");
        topo.addSink(ScanProcessor.SHARES, t.shares(), new StringSerializer(), new ByteArraySerializer(), "scan");

        topo.addSource("shares-by-object", new StringDeserializer(), new ByteArrayDeserializer(), t.shares());
        topo.addProcessor("co-share", () -> new CoShareProcessor(config.coShareWindow(), json), "shares-by-object");
        topo.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CoShareProcessor.WINDOW_STORE),
                Serdes.String(), Serdes.ByteArray()), "co-share");
        topo.addSink(CoShareProcessor.CO_SHARES, t.coShares(), new StringSerializer(), new ByteArraySerializer(), "co-share");
        return topo;
    }

    private Properties properties() {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrap());
        p.put(StreamsConfig.CLIENT_ID_CONFIG, config.applicationId() + "-" + config.instanceId());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.threads());
        p.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toAbsolutePath().toString());
        // a scan takes milliseconds, at worst the analyzer budget (10 s): 20 records per poll stay within the
        // 5-minute poll interval even when every analyzer times out
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), 20);
        // the retro-hunt reads the signals topic and verdicts are read by platforms: only committed data
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.ISOLATION_LEVEL_CONFIG), "read_committed");
        for (Map.Entry<String, String> e : config.kafka().entrySet()) {
            p.put(e.getKey(), e.getValue());
        }
        return p;
    }

    /** Starts processing (returns at once; the instance joins the group and restores its state in the background). */
    public void start() {
        kafkaMetrics = new KafkaStreamsMetrics(streams);
        kafkaMetrics.bindTo(registry);
        try {
            streams.start();
        } catch (org.apache.kafka.streams.errors.StreamsException e) {
            // the global store reads the signals topic at start: a missing topic fails here, not in a thread
            throw new IllegalStateException("a topic is missing or unreadable (" + StreamErrors.describe(e)
                    + "); create the topics first (assay stream --create-topics PARTITIONS)", e);
        }
        log.info("Assay stream instance '{}' started: {} -> {} (signals {}), application '{}', {} thread(s)",
                config.instanceId(), config.topics().uploads(), config.topics().verdicts(), config.topics().signals(),
                config.applicationId(), config.threads());
    }

    /** Serves {@code GET /metrics} (Prometheus text), {@code /health} (alive) and {@code /ready} (processing). */
    public int serveHttp(int port) throws IOException {
        http = HttpServer.create(new InetSocketAddress(port), 16);
        http.setExecutor(Executors.newSingleThreadExecutor(r -> {
            Thread th = new Thread(r, "assay-stream-http");
            th.setDaemon(true);
            return th;
        }));
        http.createContext("/metrics", ex -> {
            byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
            send(ex, 200, body);
        });
        http.createContext("/health", ex -> health(ex, alive()));
        http.createContext("/ready", ex -> health(ex, state() == KafkaStreams.State.RUNNING));
        http.start();
        return http.getAddress().getPort();
    }

    private void health(com.sun.net.httpserver.HttpExchange ex, boolean ok) throws IOException {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("status", ok ? "UP" : "DOWN");
        body.put("state", state().name());
        body.put("instance", config.instanceId());
        body.put("bankEntries", bank.size());
        ex.getResponseHeaders().set("Content-Type", "application/json");
        send(ex, ok ? 200 : 503, json.writeValueAsBytes(body));
    }

    private static void send(com.sun.net.httpserver.HttpExchange ex, int status, byte[] body) throws IOException {
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    /** Whether the instance is alive: starting, rebalancing or running (not failed or stopped). */
    public boolean alive() {
        KafkaStreams.State s = state();
        return s == KafkaStreams.State.CREATED || s == KafkaStreams.State.REBALANCING || s == KafkaStreams.State.RUNNING;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** Why the instance stopped on its own, when it did (a missing topic). */
    public java.util.Optional<String> failure() {
        return java.util.Optional.ofNullable(failure);
    }

    /** The instance's copy of every bank (read-only use: the signals topic is its only writer). */
    public SignalBank bank() {
        return bank;
    }

    public StreamConfig config() {
        return config;
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Blocks until the instance stops (after {@link #close()} from a shutdown hook, or a fatal error). */
    public void awaitShutdown() throws InterruptedException {
        while (true) {
            KafkaStreams.State s = state();
            if (s == KafkaStreams.State.NOT_RUNNING || s == KafkaStreams.State.ERROR) {
                return;
            }
            Thread.sleep(200);
        }
    }

    /** Leaves the group, commits and stops (a clean shutdown: the instance's partitions move to the others). */
    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }

    public void close(Duration timeout) {
        if (http != null) {
            http.stop(0);
        }
        streams.close(new KafkaStreams.CloseOptions().leaveGroup(true).timeout(timeout));
        if (kafkaMetrics != null) {
            kafkaMetrics.close();
        }
        pipeline.close();
        registry.close();
    }
}
