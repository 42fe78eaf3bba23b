package io.assay.stream;

import io.assay.core.analyzer.AnalyzerSettings;
import io.assay.core.policy.PolicyLoader;

import java.nio.file.Path;
import java.time.Duration;

/**
 * One stream instance in a JVM of its own, for the failover test (which kills it with SIGKILL):
 * {@code BOOTSTRAP APPLICATION_ID STATE_DIR INSTANCE_ID TOPIC_PREFIX}. Prints "running" once it processes.
 */
public final class StreamInstanceMain {

    public static void main(String[] args) throws Exception {
        StreamConfig config = StreamClusterTest.config(args[0], args[1], Path.of(args[2]), args[3], args[4]);
        AssayStream stream = new AssayStream(config, AnalyzerSettings.NONE, PolicyLoader.defaults(), Duration.ofSeconds(10));
        stream.start();
        while (stream.state() != org.apache.kafka.streams.KafkaStreams.State.RUNNING) {
            Thread.sleep(50);
        }
        System.out.println("running");
        System.out.flush();
        stream.awaitShutdown();
    }

    private StreamInstanceMain() {
    }
}
