package io.assay.stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * Creates the topics an Assay stream cluster uses, where missing: the signals topic compacted (it is the banks'
 * durable log: a retraction is a tombstone), the others deleted by time. The shares topic carries shares re-keyed
 * by object and has as many partitions as the uploads topic.
 */
public final class StreamTopics {

    private StreamTopics() {
    }

    /**
     * The topics of {@code t} that do not exist (the shares and co-shares topics included).
     *
     * @throws IllegalStateException when the cluster cannot be reached within the timeout
     */
    public static List<String> missing(String bootstrap, StreamConfig.Topics t, java.time.Duration timeout)
            throws InterruptedException {
        int ms = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, ms, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, ms))) {
            Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            List<String> out = new ArrayList<>();
            for (String name : List.of(t.uploads(), t.verdicts(), t.signals(), t.deadLetters(), t.retroHunts(), t.shares(), t.coShares())) {
                if (!existing.contains(name)) {
                    out.add(name);
                }
            }
            return out;
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot reach Kafka at " + bootstrap + " within " + timeout.toSeconds() + " s", e);
        }
    }

    /** @return the topics created (those that existed are left as they are) */
    public static List<String> ensure(String bootstrap, StreamConfig.Topics t, int partitions, short replication)
            throws InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> wanted = new ArrayList<>();
            for (String name : List.of(t.uploads(), t.verdicts(), t.deadLetters(), t.retroHunts(), t.shares(), t.coShares())) {
                wanted.add(new NewTopic(name, partitions, replication));
            }
            // one partition is plenty for signals (every instance reads all of them); compaction keeps the latest per entry
            wanted.add(new NewTopic(t.signals(), 1, replication).configs(Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                    TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, "0")));
            wanted.removeIf(nt -> existing.contains(nt.name()));
            if (!wanted.isEmpty()) {
                admin.createTopics(wanted).all().get();
            }
            return wanted.stream().map(NewTopic::name).toList();
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not create the topics: " + StreamErrors.describe(e.getCause()), e);
        }
    }
}
