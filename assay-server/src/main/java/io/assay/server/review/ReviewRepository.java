package io.assay.server.review;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The review queue in PostgreSQL (table {@code review_item}, joined to the scans it is about). */
@Repository
public class ReviewRepository {

    private static final String SELECT = """
            select r.id, r.scan_id, r.source, r.signal_id, r.priority, r.reason, r.created_at, r.status,
                   s.file_name, s.sha256, s.label, s.platform, r.decided_label, r.decided_by, r.decided_at, r.note
            from review_item r join scan s on s.id = r.scan_id""";

    private final JdbcClient jdbc;

    public ReviewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues a scan for review; false when it is already queued for the same cause. */
    public boolean open(UUID scanId, String source, String signalId, String priority, String reason, Instant now) {
        return jdbc.sql("""
                        insert into review_item (id, scan_id, source, signal_id, priority, reason, created_at)
                        values (:id, :scan, :source, :signal, :priority, :reason, :now)
                        on conflict do nothing""")
                .param("id", UUID.randomUUID()).param("scan", scanId).param("source", source)
                .param("signal", signalId).param("priority", priority).param("reason", reason)
                .param("now", OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC)).update() == 1;
    }

    /** Items by status ({@code open} or {@code decided}), high priority first, then oldest first. */
    public List<ReviewItem> list(String status, int limit) {
        return jdbc.sql(SELECT + """
                         where r.status = :status
                        order by case r.priority when 'high' then 0 else 1 end, r.created_at, r.id limit :limit""")
                .param("status", status).param("limit", limit).query(ReviewRepository::row).list();
    }

    public Optional<ReviewItem> find(UUID id) {
        return jdbc.sql(SELECT + " where r.id = :id").param("id", id).query(ReviewRepository::row).optional();
    }

    /** The items about one scan, oldest first. */
    public List<ReviewItem> ofScan(UUID scanId) {
        return jdbc.sql(SELECT + " where r.scan_id = :scan order by r.created_at, r.id").param("scan", scanId)
                .query(ReviewRepository::row).list();
    }

    /** Records a decision; a later decision replaces an earlier one (the item keeps the newest). */
    public void decide(UUID id, String label, String decidedBy, String note, Instant now) {
        jdbc.sql("""
                        update review_item set status = 'decided', decided_label = :label, decided_by = :by,
                            decided_at = :now, note = :note where id = :id""")
                .param("id", id).param("label", label).param("by", decidedBy).param("note", note)
                .param("now", OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC)).update();
    }

    /** The newest decision about any scan of these exact bytes. */
    public Optional<ReviewItem.Decision> latestDecisionFor(String sha256) {
        return jdbc.sql("""
                        select r.decided_label, r.decided_by, r.decided_at, r.note from review_item r
                        join scan s on s.id = r.scan_id
                        where s.sha256 = :sha and r.status = 'decided'
                        order by r.decided_at desc limit 1""")
                .param("sha", sha256)
                .query((rs, i) -> new ReviewItem.Decision(rs.getString(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4)))
                .optional();
    }

    public long countOpen() {
        return jdbc.sql("select count(*) from review_item where status = 'open'").query(Long.class).single();
    }

    private static ReviewItem row(ResultSet rs, int i) throws SQLException {
        ReviewItem.Decision d = rs.getString(13) == null ? null : new ReviewItem.Decision(rs.getString(13),
                rs.getString(14), rs.getObject(15, OffsetDateTime.class).toInstant(), rs.getString(16));
        return new ReviewItem(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class).toInstant(),
                rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), d);
    }
}
