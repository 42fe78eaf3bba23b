package io.assay.server.coord;

import io.assay.index.Hash256;
import io.assay.index.HashIndex;
import io.assay.index.Match;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Online perceptual-hash clusters of uploads: an upload within {@code distance} of a cluster's first upload joins that
 * cluster, otherwise it starts one. Re-encoded, resized or re-compressed copies of one picture therefore share one
 * media object, which is what lets co-sharing be seen across platforms that re-encode. Leader clustering (compare with
 * the first member only) keeps each step one index query; the batch clusterer in assay-coord links transitively.
 * Clusters older than the lookback are forgotten (bounded memory).
 */
final class MediaClusters {

    private record Leader(long key, String objectId, Instant at) {
    }

    private final int distance;
    private final HashIndex index = new HashIndex();
    private final Map<Long, Leader> leaders = new HashMap<>();
    private final ArrayDeque<Leader> byAge = new ArrayDeque<>();
    private long nextKey = 1;

    MediaClusters(int distance) {
        this.distance = distance;
    }

    /** The cluster of this hash: an existing one within the distance (the nearest), or a new one named {@code proposedId}. */
    synchronized String assign(Hash256 pdq, String proposedId, Instant at) {
        List<Match> near = index.search(pdq, distance);
        Match best = null;
        for (Match m : near) {
            if (best == null || m.distance() < best.distance()) {
                best = m;
            }
        }
        if (best != null) {
            return leaders.get(best.id()).objectId();
        }
        Leader l = new Leader(nextKey++, proposedId, at);
        index.add(pdq, l.key());
        leaders.put(l.key(), l);
        byAge.addLast(l);
        return proposedId;
    }

    /** Restores a cluster leader after a restart (shares are replayed oldest first). */
    synchronized void restore(Hash256 pdq, String objectId, Instant at) {
        if (index.search(pdq, distance).isEmpty()) {
            Leader l = new Leader(nextKey++, objectId, at);
            index.add(pdq, l.key());
            leaders.put(l.key(), l);
            byAge.addLast(l);
        }
    }

    /** Forgets clusters started before {@code cutoff}. */
    synchronized int expire(Instant cutoff) {
        int n = 0;
        while (!byAge.isEmpty() && byAge.peekFirst().at().isBefore(cutoff)) {
            Leader l = byAge.pollFirst();
            index.remove(l.key());
            leaders.remove(l.key());
            n++;
        }
        return n;
    }

    synchronized int size() {
        return leaders.size();
    }
}
