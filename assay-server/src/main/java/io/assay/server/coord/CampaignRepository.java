package io.assay.server.coord;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Campaigns ({@code coord_campaign}) and their alerts ({@code coord_alert}). */
@Repository
public class CampaignRepository {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<Map<String, Integer>> COUNTS = new TypeReference<>() { };
    private static final TypeReference<List<CampaignRecord.Edge>> EDGES = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public CampaignRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Campaigns detected at or after {@code since} (the candidates a new detection may continue). */
    public List<CampaignRecord> detectedSince(Instant since) {
        return withAlerts(jdbc.sql("select * from coord_campaign where last_detected_at >= :since")
                .param("since", Timestamp.from(since)).query((rs, n) -> campaign(rs)).list());
    }

    public List<CampaignRecord> recent(int limit) {
        return withAlerts(jdbc.sql("select * from coord_campaign order by last_detected_at desc, first_detected_at desc limit :n")
                .param("n", limit).query((rs, n) -> campaign(rs)).list());
    }

    public Optional<CampaignRecord> find(UUID id) {
        return withAlerts(jdbc.sql("select * from coord_campaign where id = :id").param("id", id)
                .query((rs, n) -> campaign(rs)).list()).stream().findFirst();
    }

    public void insert(CampaignRecord c) {
        jdbc.sql("""
                        insert into coord_campaign (id, first_detected_at, last_detected_at, accounts, objects, labels, edges,
                                                    shares, first_share, last_share, mean_delta_s, election_risk)
                        values (:id, :first, :last, cast(:accounts as jsonb), cast(:objects as jsonb), cast(:labels as jsonb),
                                cast(:edges as jsonb), :shares, :firstShare, :lastShare, :delta, :risk)""")
                .param("id", c.id()).param("first", Timestamp.from(c.firstDetectedAt()))
                .param("last", Timestamp.from(c.lastDetectedAt()))
                .param("accounts", json.writeValueAsString(c.accounts()))
                .param("objects", json.writeValueAsString(c.objects()))
                .param("labels", json.writeValueAsString(c.labels())).param("edges", json.writeValueAsString(c.edges()))
                .param("shares", c.shares()).param("firstShare", ts(c.firstShare())).param("lastShare", ts(c.lastShare()))
                .param("delta", c.meanDeltaSeconds()).param("risk", c.electionRisk())
                .update();
    }

    /** A campaign found again: its latest membership and figures; the first detection stays. */
    public void update(CampaignRecord c) {
        jdbc.sql("""
                        update coord_campaign set last_detected_at = :last, accounts = cast(:accounts as jsonb),
                          objects = cast(:objects as jsonb), labels = cast(:labels as jsonb), edges = cast(:edges as jsonb),
                          shares = :shares, first_share = :firstShare, last_share = :lastShare, mean_delta_s = :delta,
                          election_risk = :risk
                        where id = :id""")
                .param("id", c.id()).param("last", Timestamp.from(c.lastDetectedAt()))
                .param("accounts", json.writeValueAsString(c.accounts()))
                .param("objects", json.writeValueAsString(c.objects()))
                .param("labels", json.writeValueAsString(c.labels())).param("edges", json.writeValueAsString(c.edges()))
                .param("shares", c.shares()).param("firstShare", ts(c.firstShare())).param("lastShare", ts(c.lastShare()))
                .param("delta", c.meanDeltaSeconds()).param("risk", c.electionRisk())
                .update();
    }

    /** Stores an alert unless the campaign already raised one for this reason; true when it is new. */
    public boolean insertAlert(AlertRecord a) {
        return jdbc.sql("""
                        insert into coord_alert (id, campaign_id, created_at, severity, reason, labels)
                        values (:id, :campaign, :at, :severity, :reason, cast(:labels as jsonb))
                        on conflict (campaign_id, reason) do nothing""")
                .param("id", a.id()).param("campaign", a.campaignId()).param("at", Timestamp.from(a.createdAt()))
                .param("severity", a.severity()).param("reason", a.reason())
                .param("labels", json.writeValueAsString(a.labels()))
                .update() == 1;
    }

    public List<AlertRecord> alerts(Instant since, int limit) {
        return jdbc.sql("select * from coord_alert where created_at >= :since order by created_at desc limit :n")
                .param("since", Timestamp.from(since)).param("n", limit).query((rs, n) -> alert(rs)).list();
    }

    /** Deletes campaigns not detected since {@code cutoff} (their alerts go with them). */
    public int purgeBefore(Instant cutoff) {
        return jdbc.sql("delete from coord_campaign where last_detected_at < :cutoff")
                .param("cutoff", Timestamp.from(cutoff)).update();
    }

    private List<CampaignRecord> withAlerts(List<CampaignRecord> campaigns) {
        if (campaigns.isEmpty()) {
            return campaigns;
        }
        Map<UUID, List<AlertRecord>> by = new HashMap<>();
        jdbc.sql("select * from coord_alert where campaign_id in (:ids) order by created_at")
                .param("ids", campaigns.stream().map(CampaignRecord::id).toList())
                .query((rs, n) -> alert(rs)).list()
                .forEach(a -> by.computeIfAbsent(a.campaignId(), k -> new ArrayList<>()).add(a));
        return campaigns.stream().map(c -> new CampaignRecord(c.id(), c.firstDetectedAt(), c.lastDetectedAt(),
                c.accounts(), c.objects(), c.labels(), c.edges(), c.shares(), c.firstShare(), c.lastShare(),
                c.meanDeltaSeconds(), c.electionRisk(), List.copyOf(by.getOrDefault(c.id(), List.of())))).toList();
    }

    private CampaignRecord campaign(ResultSet rs) throws SQLException {
        return new CampaignRecord(rs.getObject("id", UUID.class), rs.getTimestamp("first_detected_at").toInstant(),
                rs.getTimestamp("last_detected_at").toInstant(),
                json.readValue(rs.getString("accounts"), STRINGS), json.readValue(rs.getString("objects"), STRINGS),
                json.readValue(rs.getString("labels"), COUNTS), json.readValue(rs.getString("edges"), EDGES),
                rs.getInt("shares"), instant(rs.getTimestamp("first_share")), instant(rs.getTimestamp("last_share")),
                rs.getDouble("mean_delta_s"), rs.getString("election_risk"), List.of());
    }

    private AlertRecord alert(ResultSet rs) throws SQLException {
        return new AlertRecord(rs.getObject("id", UUID.class), rs.getObject("campaign_id", UUID.class),
                rs.getTimestamp("created_at").toInstant(), rs.getString("severity"), rs.getString("reason"),
                json.readValue(rs.getString("labels"), COUNTS));
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
