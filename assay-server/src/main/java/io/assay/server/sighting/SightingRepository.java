package io.assay.server.sighting;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Sighting events (a signal seen in one scanned upload) and their aggregation per observer and platform. */
@Repository
public class SightingRepository {

    private final JdbcClient jdbc;

    public SightingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Where a signal was seen, aggregated: the timeline's rows. */
    public record Sighting(String observer, String platform, Instant firstSeen, Instant lastSeen, long count,
                           List<String> sources) {
    }

    /** Records that {@code scanId} showed {@code signalId}; false when that pair was already recorded. */
    public boolean record(String signalId, UUID scanId, String observer, String platform, Instant seenAt, String source) {
        return jdbc.sql("""
                        insert into sighting_event (signal_id, scan_id, observer, platform, seen_at, source, recorded_at)
                        values (:signal, :scan, :observer, :platform, :seen, :source, :now)
                        on conflict (signal_id, scan_id) do nothing""")
                .param("signal", signalId).param("scan", scanId).param("observer", observer)
                .param("platform", platform).param("seen", Timestamp.from(seenAt)).param("source", source)
                .param("now", Timestamp.from(Instant.now())).update() == 1;
    }

    /** The sightings of a signal per observer and platform, earliest first. */
    public List<Sighting> timeline(String signalId) {
        return jdbc.sql("""
                        select observer, platform, min(seen_at) as first_seen, max(seen_at) as last_seen, count(*) as n,
                            array_agg(distinct source order by source) as sources
                        from sighting_event where signal_id = :signal
                        group by observer, platform order by min(seen_at), observer, platform""")
                .param("signal", signalId)
                .query((rs, i) -> new Sighting(rs.getString("observer"), rs.getString("platform"),
                        rs.getTimestamp("first_seen").toInstant(), rs.getTimestamp("last_seen").toInstant(),
                        rs.getLong("n"), List.of((String[]) rs.getArray("sources").getArray())))
                .list();
    }
}
