package io.assay.server.console;

import io.assay.core.policy.WatchedElection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The read-only views the console needs beyond what the API's services return (orderings, counts, spreads). */
@Repository
public class ConsoleQueries {

    private final JdbcClient jdbc;

    public ConsoleQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A scan as a list row. */
    public record ScanRow(UUID id, Instant at, String fileName, String label, String electionRisk, String action,
                          String platform, String account) {
    }

    public List<ScanRow> recentScans(int limit) {
        return jdbc.sql("""
                        select id, scanned_at, file_name, label, election_risk, action, platform, account from scan
                        order by scanned_at desc limit :n""")
                .param("n", limit)
                .query((rs, i) -> new ScanRow(rs.getObject(1, UUID.class), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)))
                .list();
    }

    /**
     * An open review item with what orders the queue: the election risk of its scan and its reach (how many uploads
     * of the same bytes were scanned, plus the sightings of the signal a retro-hunt matched).
     */
    public record QueueRow(UUID id, UUID scanId, String source, String signalId, String priority, String reason,
                           Instant createdAt, String fileName, String label, String electionRisk, String platform,
                           String account, long reach) {
    }

    public List<QueueRow> openQueue(int limit) {
        return jdbc.sql("""
                        select r.id, r.scan_id, r.source, r.signal_id, r.priority, r.reason, r.created_at, s.file_name,
                               s.label, s.election_risk, s.platform, s.account,
                               (select count(*) from scan c where c.sha256 = s.sha256)
                               + (select count(*) from sighting_event e where e.signal_id = r.signal_id) as reach
                        from review_item r join scan s on s.id = r.scan_id
                        where r.status = 'open'
                        order by case r.priority when 'high' then 0 else 1 end,
                                 case s.election_risk when 'high' then 0 else 1 end,
                                 reach desc, r.created_at, r.id
                        limit :n""")
                .param("n", limit)
                .query((rs, i) -> new QueueRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class).toInstant(),
                        rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getLong(13)))
                .list();
    }

    /** The perceptual signals stored for a scanned upload (what a confirmed review item banks). */
    public record UploadSignal(String type, String signal, int quality) {
    }

    public List<UploadSignal> signalsOfScan(UUID scanId) {
        return jdbc.sql("select signal_type, signal, quality from upload_signal where scan_id = :s order by id")
                .param("s", scanId).query((rs, i) -> new UploadSignal(rs.getString(1), rs.getString(2), rs.getInt(3))).list();
    }

    /** Bank entries whose signal, source file, label, reason, election, candidate or signal id contain the text. */
    public List<Long> searchEntries(String text, int limit) {
        return jdbc.sql("""
                        select e.id from bank_entry e
                        where position(lower(:q) in lower(concat_ws(' ', e.signal, e.source_name, e.label, e.reason,
                              e.election, e.candidate, e.signal_id, e.source_sha256, e.debunk_url))) > 0
                        order by e.id desc limit :n""")
                .param("q", text).param("n", limit).query(Long.class).list();
    }

    /** One local sighting event (a scan that showed the signal). */
    public record SightingEvent(Instant seenAt, String observer, String platform, String source, UUID scanId,
                                String fileName, String account, String postId) {
    }

    public List<SightingEvent> sightingEvents(String signalId) {
        return jdbc.sql("""
                        select e.seen_at, e.observer, e.platform, e.source, e.scan_id, s.file_name, s.account, s.post_id
                        from sighting_event e join scan s on s.id = e.scan_id
                        where e.signal_id = :sig order by e.seen_at, e.id""")
                .param("sig", signalId)
                .query((rs, i) -> new SightingEvent(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getObject(5, UUID.class), rs.getString(6), rs.getString(7),
                        rs.getString(8)))
                .list();
    }

    /** Recently banked signals (one row per signal id). */
    public record SignalRow(String signalId, String bank, String label, String sourceName, Instant addedAt,
                            long entries, long sightings) {
    }

    public List<SignalRow> recentSignals(int limit) {
        return jdbc.sql("""
                        select e.signal_id, min(b.name), min(e.label), min(e.source_name), min(e.added_at), count(*),
                               (select count(*) from sighting_event s where s.signal_id = e.signal_id)
                        from bank_entry e join bank b on b.id = e.bank_id
                        group by e.signal_id order by min(e.added_at) desc limit :n""")
                .param("n", limit)
                .query((rs, i) -> new SignalRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getLong(6), rs.getLong(7)))
                .list();
    }

    // ---- transparency report ----

    /** Scans per label in the period. */
    public Map<String, Long> perLabel(Instant from, Instant to) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String l : List.of("none", "ai-edited", "ai-generated", "likely-ai", "known-deepfake")) {
            out.put(l, 0L);
        }
        jdbc.sql("select label, count(*) from scan where scanned_at >= :from and scanned_at < :to group by label")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, i) -> out.put(rs.getString(1), rs.getLong(2))).list();
        return out;
    }

    /**
     * Labelled scans per signal source: the analyzers whose declaration, detection, bank match or reviewer decision
     * is among the scan's evidence (a scan with two kinds of signal counts for both).
     */
    public Map<String, Long> perSignalSource(Instant from, Instant to) {
        Map<String, Long> out = new LinkedHashMap<>();
        jdbc.sql("""
                        select e->>'source' as src, count(distinct s.id) from scan s, json_array_elements(s.verdict->'evidence') e
                        where s.scanned_at >= :from and s.scanned_at < :to and s.label <> 'none'
                          and e->>'kind' in ('declaration', 'detection', 'match', 'decision')
                        group by src order by 2 desc, 1""")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, i) -> out.put(rs.getString(1), rs.getLong(2))).list();
        return out;
    }

    /** High-risk scans per watched election (matched by the risk reason naming it), labelled or not. */
    public Map<String, long[]> perElection(Instant from, Instant to, List<WatchedElection> elections) {
        Map<String, long[]> out = new LinkedHashMap<>();
        for (WatchedElection e : elections) {
            long[] counts = jdbc.sql("""
                            select count(*), count(*) filter (where label <> 'none') from scan
                            where scanned_at >= :from and scanned_at < :to and election_risk = 'high'
                              and (position(:name in verdict->>'reasons') > 0 or position(:id in verdict->>'reasons') > 0)""")
                    .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                    .param("name", e.name()).param("id", "'" + e.id() + "'")
                    .query((rs, i) -> new long[]{rs.getLong(1), rs.getLong(2)}).single();
            out.put(e.name(), counts);
        }
        return out;
    }

    /** Time to label, in seconds: the automatic scans (analysis time) and the reviewed items (queue to decision). */
    public record TimeToLabel(long automatic, Double automaticMedianS, Double automaticP95S,
                              long reviewed, Double reviewedMedianS, Double reviewedP95S) {
    }

    public TimeToLabel timeToLabel(Instant from, Instant to) {
        record P(long n, Double median, Double p95) {
        }
        P auto = jdbc.sql("""
                        select count(*),
                               percentile_cont(0.5) within group (order by (verdict->'timings'->>'totalMillis')::float8) / 1000,
                               percentile_cont(0.95) within group (order by (verdict->'timings'->>'totalMillis')::float8) / 1000
                        from scan where scanned_at >= :from and scanned_at < :to and label <> 'none'""")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, i) -> new P(rs.getLong(1), (Double) rs.getObject(2), (Double) rs.getObject(3))).single();
        P reviewed = jdbc.sql("""
                        select count(*),
                               percentile_cont(0.5) within group (order by extract(epoch from decided_at - created_at)),
                               percentile_cont(0.95) within group (order by extract(epoch from decided_at - created_at))
                        from review_item where status = 'decided' and decided_at >= :from and decided_at < :to""")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, i) -> new P(rs.getLong(1), rs.getObject(2) == null ? null : rs.getDouble(2),
                        rs.getObject(3) == null ? null : rs.getDouble(3))).single();
        return new TimeToLabel(auto.n(), auto.median(), auto.p95(), reviewed.n(), reviewed.median(), reviewed.p95());
    }

    /** Scans per day and label in the period, for the report's chart. */
    public List<Object[]> perDay(Instant from, Instant to) {
        List<Object[]> out = new ArrayList<>();
        jdbc.sql("""
                        select to_char(date_trunc('day', scanned_at at time zone 'UTC'), 'YYYY-MM-DD') as d, label, count(*)
                        from scan where scanned_at >= :from and scanned_at < :to group by d, label order by d""")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, i) -> out.add(new Object[]{rs.getString(1), rs.getString(2), rs.getLong(3)})).list();
        return out;
    }

}
