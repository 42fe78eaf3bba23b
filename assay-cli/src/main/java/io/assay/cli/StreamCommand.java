package io.assay.cli;

import io.assay.core.analyzer.AnalyzerSettings;
import io.assay.core.media.AssetLimits;
import io.assay.core.policy.PolicyConfig;
import io.assay.core.policy.PolicyLoader;
import io.assay.stream.AssayStream;
import io.assay.stream.StreamConfig;
import io.assay.stream.StreamTopics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code assay stream --bootstrap HOST:PORT}: one instance of the scan pipeline as a Kafka Streams application.
 * Start more (same application id) to scale out; each reads the whole signals topic into its bank.
 */
@Command(name = "stream", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a stream instance: uploads from a Kafka topic -> verdicts to another (exactly once).",
                "Scale by starting more instances with the same --application-id."})
final class StreamCommand implements Callable<Integer> {

    @Option(names = "--bootstrap", required = true, paramLabel = "HOST:PORT", description = "Kafka bootstrap servers (comma-separated).")
    String bootstrap;

    @Option(names = "--application-id", defaultValue = "assay", description = "Kafka Streams application id, shared by all instances (default: ${DEFAULT-VALUE}).")
    String applicationId;

    @Option(names = "--instance-id", description = "This instance's name in verdicts and metrics (default: host name and process id).")
    String instanceId;

    @Option(names = "--input-topic", defaultValue = "assay.uploads", description = "Upload events (default: ${DEFAULT-VALUE}).")
    String inputTopic;

    @Option(names = "--verdict-topic", defaultValue = "assay.verdicts", description = "Verdicts (default: ${DEFAULT-VALUE}).")
    String verdictTopic;

    @Option(names = "--signals-topic", defaultValue = "assay.signals", description = "Bank entries, compacted (default: ${DEFAULT-VALUE}).")
    String signalsTopic;

    @Option(names = "--topic-prefix", paramLabel = "PREFIX", description = "Name every topic PREFIX.uploads, PREFIX.verdicts, PREFIX.signals, PREFIX.dead-letters, ... (overrides the three above).")
    String topicPrefix;

    @Option(names = "--create-topics", paramLabel = "PARTITIONS", description = "Create missing topics with this many partitions first (signals: 1, compacted).")
    Integer createTopics;

    @Option(names = "--replication", defaultValue = "3", description = "Replication factor for --create-topics (default: ${DEFAULT-VALUE}).")
    short replication;

    @Option(names = "--threads", defaultValue = "1", description = "Stream threads in this instance (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Local state (default: ~/.assay/stream/APPLICATION_ID).")
    Path stateDir;

    @Option(names = "--media-root", paramLabel = "DIR", description = "Folder that upload events may reference files under (\"path\"); without it only inline bytes are accepted.")
    Path mediaRoot;

    @Option(names = "--retro-hunt-hours", defaultValue = "24", description = "How long an upload's hash stays searchable by retro-hunts (default: ${DEFAULT-VALUE}).")
    int retroHuntHours;

    @Option(names = "--co-share-window", paramLabel = "SECONDS", defaultValue = "60", description = "Two accounts sharing one object within this time form a co-share pair (default: ${DEFAULT-VALUE}).")
    int coShareSeconds;

    @Option(names = "--metrics-port", defaultValue = "9464", description = "Port for GET /metrics (Prometheus), /health and /ready; -1 for none (default: ${DEFAULT-VALUE}).")
    int metricsPort;

    @Option(names = "--kafka", paramLabel = "KEY=VALUE", description = "A Kafka Streams or client property (repeatable), e.g. --kafka security.protocol=SSL.")
    Map<String, String> kafka = new LinkedHashMap<>();

    @Option(names = "--policy", paramLabel = "FILE", description = "Label policy YAML (default: the built-in policy).")
    Path policy;

    @Option(names = "--incident-mode", description = "Election incident mode: the policy's stricter actions.")
    boolean incidentMode;

    @Option(names = "--max-bytes", paramLabel = "N", defaultValue = "16777216", description = "Largest upload accepted (default: ${DEFAULT-VALUE}).")
    long maxBytes;

