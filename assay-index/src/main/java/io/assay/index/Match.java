package io.assay.index;

import java.util.Comparator;

/** One search hit: the stored id and its Hamming distance to the query. */
public record Match(long id, int distance) implements Comparable<Match> {

    /** Nearest first, then by id: the order {@link HashIndex#search} and {@link BruteForce#search} return. */
    public static final Comparator<Match> ORDER = Comparator.comparingInt(Match::distance).thenComparingLong(Match::id);

    @Override
    public int compareTo(Match o) {
        return ORDER.compare(this, o);
    }
}
