package io.assay.server.bank;

import io.assay.hash.bank.MatchThresholds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Banks and their entries in PostgreSQL. */
@Repository
public class BankRepository {

    private static final String ENTRY_COLUMNS = """
            e.id, b.name as bank, e.signal_type, e.signal, e.quality, e.label, e.reason, e.debunk_url, e.election,
            e.candidate, e.source_name, e.source_sha256, e.added_by, e.added_at, e.retracted_at, e.retracted_by,
            e.retraction_reason, e.signal_id""";

    private final JdbcClient jdbc;

    public BankRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean createBank(String name, String description, MatchThresholds t, String createdBy) {
        return jdbc.sql("""
                        insert into bank (name, description, pdq_distance, pdq_quality, dihedral, vpdq_distance, vpdq_quality,
                            vpdq_query_pct, vpdq_target_pct, audio_max_ber, created_at, created_by)
                        values (:name, :description, :pd, :pq, :dih, :vd, :vq, :vqp, :vtp, :ber, :at, :by)
                        on conflict (name) do nothing""")
                .param("name", name).param("description", description)
                .param("pd", t.pdqDistance()).param("pq", t.pdqQuality()).param("dih", t.dihedral())
                .param("vd", t.vpdqDistance()).param("vq", t.vpdqQuality()).param("vqp", t.vpdqQueryPct())
                .param("vtp", t.vpdqTargetPct()).param("ber", t.audioMaxBer())
                .param("at", Timestamp.from(Instant.now())).param("by", createdBy)
                .update() == 1;
    }

    public List<BankRecord> banks() {
        return jdbc.sql("""
                        select b.*, (select count(*) from bank_entry e where e.bank_id = b.id and e.retracted_at is null) as live,
                               (select count(*) from bank_entry e where e.bank_id = b.id and e.retracted_at is not null) as retracted
                        from bank b order by b.name""")
                .query((rs, i) -> bank(rs)).list();
    }

    public Optional<BankRecord> bank(String name) {
        return jdbc.sql("""
                        select b.*, (select count(*) from bank_entry e where e.bank_id = b.id and e.retracted_at is null) as live,
                               (select count(*) from bank_entry e where e.bank_id = b.id and e.retracted_at is not null) as retracted
                        from bank b where b.name = :name""")
                .param("name", name).query((rs, i) -> bank(rs)).optional();
    }

    /** Banks and their thresholds, without entry counts (cheap: for keeping the matcher in step). */
    public List<BankRecord> bankThresholds() {
        return jdbc.sql("select b.*, 0 as live, 0 as retracted from bank b").query((rs, i) -> bank(rs)).list();
    }

    public boolean exists(String name) {
        return jdbc.sql("select exists (select 1 from bank where name = :name)").param("name", name).query(Boolean.class).single();
    }

    public EntryRecord addEntry(String bank, String type, String signal, int quality, EntryFields f, String addedBy) {
        long id = jdbc.sql("""
                        insert into bank_entry (bank_id, signal_type, signal, quality, label, reason, debunk_url, election,
                            candidate, source_name, source_sha256, added_by, added_at, signal_id)
                        select b.id, :type, :signal, :quality, :label, :reason, :debunk, :election, :candidate, :sourceName,
                            :sourceSha, :by, :at, :signalId from bank b where b.name = :bank
                        returning id""")
                .param("bank", bank).param("type", type).param("signal", signal).param("quality", quality)
                .param("signalId", signalId(f))
                .param("label", f.label()).param("reason", f.reason()).param("debunk", f.debunkUrl())
                .param("election", f.election()).param("candidate", f.candidate()).param("sourceName", f.sourceName())
                .param("sourceSha", f.sourceSha256()).param("by", addedBy).param("at", Timestamp.from(Instant.now()))
                .query(Long.class).single();
        return entry(id).orElseThrow();
    }

    /** Adds many signals with the same context in one statement (a partner's feed, a bulk import). */
    public List<EntryRecord> addEntries(String bank, List<String> types, List<String> signals, List<Integer> qualities,
                                        EntryFields f, String addedBy) {
        List<Long> ids = jdbc.sql("""
                        insert into bank_entry (bank_id, signal_type, signal, quality, label, reason, debunk_url, election,
                            candidate, source_name, source_sha256, added_by, added_at, signal_id)
                        select b.id, x.type, x.signal, x.quality, :label, :reason, :debunk, :election, :candidate, :sourceName,
                            :sourceSha, :by, :at, :signalId
                        from bank b, unnest(cast(:types as text[]), cast(:signals as text[]), cast(:qualities as int[]))
                            with ordinality as x(type, signal, quality, n)
                        where b.name = :bank order by x.n
                        returning id""")
                .param("bank", bank).param("types", types.toArray(String[]::new)).param("signalId", signalId(f))
                .param("signals", signals.toArray(String[]::new)).param("qualities", qualities.toArray(Integer[]::new))
                .param("label", f.label()).param("reason", f.reason()).param("debunk", f.debunkUrl())
                .param("election", f.election()).param("candidate", f.candidate()).param("sourceName", f.sourceName())
                .param("sourceSha", f.sourceSha256()).param("by", addedBy).param("at", Timestamp.from(Instant.now()))
                .query(Long.class).list();
        return jdbc.sql("select " + ENTRY_COLUMNS + " from bank_entry e join bank b on b.id = e.bank_id where e.id = any(:ids) order by e.id")
                .param("ids", ids.toArray(Long[]::new)).query((rs, i) -> entry(rs)).list();
    }

