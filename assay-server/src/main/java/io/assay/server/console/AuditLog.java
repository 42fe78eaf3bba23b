package io.assay.server.console;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** Every change made through the console: who, when, what (an action and its target), why, and particulars. */
@Service
public class AuditLog {

    /** One recorded change. */
    public record Entry(long id, Instant at, String actor, String action, String target, String reason, String details) {
    }

    private final JdbcClient jdbc;

    public AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String actor, String action, String target, String reason, String details) {
        jdbc.sql("insert into audit_log (at, actor, action, target, reason, details) values (:at, :actor, :action, :target, :reason, :details)")
                .param("at", Timestamp.from(Instant.now())).param("actor", actor).param("action", action)
                .param("target", target).param("reason", reason).param("details", details).update();
    }

    /** The newest entries first, optionally of one action or actor. */
    public List<Entry> recent(String action, String actor, int limit) {
        return jdbc.sql("""
                        select id, at, actor, action, target, reason, details from audit_log
                        where (cast(:action as text) is null or action = :action)
                          and (cast(:actor as text) is null or actor = :actor)
                        order by id desc limit :n""")
                .param("action", blankToNull(action)).param("actor", blankToNull(actor)).param("n", limit)
                .query((rs, i) -> new Entry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)))
                .list();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
