package io.assay.server.scan;

import io.assay.core.scan.Verdict;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stores verdicts as returned (JSON text, kept verbatim) with the columns that queries filter on. */
@Repository
public class ScanRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public ScanRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Assigns an id, stores the verdict, and returns it with its id. */
    public Verdict save(Verdict verdict, UUID apiKeyId) {
        UUID id = UUID.randomUUID();
        Verdict stored = verdict.withId(id.toString());
        jdbc.sql("""
                        insert into scan (id, scanned_at, file_name, media_type, size_bytes, sha256, label,
                            digital_source_type, election_risk, action, priority, platform, account, post_id, api_key_id, verdict)
                        values (:id, :at, :name, :type, :size, :sha, :label, :dst, :risk, :action, :priority,
                            :platform, :account, :post, :key, cast(:verdict as json))""")
                .param("id", id)
                .param("at", Timestamp.from(stored.scannedAt()))
                .param("name", stored.asset().name())
                .param("type", stored.asset().mediaType().mime())
                .param("size", stored.asset().size())
                .param("sha", stored.asset().sha256())
                .param("label", stored.label().id())
                .param("dst", stored.digitalSourceType())
                .param("risk", stored.electionRisk().id())
                .param("action", stored.action().id())
                .param("priority", stored.priority().id())
                .param("platform", stored.context().platform())
                .param("account", stored.context().account())
                .param("post", stored.context().postId())
                .param("key", apiKeyId)
                .param("verdict", json.writeValueAsString(stored))
                .update();
        return stored;
    }

    /** The stored verdict's JSON, byte for byte as it was returned at scan time. */
    public Optional<String> findJson(UUID id) {
        return jdbc.sql("select verdict::text from scan where id = :id").param("id", id).query(String.class).optional();
    }

    /** The newest verdicts first, optionally of one label. */
    public List<String> recentJson(String label, int limit) {
        return jdbc.sql("""
                        select verdict::text from scan
                        where (cast(:label as text) is null or label = :label)
                        order by scanned_at desc limit :limit""")
                .param("label", label)
                .param("limit", limit)
                .query(String.class).list();
    }

    public long count() {
        return jdbc.sql("select count(*) from scan").query(Long.class).single();
    }
}
