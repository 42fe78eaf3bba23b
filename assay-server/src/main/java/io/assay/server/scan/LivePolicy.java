package io.assay.server.scan;

import io.assay.core.policy.LabelPolicy;
import io.assay.core.policy.PolicyConfig;
import io.assay.core.policy.WatchedElection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
        PolicyConfig withSwitch = lastSwitch().map(s -> configured.withIncidentMode(s.on())).orElse(configured);
        PolicyConfig start = withSwitch.withElections(merged(configured.elections(), consoleElections()));
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

    /** Elections added in the console (live ones), oldest first. */
    public List<WatchedElection> consoleElections() {
        return jdbc.sql("""
                        select id, name, regions, date_from, date_until, candidates, keywords from watched_election
                        where removed_at is null order by added_at, id""")
                .query((rs, i) -> new WatchedElection(rs.getString(1), rs.getString(2),
                        List.of((String[]) rs.getArray(3).getArray()),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class),
                        List.of((String[]) rs.getArray(6).getArray()),
                        List.of((String[]) rs.getArray(7).getArray())))
                .list();
    }

    /** Whether the election was added in the console (and can be taken off there). */
    public boolean addedInConsole(String id) {
        return consoleElections().stream().anyMatch(e -> e.id().equals(id));
    }

    /** Adds an election to the watch list now (its id must be new to the list). */
    public synchronized void addElection(WatchedElection e, String by) {
        boolean taken = current.get().config().elections().stream().anyMatch(x -> x.id().equalsIgnoreCase(e.id()))
                || jdbc.sql("select exists (select 1 from watched_election where lower(id) = lower(:id))")
                .param("id", e.id()).query(Boolean.class).single();
        if (taken) {
            throw new IllegalArgumentException("an election with the id '" + e.id() + "' is (or was) on the watch list");
        }
        jdbc.sql("""
                        insert into watched_election (id, name, regions, date_from, date_until, candidates, keywords,
                            added_by, added_at)
                        values (:id, :name, cast(:regions as text[]), :from, :until, cast(:candidates as text[]),
                            cast(:keywords as text[]), :by, :at)""")
                .param("id", e.id()).param("name", e.name()).param("regions", e.regions().toArray(String[]::new))
                .param("from", e.from()).param("until", e.until())
                .param("candidates", e.candidates().toArray(String[]::new))
                .param("keywords", e.keywords().toArray(String[]::new))
                .param("by", by).param("at", Timestamp.from(Instant.now())).update();
        refreshElections();
    }

    /** Takes an election added in the console off the watch list; false when there is no such live one. */
    public synchronized boolean removeElection(String id, String by) {
        int n = jdbc.sql("update watched_election set removed_by = :by, removed_at = :at where id = :id and removed_at is null")
                .param("id", id).param("by", by).param("at", Timestamp.from(Instant.now())).update();
        refreshElections();
        return n == 1;
    }

    private void refreshElections() {
        current.set(new LabelPolicy(current.get().config().withElections(merged(configured.elections(), consoleElections()))));
    }

    private static List<WatchedElection> merged(List<WatchedElection> file, List<WatchedElection> console) {
        List<WatchedElection> all = new ArrayList<>(file);
        all.addAll(console);
        return all;
    }

    public java.util.List<Switch> history(int limit) {
        return jdbc.sql("select on_state, switched_by, switched_at, reason from incident_switch order by id desc limit :n")
                .param("n", limit)
                .query((rs, i) -> new Switch(rs.getBoolean(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4)))
                .list();
    }
}
