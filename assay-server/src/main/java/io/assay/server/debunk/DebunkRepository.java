package io.assay.server.debunk;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Debunks of signals (table {@code signal_debunk}): this node's own and those peers shared, keyed by note id. */
@Repository
public class DebunkRepository {

    /**
     * One debunk, as the timeline shows it.
     *
     * @param observer the STIX identity that published it
     * @param source   {@code local} for this node's own, else {@code exchange:<peer>}
     */
    public record Debunk(String noteId, String signalId, Instant version, String observer, String author,
                         Instant datePublished, String url, String rating, String claimReviewed, String source) {
    }

    private final JdbcClient jdbc;

    public DebunkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a debunk; an older version than the stored one changes nothing. Returns whether it was written. */
    public boolean save(Debunk d, Instant now) {
        return jdbc.sql("""
                        insert into signal_debunk (note_id, signal_id, version, observer, author, date_published, url,
                            rating, claim_reviewed, source, received_at)
                        values (:note, :signal, :version, :observer, :author, :published, :url, :rating, :claim,
                            :source, :now)
                        on conflict (note_id) do update set signal_id = excluded.signal_id, version = excluded.version,
                            observer = excluded.observer, author = excluded.author,
                            date_published = excluded.date_published, url = excluded.url, rating = excluded.rating,
                            claim_reviewed = excluded.claim_reviewed, source = excluded.source,
                            received_at = excluded.received_at
                        where signal_debunk.version < excluded.version""")
                .param("note", d.noteId()).param("signal", d.signalId()).param("version", ts(d.version()))
                .param("observer", d.observer()).param("author", d.author()).param("published", ts(d.datePublished()))
                .param("url", d.url()).param("rating", d.rating()).param("claim", d.claimReviewed())
                .param("source", d.source()).param("now", ts(now)).update() == 1;
    }

    /** The debunks of a signal, earliest published first. */
    public List<Debunk> of(String signalId) {
        return jdbc.sql("""
                        select note_id, signal_id, version, observer, author, date_published, url, rating,
                            claim_reviewed, source
                        from signal_debunk where signal_id = :signal order by date_published nulls last, note_id""")
                .param("signal", signalId)
                .query((rs, i) -> new Debunk(rs.getString(1), rs.getString(2), instant(rs.getObject(3, OffsetDateTime.class)),
                        rs.getString(4), rs.getString(5), instant(rs.getObject(6, OffsetDateTime.class)), rs.getString(7),
                        rs.getString(8), rs.getString(9), rs.getString(10)))
                .list();
    }

    private static OffsetDateTime ts(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
