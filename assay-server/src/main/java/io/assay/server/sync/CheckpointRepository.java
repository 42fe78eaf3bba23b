package io.assay.server.sync;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** Poll checkpoints per peer, and the log of refused signals. */
@Repository
public class CheckpointRepository {

    private final JdbcClient jdbc;

    public CheckpointRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> addedAfter(String peer) {
        return jdbc.sql("select added_after from exchange_checkpoint where peer = :p").param("p", peer)
                .query(String.class).optional();
    }

    public void save(String peer, String addedAfter) {
        jdbc.sql("""
                        insert into exchange_checkpoint (peer, added_after, updated_at) values (:p, :a, :now)
                        on conflict (peer) do update set added_after = excluded.added_after, updated_at = excluded.updated_at""")
                .param("p", peer).param("a", addedAfter).param("now", Timestamp.from(Instant.now())).update();
    }

    public void rejected(String peer, String objectId, String reason) {
        jdbc.sql("insert into exchange_rejection (peer, object_id, reason, rejected_at) values (:p, :o, :r, :now)")
                .param("p", peer).param("o", objectId).param("r", reason.length() > 1000 ? reason.substring(0, 1000) : reason)
                .param("now", Timestamp.from(Instant.now())).update();
    }

    public long rejections(String peer) {
        return jdbc.sql("select count(*) from exchange_rejection where peer = :p").param("p", peer)
                .query(Long.class).single();
    }
}