    public Optional<EntryRecord> entry(long id) {
        return jdbc.sql("select " + ENTRY_COLUMNS + " from bank_entry e join bank b on b.id = e.bank_id where e.id = :id")
                .param("id", id).query((rs, i) -> entry(rs)).optional();
    }

    public List<EntryRecord> entries(String bank, boolean includeRetracted, int limit) {
        return jdbc.sql("select " + ENTRY_COLUMNS + """
                         from bank_entry e join bank b on b.id = e.bank_id
                        where b.name = :bank and (:all or e.retracted_at is null) order by e.id desc limit :limit""")
                .param("bank", bank).param("all", includeRetracted).param("limit", limit)
                .query((rs, i) -> entry(rs)).list();
    }

    /** Every live entry with an id above {@code afterId}, oldest first (start-up load and catch-up). */
    public List<EntryRecord> liveEntriesAfter(long afterId, int limit) {
        return jdbc.sql("select " + ENTRY_COLUMNS + """
                         from bank_entry e join bank b on b.id = e.bank_id
                        where e.id > :after and e.retracted_at is null order by e.id limit :limit""")
                .param("after", afterId).param("limit", limit).query((rs, i) -> entry(rs)).list();
    }

    /** Ids of live entries above {@code afterId} (cheap: the catch-up's look back over recent ids). */
    public List<Long> liveIdsAfter(long afterId) {
        return jdbc.sql("select id from bank_entry where id > :after and retracted_at is null order by id")
                .param("after", afterId).query(Long.class).list();
    }

    public List<EntryRecord> entries(List<Long> ids) {
        return jdbc.sql("select " + ENTRY_COLUMNS + " from bank_entry e join bank b on b.id = e.bank_id where e.id = any(:ids) order by e.id")
                .param("ids", ids.toArray(Long[]::new)).query((rs, i) -> entry(rs)).list();
    }

    /** Ids of entries retracted at or after {@code since} (catch-up of other instances' retractions). */
    public List<Long> retractedSince(Instant since) {
        return jdbc.sql("select id from bank_entry where retracted_at >= :since")
                .param("since", Timestamp.from(since)).query(Long.class).list();
    }

    public boolean retract(String bank, long id, String by, String reason) {
        return jdbc.sql("""
                        update bank_entry e set retracted_at = :at, retracted_by = :by, retraction_reason = :reason
                        from bank b where b.id = e.bank_id and b.name = :bank and e.id = :id and e.retracted_at is null""")
                .param("at", Timestamp.from(Instant.now())).param("by", by).param("reason", reason)
                .param("bank", bank).param("id", id).update() == 1;
    }

    private static BankRecord bank(ResultSet rs) throws SQLException {
        MatchThresholds t = new MatchThresholds(rs.getInt("pdq_distance"), rs.getInt("pdq_quality"), rs.getInt("vpdq_distance"),
                rs.getInt("vpdq_quality"), rs.getDouble("vpdq_query_pct"), rs.getDouble("vpdq_target_pct"),
                rs.getDouble("audio_max_ber"), rs.getBoolean("dihedral"));
        return new BankRecord(rs.getString("name"), rs.getString("description"), t, instant(rs, "created_at"),
                rs.getString("created_by"), rs.getLong("live"), rs.getLong("retracted"));
    }

    private static EntryRecord entry(ResultSet rs) throws SQLException {
        return new EntryRecord(rs.getLong("id"), rs.getString("bank"), rs.getString("signal_type"), rs.getString("signal"),
                rs.getInt("quality"), rs.getString("label"), rs.getString("reason"), rs.getString("debunk_url"),
                rs.getString("election"), rs.getString("candidate"), rs.getString("source_name"),
                rs.getString("source_sha256"), rs.getString("added_by"), instant(rs, "added_at"),
                instant(rs, "retracted_at"), rs.getString("retracted_by"), rs.getString("retraction_reason"),
                rs.getString("signal_id"));
    }

    /** The caller's signal id, or a new one: the signals banked in one call describe one piece of media. */
    private static String signalId(EntryFields f) {
        return f.signalId() != null ? f.signalId() : "indicator--" + java.util.UUID.randomUUID();
    }

    /** Every entry (live or retracted) of a signal. */
    public List<EntryRecord> entriesOfSignal(String signalId) {
        return jdbc.sql("select " + ENTRY_COLUMNS + " from bank_entry e join bank b on b.id = e.bank_id where e.signal_id = :s order by e.id")
                .param("s", signalId).query((rs, i) -> entry(rs)).list();
    }

    private static Instant instant(ResultSet rs, String col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }

    /** What a caller may say about an entry. */
    public record EntryFields(String label, String reason, String debunkUrl, String election, String candidate,
                              String sourceName, String sourceSha256, String signalId) {
    }
}
