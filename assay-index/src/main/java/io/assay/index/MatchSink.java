package io.assay.index;

/**
 * Receives hits from {@link HashIndex#search(long, long, long, long, int, MatchSink)} without allocating a
 * {@link Match} per hit. It is called while the index holds its read lock: it must not modify the index
 * (that would deadlock) and should be quick.
 */
@FunctionalInterface
public interface MatchSink {

    void accept(long id, int distance);
}
