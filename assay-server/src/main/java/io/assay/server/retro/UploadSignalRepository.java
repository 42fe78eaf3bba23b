package io.assay.server.retro;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/** The stored signals of scanned uploads ({@code upload_signal}) and the scan rows they came from. */
@Repository
public class UploadSignalRepository {

    private final JdbcClient jdbc;

    public UploadSignalRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One stored signal. */
    public record StoredSignal(long id, UUID scanId, Instant scannedAt, String type, String signal, int quality) {
    }

    /** Where a matched upload was seen: the scan record's context. */
    public record ScannedUpload(UUID scanId, Instant scannedAt, String fileName, String mediaType, String label,
                                String platform, String account, String postId) {
    }

    public List<Long> insert(UUID scanId, Instant scannedAt, List<String> types, List<String> signals,
                             List<Integer> qualities) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            ids.add(jdbc.sql("""
                            insert into upload_signal (scan_id, scanned_at, signal_type, signal, quality)
                            values (:scan, :at, :type, :signal, :quality) returning id""")
                    .param("scan", scanId).param("at", Timestamp.from(scannedAt)).param("type", types.get(i))
                    .param("signal", signals.get(i)).param("quality", qualities.get(i))
                    .query(Long.class).single());
        }
        return ids;
    }

    /** Streams every stored signal of a type scanned at or after {@code since}, oldest first, in pages. */
    public void forEach(String type, Instant since, Consumer<StoredSignal> sink) {
        long after = 0;
        while (true) {
            List<StoredSignal> page = jdbc.sql("""
                            select id, scan_id, scanned_at, signal_type, signal, quality from upload_signal
                            where signal_type = :type and scanned_at >= :since and id > :after
                            order by id limit 10000""")
                    .param("type", type).param("since", Timestamp.from(since)).param("after", after)
                    .query((rs, n) -> new StoredSignal(rs.getLong(1), rs.getObject(2, UUID.class),
                            rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getString(5), rs.getInt(6)))
                    .list();
            if (page.isEmpty()) {
                return;
            }
            page.forEach(sink);
            after = page.getLast().id();
        }
    }

    public List<StoredSignal> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select id, scan_id, scanned_at, signal_type, signal, quality from upload_signal
                        where id in (:ids)""")
                .param("ids", ids)
                .query((rs, n) -> new StoredSignal(rs.getLong(1), rs.getObject(2, UUID.class),
                        rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getString(5), rs.getInt(6)))
                .list();
    }

    public List<ScannedUpload> uploads(Collection<UUID> scanIds) {
        if (scanIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select id, scanned_at, file_name, media_type, label, platform, account, post_id from scan
                        where id in (:ids)""")
                .param("ids", scanIds)
                .query((rs, n) -> new ScannedUpload(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8)))
                .list();
    }

    /** Deletes the signals scanned before {@code cutoff}; returns the ids removed. */
    public List<Long> purgeBefore(Instant cutoff) {
        return jdbc.sql("delete from upload_signal where scanned_at < :cutoff returning id")
                .param("cutoff", Timestamp.from(cutoff)).query(Long.class).list();
    }
}
