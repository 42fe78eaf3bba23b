package io.assay.stream;

import io.assay.hash.bank.BankEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bank additions this instance has read from the signals topic, by signals-topic partition and offset, for the
 * retro-hunt: each stream task keeps (in a changelogged store) the last offset it hunted per partition and hunts
 * the later ones. Bounded: only the newest {@code capacity} additions per partition are kept; a task that fell
 * further behind skips the older ones, and {@link #skipped()} counts the times that happened. Thread-safe (written by the global
 * thread, read by the stream threads).
 */
public final class SignalFeed {

    /** One addition: where it sits on the signals topic, when it was published, and the entry. */
    public record Item(int partition, long offset, long publishedMillis, BankEntry entry) {
    }

    private final int capacity;
    private final Map<Integer, ConcurrentSkipListMap<Long, Item>> byPartition = new ConcurrentHashMap<>();
    private final Map<Integer, Long> evictedUpTo = new ConcurrentHashMap<>();
    private final AtomicLong skipped = new AtomicLong();

    public SignalFeed(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
    }

    void add(Item item) {
        ConcurrentSkipListMap<Long, Item> p = byPartition.computeIfAbsent(item.partition(), k -> new ConcurrentSkipListMap<>());
        p.put(item.offset(), item);
        while (p.size() > capacity) {
            evictedUpTo.put(item.partition(), p.pollFirstEntry().getKey());
        }
    }

    /** The partitions seen so far and their last offset. */
    public Map<Integer, Long> ends() {
        Map<Integer, Long> out = new java.util.HashMap<>();
        byPartition.forEach((p, items) -> {
            Map.Entry<Long, Item> last = items.lastEntry();
            if (last != null) {
                out.put(p, last.getKey());
            }
        });
        return out;
    }

    /** Additions of a partition after the given offset, oldest first. */
    public List<Item> after(int partition, long offset) {
        NavigableMap<Long, Item> p = byPartition.get(partition);
        if (p == null || p.isEmpty()) {
            return List.of();
        }
        if (offset < evictedUpTo.getOrDefault(partition, -1L)) {
            // some additions were dropped from the feed before this task hunted them
            skipped.incrementAndGet();
        }
        return new ArrayList<>(p.tailMap(offset, false).values());
    }

    public long skipped() {
        return skipped.get();
    }
}
