package io.assay.index;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The obviously-correct oracle: a linear scan over every stored hash. Used by the tests to check
 * {@link HashIndex} and usable for tiny sets. Not thread-safe; not memory-efficient (one object per entry).
 */
public final class BruteForce {

    private final Map<Long, Hash256> entries = new LinkedHashMap<>();

    /** Adds {@code hash} under {@code id}; ids are unique, as in {@link HashIndex}. */
    public void add(Hash256 hash, long id) {
        if (entries.putIfAbsent(id, hash) != null) {
            throw new IllegalArgumentException("id already present: " + id);
        }
    }

    /** Removes {@code id}; false when it was not present. */
    public boolean remove(long id) {
        return entries.remove(id) != null;
    }

    public int size() {
        return entries.size();
    }

    /** Every entry within Hamming distance {@code radius} (inclusive) of {@code query}, nearest first, then by id. */
    public List<Match> search(Hash256 query, int radius) {
        if (radius < 0) {
            throw new IllegalArgumentException("radius must be >= 0: " + radius);
        }
        List<Match> out = new ArrayList<>();
        for (Map.Entry<Long, Hash256> e : entries.entrySet()) {
            int d = query.distance(e.getValue());
            if (d <= radius) {
                out.add(new Match(e.getKey(), d));
            }
        }
        out.sort(Match.ORDER);
        return out;
    }
}
