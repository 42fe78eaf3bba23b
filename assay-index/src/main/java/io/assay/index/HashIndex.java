package io.assay.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Exact Hamming-distance range search over 256-bit hashes (PDQ), by multi-index hashing (Norouzi, Punjani and
 * Fleet, "Fast Exact Search in Hamming Space with Multi-Index Hashing", 2014).
 *
 * <h2>Layout</h2>
 * Entries live in <em>slots</em>: slot {@code s} holds its hash in {@code hashes[4s..4s+3]} and its id in
 * {@code ids[s]}; a bit set marks live slots and freed slots are reused (a free-slot stack). An open-addressed
 * {@code int[]} table of slot numbers, hashed by the slot's id, maps ids to slots. The 256 bits are cut into {@value #TABLES} substrings of 16 bits
 * (substring {@code t} is bits {@code 16(t%4)..16(t%4)+15} of word {@code t/4}); table {@code t} is a directly
 * addressed array of 65,536 buckets, one per substring value, each bucket an {@code int[]} of slot numbers whose
 * element 0 is the count (allocated on first use, grown by doubling, halved when three quarters empty).
 *
 * <h2>Search</h2>
 * For radius {@code r = s*m + a} ({@code m = 16}, {@code 0 <= a < m}), any hash within {@code r} agrees within
 * {@code s} bits with the query on one of the substrings {@code 0..a}, or within {@code s-1} bits on one of the
 * others (otherwise the distance would be at least {@code (a+1)(s+1) + (m-a-1)s = r+1}). So table {@code t} is
 * probed at every key within that per-table radius of the query's substring (17 probes at radius 1, 137 at 2),
 * each candidate is verified with {@link Long#bitCount} on all 256 bits, and a hit is reported only from the
 * first table whose probe set contains it, so the result holds no duplicates and needs no per-query scratch
 * memory. When the probe count is not much smaller than the number of entries (large radii, small indexes) a
 * linear scan over the slots is cheaper and gives the same answer; {@link #search} picks it automatically.
 *
 * <h2>Updates and threads</h2>
 * {@link #add} appends the slot to one bucket per table and {@link #remove} swap-removes it from those 16 buckets:
 * both are visible to the next lookup, and nothing is ever rebuilt wholesale. The index is thread-safe: a
 * {@link ReentrantReadWriteLock} lets any number of lookups run together while writers take it exclusively
 * (so a writer waits for running lookups, and lookups wait while a write is in progress; each write is short,
 * O(16 x bucket size)). A bulk lookup ({@link #searchAll}) holds the read lock once, so it sees one state.
 */
public final class HashIndex {

    /** Number of substrings (tables); each is {@value #KEY_BITS} bits. */
    public static final int TABLES = 16;
    static final int KEY_BITS = 16;
    private static final int KEYS = 1 << KEY_BITS;

    /** Every 16-bit mask, ordered by popcount; masks of popcount <= k are the first {@code MASKS_UPTO[k]} of them. */
    private static final int[] MASKS = new int[KEYS];
    private static final int[] MASKS_UPTO = new int[KEY_BITS + 1];

    static {
        int n = 0;
        for (int w = 0; w <= KEY_BITS; w++) {
            for (int x = 0; x < KEYS; x++) {
                if (Integer.bitCount(x) == w) {
                    MASKS[n++] = x;
                }
            }
            MASKS_UPTO[w] = n;
        }
    }

    /** How {@link #search} picks between the multi-index probe and the linear scan (tests force each one). */
    enum Strategy { AUTO, MULTI_INDEX, SCAN }

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile Strategy strategy = Strategy.AUTO;

    // Slots.
    private long[] hashes;
    private long[] ids;
    private long[] liveBits;
    private int highWater; // slots [0, highWater) have been used at least once
    private int[] freeSlots = new int[0];
    private int freeCount;
    private int size;

    // id -> slot: open addressing with linear probing over slot numbers (the id is read from ids[slot], so the
    // table costs 4 bytes per cell), backward-shift deletion; slotOf[i] == -1 means empty.
    private int[] slotOf;
    private int idMask;

    // tables[t][key] = {count, slot, slot, ...} or null.
    private final int[][][] tables = new int[TABLES][][];

    /** An empty index. */
    public HashIndex() {
        this(16);
    }

    /** An empty index with room for {@code expectedSize} entries before its slot arrays grow. */
    public HashIndex(int expectedSize) {
        if (expectedSize < 0) {
            throw new IllegalArgumentException("expectedSize must be >= 0: " + expectedSize);
        }
        int cap = Math.max(16, expectedSize);
        hashes = new long[4 * cap];
        ids = new long[cap];
        liveBits = new long[(cap + 63) >>> 6];
        initIdTable(cap);
        for (int t = 0; t < TABLES; t++) {
            tables[t] = new int[KEYS][];
        }
    }

    void strategy(Strategy s) {
        strategy = s;
    }

    // ---------------------------------------------------------------- writes

    /** Adds {@code hash} under {@code id}. Ids are unique: adding a present id throws. Equal hashes under different ids are fine. */
    public void add(Hash256 hash, long id) {
        add(hash.w0(), hash.w1(), hash.w2(), hash.w3(), id);
    }

    /** {@link #add(Hash256, long)} without the record. */
    public void add(long w0, long w1, long w2, long w3, long id) {
        lock.writeLock().lock();
        try {
            addLocked(w0, w1, w2, w3, id);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Adds {@code ids.length} entries in one write: entry {@code i} has words {@code words[4i..4i+3]}. Ids are
     * checked first (against the index and each other), so on a duplicate nothing is added.
     */
    public void addAll(long[] words, long[] ids) {
        if (words.length != 4L * ids.length) {
            throw new IllegalArgumentException("need 4 words per id: " + words.length + " words, " + ids.length + " ids");
        }
        lock.writeLock().lock();
        try {
            long[] sorted = ids.clone();
            Arrays.sort(sorted);
            for (int i = 0; i < sorted.length; i++) {
                if ((i > 0 && sorted[i] == sorted[i - 1]) || findSlot(sorted[i]) >= 0) {
                    throw new IllegalArgumentException("id already present: " + sorted[i]);
                }
            }
            ensureSlotCapacity(highWater + ids.length);
            for (int i = 0; i < ids.length; i++) {
                addLocked(words[4 * i], words[4 * i + 1], words[4 * i + 2], words[4 * i + 3], ids[i]);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Removes the entry with {@code id}; false (and no change) when there is none. */
    public boolean remove(long id) {
        lock.writeLock().lock();
        try {
            int slot = findSlot(id);
            if (slot < 0) {
                return false;
            }
            removeId(slot);
            long w0 = hashes[4 * slot], w1 = hashes[4 * slot + 1], w2 = hashes[4 * slot + 2], w3 = hashes[4 * slot + 3];
            for (int t = 0; t < TABLES; t++) {
                bucketRemove(t, key(w0, w1, w2, w3, t), slot);
            }
            liveBits[slot >>> 6] &= ~(1L << slot);
            if (freeCount == freeSlots.length) {
                freeSlots = Arrays.copyOf(freeSlots, Math.max(16, freeCount * 2));
            }
            freeSlots[freeCount++] = slot;
            size--;
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void addLocked(long w0, long w1, long w2, long w3, long id) {
        if (findSlot(id) >= 0) {
            throw new IllegalArgumentException("id already present: " + id);
        }
        int slot;
        if (freeCount > 0) {
            slot = freeSlots[--freeCount];
        } else {
            ensureSlotCapacity(highWater + 1);
            slot = highWater++;
        }
        hashes[4 * slot] = w0;
        hashes[4 * slot + 1] = w1;
        hashes[4 * slot + 2] = w2;
        hashes[4 * slot + 3] = w3;
        ids[slot] = id;
        liveBits[slot >>> 6] |= 1L << slot;
        for (int t = 0; t < TABLES; t++) {
            bucketAdd(t, key(w0, w1, w2, w3, t), slot);
        }
        putId(slot);
        size++;
    }

    private void ensureSlotCapacity(int needed) {
        if (needed <= ids.length) {
            return;
        }
        int cap = Math.max(needed, ids.length + (ids.length >>> 1));
        hashes = Arrays.copyOf(hashes, 4 * cap);
        ids = Arrays.copyOf(ids, cap);
        liveBits = Arrays.copyOf(liveBits, (cap + 63) >>> 6);
    }

    private void bucketAdd(int t, int key, int slot) {
        int[] b = tables[t][key];
        if (b == null) {
            b = new int[2]; // most buckets of a sparse table hold one slot
            tables[t][key] = b;
        } else if (b[0] + 1 == b.length) {
            b = Arrays.copyOf(b, b.length * 2);
            tables[t][key] = b;
        }
        b[++b[0]] = slot;
    }

    private void bucketRemove(int t, int key, int slot) {
        int[] b = tables[t][key];
        int n = b[0];
        for (int i = 1; i <= n; i++) {
            if (b[i] == slot) {
                b[i] = b[n];
                b[0] = --n;
                if (n == 0) {
                    tables[t][key] = null;
                } else if (b.length > 8 && n + 1 <= b.length / 4) {
                    tables[t][key] = Arrays.copyOf(b, b.length / 2);
                }
                return;
            }
        }
        throw new IllegalStateException("index corrupt: slot " + slot + " missing from table " + t);
    }

    /** Substring {@code t}: bits {@code 16(t%4)..} of word {@code t/4}. */
    static int key(long w0, long w1, long w2, long w3, int t) {
        long w = switch (t >>> 2) {
            case 0 -> w0;
            case 1 -> w1;
            case 2 -> w2;
            default -> w3;
        };
        return (int) (w >>> ((t & 3) * KEY_BITS)) & (KEYS - 1);
    }

    // ---------------------------------------------------------------- id table

    private void initIdTable(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1; // load factor <= 0.5 at `expected`
        slotOf = new int[cap];
        Arrays.fill(slotOf, -1);
        idMask = cap - 1;
    }

    private static int mix(long id) {
        long h = id * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    /** The live slot holding {@code id}, or -1. */
    private int findSlot(long id) {
        for (int i = mix(id) & idMask; ; i = (i + 1) & idMask) {
            int s = slotOf[i];
            if (s < 0) {
                return -1;
            }
            if (ids[s] == id) {
                return s;
            }
        }
    }

    private void putId(int slot) {
        if ((size + 1) * 4L > slotOf.length * 3L) { // keep the load factor under 0.75
            int[] old = slotOf;
            initIdTable(old.length); // doubles
            for (int s : old) {
                if (s >= 0) {
                    insertId(s);
                }
            }
        }
        insertId(slot);
    }

    private void insertId(int slot) {
        int i = mix(ids[slot]) & idMask;
        while (slotOf[i] >= 0) {
            i = (i + 1) & idMask;
        }
        slotOf[i] = slot;
    }

    private void removeId(int slot) {
        int i = mix(ids[slot]) & idMask;
        while (slotOf[i] != slot) {
            i = (i + 1) & idMask;
        }
        // Backward-shift deletion (no tombstones): pull later entries of the probe run into the hole.
        int hole = i;
        for (int j = (hole + 1) & idMask; slotOf[j] >= 0; j = (j + 1) & idMask) {
            int home = mix(ids[slotOf[j]]) & idMask;
            // j may move into the hole unless its home lies cyclically in (hole, j].
            boolean homeBetween = hole <= j ? (home > hole && home <= j) : (home > hole || home <= j);
            if (!homeBetween) {
                slotOf[hole] = slotOf[j];
                hole = j;
            }
        }
        slotOf[hole] = -1;
    }

    // ---------------------------------------------------------------- reads

    /** Number of entries. */
    public int size() {
        lock.readLock().lock();
        try {
            return size;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Whether an entry has {@code id}. */
    public boolean contains(long id) {
        lock.readLock().lock();
        try {
            return findSlot(id) >= 0;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The hash stored under {@code id}, or null. */
    public Hash256 get(long id) {
        lock.readLock().lock();
        try {
            int s = findSlot(id);
            return s < 0 ? null : new Hash256(hashes[4 * s], hashes[4 * s + 1], hashes[4 * s + 2], hashes[4 * s + 3]);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Every entry within Hamming distance {@code radius} (inclusive) of {@code query}: exactly the brute-force set, nearest first, then by id. */
    public List<Match> search(Hash256 query, int radius) {
        List<Match> out = new ArrayList<>();
        search(query.w0(), query.w1(), query.w2(), query.w3(), radius, (id, d) -> out.add(new Match(id, d)));
        out.sort(Match.ORDER);
        return out;
    }

    /** Streams every entry within {@code radius} of the query to {@code sink}, each once, in no particular order. */
    public void search(long q0, long q1, long q2, long q3, int radius, MatchSink sink) {
        checkRadius(radius);
        lock.readLock().lock();
        try {
            searchLocked(q0, q1, q2, q3, radius, sink);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** One {@link #search(Hash256, int)} per query, all against the same state of the index (one read lock). */
    public List<List<Match>> searchAll(List<Hash256> queries, int radius) {
        checkRadius(radius);
        List<List<Match>> all = new ArrayList<>(queries.size());
        lock.readLock().lock();
        try {
            for (Hash256 q : queries) {
                List<Match> out = new ArrayList<>();
                searchLocked(q.w0(), q.w1(), q.w2(), q.w3(), radius, (id, d) -> out.add(new Match(id, d)));
                out.sort(Match.ORDER);
                all.add(out);
            }
        } finally {
            lock.readLock().unlock();
        }
        return all;
    }

    private static void checkRadius(int radius) {
        if (radius < 0) {
            throw new IllegalArgumentException("radius must be >= 0: " + radius);
        }
    }

    /** Probes the multi-index search would make at {@code radius}. */
    static int probes(int radius) {
        int s = radius / TABLES, a = radius % TABLES;
        if (s >= KEY_BITS) {
            return TABLES * KEYS;
        }
        return (a + 1) * MASKS_UPTO[s] + (s == 0 ? 0 : (TABLES - a - 1) * MASKS_UPTO[s - 1]);
    }

    private void searchLocked(long q0, long q1, long q2, long q3, int radius, MatchSink sink) {
        if (size == 0) {
            return;
        }
        Strategy st = strategy;
        boolean scan = switch (st) {
            case SCAN -> true;
            case MULTI_INDEX -> false;
            // A probe costs about as much as a verified candidate; bucket visits are random accesses, the
            // scan is sequential, so prefer the scan once the probes alone reach a quarter of the entries
            // or a quarter of the key space (where nearly every candidate is verified anyway).
            case AUTO -> radius >= TABLES * KEY_BITS || probes(radius) * 4L >= Math.min(size, KEYS);
        };
        if (scan) {
            scan(q0, q1, q2, q3, radius, sink);
        } else {
            multiIndex(q0, q1, q2, q3, radius, sink);
        }
    }

    private void scan(long q0, long q1, long q2, long q3, int radius, MatchSink sink) {
        long[] h = hashes;
        long[] live = liveBits;
        for (int w = 0; w < (highWater + 63) >>> 6; w++) {
            long bits = live[w];
            while (bits != 0) {
                int slot = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                int o = 4 * slot;
                int d = Long.bitCount(h[o] ^ q0) + Long.bitCount(h[o + 1] ^ q1)
                        + Long.bitCount(h[o + 2] ^ q2) + Long.bitCount(h[o + 3] ^ q3);
                if (d <= radius) {
                    sink.accept(ids[slot], d);
                }
            }
        }
    }

    private void multiIndex(long q0, long q1, long q2, long q3, int radius, MatchSink sink) {
        int s = radius / TABLES, a = radius % TABLES;
        long[] h = hashes;
        for (int t = 0; t < TABLES; t++) {
            int rad = t <= a ? s : s - 1;
            if (rad < 0) {
                break; // s == 0: only tables 0..a are probed
            }
            int qk = key(q0, q1, q2, q3, t);
            int nMasks = MASKS_UPTO[Math.min(rad, KEY_BITS)];
            int[][] table = tables[t];
            for (int m = 0; m < nMasks; m++) {
                int[] b = table[qk ^ MASKS[m]];
                if (b == null) {
                    continue;
                }
                for (int i = 1, n = b[0]; i <= n; i++) {
                    int slot = b[i];
                    int o = 4 * slot;
                    long h0 = h[o], h1 = h[o + 1], h2 = h[o + 2], h3 = h[o + 3];
                    int d = Long.bitCount(h0 ^ q0) + Long.bitCount(h1 ^ q1) + Long.bitCount(h2 ^ q2) + Long.bitCount(h3 ^ q3);
                    if (d <= radius && firstTable(h0, h1, h2, h3, q0, q1, q2, q3, t, s, a)) {
                        sink.accept(ids[slot], d);
                    }
                }
            }
        }
    }

    /** True when no table before {@code t} had this hash within its probe radius (so it was not reported there). */
    private static boolean firstTable(long h0, long h1, long h2, long h3, long q0, long q1, long q2, long q3, int t, int s, int a) {
        for (int j = 0; j < t; j++) {
            int rad = j <= a ? s : s - 1;
            if (Integer.bitCount(key(h0, h1, h2, h3, j) ^ key(q0, q1, q2, q3, j)) <= rad) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- memory

    /**
     * An estimate of the heap the index holds, in bytes: its arrays with 16-byte headers, 4-byte references
     * (compressed oops) and 8-byte alignment. Slot arrays and the id table grow ahead of use, so this is above
     * the minimum for {@link #size()} entries.
     */
    public long estimatedBytes() {
        lock.readLock().lock();
        try {
            long bytes = arr(8L * hashes.length) + arr(8L * ids.length) + arr(8L * liveBits.length)
                    + arr(4L * freeSlots.length) + arr(4L * slotOf.length)
                    + arr(4L * TABLES);
            for (int[][] table : tables) {
                bytes += arr(4L * KEYS);
                for (int[] b : table) {
                    if (b != null) {
                        bytes += arr(4L * b.length);
                    }
                }
            }
            return bytes;
        } finally {
            lock.readLock().unlock();
        }
    }

    private static long arr(long payload) {
        return (16 + payload + 7) & ~7L;
    }
}
