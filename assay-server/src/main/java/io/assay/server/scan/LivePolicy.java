package io.assay.server.scan;

import io.assay.core.policy.LabelPolicy;
import io.assay.core.policy.PolicyConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The label policy in effect, which the scan pipeline reads for every scan: the configured policy (file and
 * properties), with incident mode as last switched. A switch made at runtime (console, by an admin) is stored with
 * who made it and when, and stays in force across restarts until switched again.
 */
public class LivePolicy implements Supplier<LabelPolicy> {

    private static final Logger log = LoggerFactory.getLogger(LivePolicy.class);

    /** One incident-mode switch: the state set, by whom, when, why. */
    public record Switch(boolean on, String by, Instant at, String reason) {
    }

    private final PolicyConfig configured;
    private final JdbcClient jdbc;
    private final AtomicReference<LabelPolicy> current;

    public LivePolicy(PolicyConfig configured, JdbcClient jdbc) {
        this.configured = configured;
        this.jdbc = jdbc;
        PolicyConfig start = lastSwitch().map(s -> configured.withIncidentMode(s.on())).orElse(configured);
        if (start.incidentMode() != configured.incidentMode()) {
            log.info("Incident mode {} (switched by {} at {})", start.incidentMode() ? "on" : "off",
                    lastSwitch().get().by(), lastSwitch().get().at());
        }
        this.current = new AtomicReference<>(new LabelPolicy(start));
    }

    @Override
    public LabelPolicy get() {
        return current.get();
    }

    public PolicyConfig config() {
        return current.get().config();
    }

    /** The policy as configured at start (file and properties), before any runtime switch. */
    public PolicyConfig configured() {
        return configured;
    }

    /** Turns incident mode on or off now, and records who did it. */
    public synchronized Switch switchIncidentMode(boolean on, String by, String reason) {
        Instant now = Instant.now();
        jdbc.sql("insert into incident_switch (on_state, switched_by, switched_at, reason) values (:on, :by, :at, :reason)")
                .param("on", on).param("by", by).param("at", Timestamp.from(now)).param("reason", reason).update();
        current.set(new LabelPolicy(current.get().config().withIncidentMode(on)));
        log.info("Incident mode switched {} by {}", on ? "on" : "off", by);
        return new Switch(on, by, now, reason);
    }

    public Optional<Switch> lastSwitch() {
        return jdbc.sql("select on_state, switched_by, switched_at, reason from incident_switch order by id desc limit 1")
                .query((rs, i) -> new Switch(rs.getBoolean(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4)))
                .optional();
    }

    public java.util.List<Switch> history(int limit) {
        return jdbc.sql("select on_state, switched_by, switched_at, reason from incident_switch order by id desc limit :n")
                .param("n", limit)
                .query((rs, i) -> new Switch(rs.getBoolean(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4)))
                .list();
    }
}