    @Option(names = "--max-pixels", paramLabel = "N", defaultValue = "200000000", description = "Largest image accepted, in pixels (default: ${DEFAULT-VALUE}).")
    long maxPixels;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10", description = "Analyzer time budget per upload (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--analyzer-setting", paramLabel = "KEY=VALUE", description = "An analyzer setting (repeatable).")
    Map<String, String> analyzerSettings = new LinkedHashMap<>();

    @Option(names = "--models", paramLabel = "DIR", description = "A folder of deepfake-detector models (same as --analyzer-setting detect.models-dir=DIR).")
    Path models;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        quietKafkaLogs();
        PrintWriter out = spec.commandLine().getOut();
        PolicyConfig config = policy != null ? PolicyLoader.load(policy) : PolicyLoader.defaults();
        if (incidentMode) {
            config = config.withIncidentMode(true);
        }
        Map<String, String> settings = new LinkedHashMap<>(analyzerSettings);
        if (models != null) {
            settings.putIfAbsent("detect.models-dir", models.toString());
        }
        if (settings.containsKey("known-deepfake.bank")) {
            throw new IllegalArgumentException("a stream instance's banks come from the signals topic, not known-deepfake.bank");
        }
        if (retroHuntHours < 1 || coShareSeconds < 1) {
            throw new IllegalArgumentException("--retro-hunt-hours and --co-share-window must be at least 1");
        }
        if (mediaRoot != null && !Files.isDirectory(mediaRoot)) {
            throw new IllegalArgumentException("--media-root " + mediaRoot + " is not a folder");
        }
        StreamConfig.Topics topics = topicPrefix != null ? prefixed(topicPrefix)
                : StreamConfig.Topics.DEFAULT.withUploads(inputTopic).withVerdicts(verdictTopic).withSignals(signalsTopic);
        Path state = stateDir != null ? stateDir : Path.of(System.getProperty("user.home"), ".assay", "stream", applicationId);
        StreamConfig sc = new StreamConfig(bootstrap, applicationId, instanceId, topics, state, threads, mediaRoot,
                new AssetLimits(maxBytes, maxPixels), Duration.ofHours(retroHuntHours), null,
                Duration.ofSeconds(coShareSeconds), kafka);
        if (createTopics != null) {
            List<String> made = StreamTopics.ensure(bootstrap, topics, createTopics, replication);
            out.println(made.isEmpty() ? "Topics already exist." : "Created topics: " + String.join(", ", made));
        } else {
            List<String> missing = StreamTopics.missing(bootstrap, topics, Duration.ofSeconds(15));
            if (!missing.isEmpty()) {
                throw new IllegalStateException("missing topics: " + String.join(", ", missing)
                        + "; create them (assay stream --create-topics PARTITIONS)");
            }
        }
        AssayStream stream = new AssayStream(sc, new AnalyzerSettings(settings), config, Duration.ofSeconds(timeoutSeconds));
        Thread hook = new Thread(stream::close, "assay-stream-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        stream.start();
        String http = "";
        if (metricsPort >= 0) {
            int port = stream.serveHttp(metricsPort);
            http = "; metrics on http://localhost:" + port + "/metrics, health on /health and /ready";
        }
        out.println("Assay stream instance '" + sc.instanceId() + "' of '" + applicationId + "': " + topics.uploads()
                + " -> " + topics.verdicts() + " (signals: " + topics.signals() + ")" + http + ". Ctrl-C stops it.");
        out.flush();
        try {
            stream.awaitShutdown();
        } catch (InterruptedException e) {
            // stopped by the embedding program (the shutdown hook covers Ctrl-C and SIGTERM)
            Runtime.getRuntime().removeShutdownHook(hook);
            stream.close();
            return 130;
        }
        if (stream.failure().isPresent() || stream.state() == org.apache.kafka.streams.KafkaStreams.State.ERROR) {
            spec.commandLine().getErr().println("assay: the stream stopped: "
                    + stream.failure().orElse("a stream thread failed; see the log above"));
            return 1;
        }
        return 0;
    }

    /** Kafka's clients log every connection and rebalance at INFO: warnings and Assay's own lines only. */
    private static void quietKafkaLogs() {
        if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext ctx) {
            ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.WARN);
            ctx.getLogger("io.assay").setLevel(ch.qos.logback.classic.Level.INFO);
        }
    }

    static StreamConfig.Topics prefixed(String p) {
        return new StreamConfig.Topics(p + ".uploads", p + ".verdicts", p + ".signals", p + ".dead-letters",
                p + ".retro-hunts", p + ".shares-by-object", p + ".co-shares");
    }
}
