package io.assay.stream;

import io.assay.core.media.AssetLimits;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How one stream instance runs. Every instance of a cluster shares the application id and the topics; each has its
 * own state directory.
 *
 * @param bootstrap          Kafka bootstrap servers, {@code host:port[,host:port]}
 * @param applicationId      the Kafka Streams application id (consumer group, prefix of internal topics)
 * @param instanceId         this instance's name in verdicts and metrics
 * @param topics             topic names
 * @param stateDir           where Kafka Streams keeps local state
 * @param threads            stream threads (each scans one upload at a time; analyzers run in parallel inside)
 * @param mediaRoot          the folder {@code path} references are resolved under, or null to refuse them
 * @param limits             asset limits (bytes, pixels)
 * @param retroHuntRetention how long an upload's hash stays searchable by retro-hunts
 * @param retroHuntInterval  how often each task looks for new signals to hunt
 * @param coShareWindow      two shares of one object by two accounts within this time form a co-share pair
 * @param kafka              extra Kafka Streams / client properties (override the defaults)
 */
public record StreamConfig(String bootstrap, String applicationId, String instanceId, Topics topics, Path stateDir,
                           int threads, Path mediaRoot, AssetLimits limits, Duration retroHuntRetention,
                           Duration retroHuntInterval, Duration coShareWindow, Map<String, String> kafka) {

    /** Topic names; defaults are {@code assay.uploads}, {@code assay.verdicts} and so on. */
    public record Topics(String uploads, String verdicts, String signals, String deadLetters, String retroHunts,
                         String shares, String coShares) {

        public static final Topics DEFAULT = new Topics("assay.uploads", "assay.verdicts", "assay.signals",
                "assay.dead-letters", "assay.retro-hunts", "assay.shares-by-object", "assay.co-shares");

        public Topics {
            for (String t : new String[]{uploads, verdicts, signals, deadLetters, retroHunts, shares, coShares}) {
                Objects.requireNonNull(t, "topic");
            }
        }

        public Topics withUploads(String t) {
            return new Topics(t, verdicts, signals, deadLetters, retroHunts, shares, coShares);
        }

        public Topics withVerdicts(String t) {
            return new Topics(uploads, t, signals, deadLetters, retroHunts, shares, coShares);
        }

        public Topics withSignals(String t) {
            return new Topics(uploads, verdicts, t, deadLetters, retroHunts, shares, coShares);
        }
    }

    public StreamConfig {
        Objects.requireNonNull(bootstrap, "bootstrap");
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(limits, "limits");
        if (bootstrap.isBlank()) {
            throw new IllegalArgumentException("a bootstrap server (host:port) is required");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        instanceId = instanceId == null || instanceId.isBlank() ? defaultInstanceId() : instanceId;
        retroHuntRetention = retroHuntRetention == null ? Duration.ofHours(24) : retroHuntRetention;
        retroHuntInterval = retroHuntInterval == null ? Duration.ofMillis(500) : retroHuntInterval;
        coShareWindow = coShareWindow == null ? Duration.ofMinutes(1) : coShareWindow;
        kafka = kafka == null ? Map.of() : Map.copyOf(kafka);
    }

    /** A configuration with the defaults: default topics, one thread, a 64 MiB inline limit, no media root. */
    public static StreamConfig of(String bootstrap, String applicationId, Path stateDir) {
        return new StreamConfig(bootstrap, applicationId, null, Topics.DEFAULT, stateDir, 1, null,
                AssetLimits.DEFAULT.withMaxBytes(64L * 1024 * 1024), null, null, null, Map.of());
    }

    public StreamConfig withInstanceId(String id) {
        return new StreamConfig(bootstrap, applicationId, id, topics, stateDir, threads, mediaRoot, limits,
                retroHuntRetention, retroHuntInterval, coShareWindow, kafka);
    }

    public StreamConfig withThreads(int n) {
        return new StreamConfig(bootstrap, applicationId, instanceId, topics, stateDir, n, mediaRoot, limits,
                retroHuntRetention, retroHuntInterval, coShareWindow, kafka);
    }

    public StreamConfig withTopics(Topics t) {
        return new StreamConfig(bootstrap, applicationId, instanceId, t, stateDir, threads, mediaRoot, limits,
                retroHuntRetention, retroHuntInterval, coShareWindow, kafka);
    }

    public StreamConfig withMediaRoot(Path root) {
        return new StreamConfig(bootstrap, applicationId, instanceId, topics, stateDir, threads, root, limits,
                retroHuntRetention, retroHuntInterval, coShareWindow, kafka);
    }

    public StreamConfig withKafka(Map<String, String> props) {
        return new StreamConfig(bootstrap, applicationId, instanceId, topics, stateDir, threads, mediaRoot, limits,
                retroHuntRetention, retroHuntInterval, coShareWindow, props);
    }

    private static String defaultInstanceId() {
        String host = System.getenv("HOSTNAME");
        return (host == null || host.isBlank() ? "assay" : host) + "-" + ProcessHandle.current().pid();
    }
}
