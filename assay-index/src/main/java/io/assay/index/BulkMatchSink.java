package io.assay.index;

/**
 * Receives hits from {@link HashIndex#searchAll(long[], int, BulkMatchSink)}: the query's position in the batch,
 * the stored id and the distance. Called under the index's read lock: it must not modify the index.
 */
@FunctionalInterface
public interface BulkMatchSink {

    void accept(int query, long id, int distance);
}
