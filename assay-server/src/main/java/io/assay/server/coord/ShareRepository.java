package io.assay.server.coord;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/** The shares the server has seen ({@code coord_share}). */
@Repository
public class ShareRepository {

    private static final RowMapper<ShareRecord> ROW = (rs, n) -> new ShareRecord(rs.getLong("id"),
            rs.getString("platform"), rs.getString("account"),
            new SharedObject(rs.getString("object_kind"), rs.getString("object_id")), rs.getString("content"),
            rs.getTimestamp("shared_at").toInstant(), rs.getString("label"), rs.getString("election_risk"),
            rs.getObject("scan_id", UUID.class), rs.getString("pdq"), rs.getString("source"));

    private final JdbcClient jdbc;

    public ShareRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(ShareRecord s) {
        return jdbc.sql("""
                        insert into coord_share (platform, account, object_id, object_kind, content, shared_at, label,
                                                 election_risk, scan_id, pdq, source)
                        values (:platform, :account, :object, :kind, :content, :at, :label, :risk, :scan, :pdq, :source)
                        returning id""")
                .param("platform", s.platform()).param("account", s.account()).param("object", s.object().id())
                .param("kind", s.object().kind()).param("content", s.content()).param("at", Timestamp.from(s.sharedAt()))
                .param("label", s.label()).param("risk", s.electionRisk()).param("scan", s.scanId())
                .param("pdq", s.pdq()).param("source", s.source())
                .query(Long.class).single();
    }

    /** One row as detection reads it. */
    public interface ShareSink {
        void accept(String platform, String accountKey, String object, String content, long epochMillis, String label);
    }

    /**
     * Streams the newest {@code max} shares at or after {@code since} to {@code sink}, in no particular order, with
     * label "" for unlabelled media; returns how many.
     */
    public int scan(Instant since, int max, ShareSink sink) {
        int[] n = {0};
        jdbc.sql("""
                        select platform, account, object_id, content, shared_at, label from coord_share
                        where shared_at >= :since order by shared_at desc limit :max""")
                .param("since", Timestamp.from(since)).param("max", max)
                .query(rs -> {
                    String platform = rs.getString(1);
                    String account = rs.getString(2);
                    String label = rs.getString(6);
                    sink.accept(platform, platform.isEmpty() ? account : platform + ":" + account, rs.getString(3),
                            rs.getString(4), rs.getTimestamp(5).getTime(), "none".equals(label) ? "" : label);
                    n[0]++;
                });
        return n[0];
    }

    /** Every share with a PDQ hash at or after {@code since}, oldest first, in pages. */
    public void forEachWithPdq(Instant since, Consumer<ShareRecord> sink) {
        long after = 0;
        while (true) {
            List<ShareRecord> page = jdbc.sql("""
                            select * from coord_share where pdq is not null and shared_at >= :since and id > :after
                            order by id limit 10000""")
                    .param("since", Timestamp.from(since)).param("after", after).query(ROW).list();
            if (page.isEmpty()) {
                return;
            }
            page.forEach(sink);
            after = page.getLast().id();
        }
    }

    /** The highest election risk among the shares of these accounts and objects since {@code since}. */
    public boolean anyHighRisk(List<String> accountKeys, List<String> objects, Instant since) {
        if (accountKeys.isEmpty() || objects.isEmpty()) {
            return false;
        }
        return jdbc.sql("""
                        select exists (select 1 from coord_share where shared_at >= :since and election_risk = 'high'
                          and object_id in (:objects)
                          and (case when platform = '' then account else platform || ':' || account end) in (:accounts))""")
                .param("since", Timestamp.from(since)).param("objects", objects).param("accounts", accountKeys)
                .query(Boolean.class).single();
    }

    public int purgeBefore(Instant cutoff) {
        return jdbc.sql("delete from coord_share where shared_at < :cutoff").param("cutoff", Timestamp.from(cutoff)).update();
    }
}
