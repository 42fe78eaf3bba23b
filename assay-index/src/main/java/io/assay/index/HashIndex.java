package io.assay.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Exact Hamming-distance range search over 256-bit hashes (PDQ), by multi-index hashing (Norouzi, Punjani and
 * Fleet, "Fast Exact Search in Hamming Space with Multi-Index Hashing", 2014).
 *
 * <h2>Layout</h2>
 * Entries live in <em>slots</em>: slot {@code s} holds its hash in {@code hashes[4s..4s+3]} and its id in
 * {@code ids[s]}, and a bit set marks live slots. An open-addressed {@code int[]} table of slot numbers, hashed by
 * the slot's id, maps ids to slots. The search structure has two parts over those slots:
 * <ul>
 * <li>a read-only <em>base</em> ({@link Base}): for each of {@code m} substrings of {@code b} bits
 * ({@link Geometry}: 16 x 16 bits below 2M entries, 12 x 20 or 12 x 21 above), the slot numbers sorted by key
 * in one {@code int[]} with a directly addressed {@code int[2^b + 1]} of bucket offsets;</li>
 * <li>a mutable <em>delta</em> ({@link Delta}) with the slots added since the base was built, in 16 tables of
 * 16-bit substrings with small growable buckets.</li>
 * </ul>
 *
 * <h2>Search</h2>
 * For radius {@code r = s*m + a} ({@code 0 <= a < m}), any hash within {@code r} agrees within {@code s} bits
 * with the query on one of the substrings {@code 0..a}, or within {@code s-1} bits on one of the others. So each
 * table is probed at every key within that per-table radius of the query's substring, each candidate is verified
 * with {@link Long#bitCount} on all 256 bits, and a hit is reported only from the first table whose probe set
 * contains it, so results hold no duplicates and need no dedup set. Base and delta hold disjoint
 * slots and are searched one after the other. When the probe count is not much smaller than the number of
 * entries (large radii, small indexes) a linear scan over the live slots gives the same answer faster;
 * {@link #search} picks it automatically.
 *
 * <h2>Updates and threads</h2>
 * {@link #add} writes a slot and appends it to the delta; {@link #remove} clears the slot's live bit (a
 * tombstone: lookups check it on every hit). Both are visible to the next lookup. When the delta plus the
 * tombstones exceed {@code max(8192, size/32)}, the writer that crossed the limit builds a new base from all live
 * slots <em>without</em> holding the lock that lookups take, then swaps it in and empties the delta under a
 * short exclusive lock; freed slots are reused only after that swap. Writers are serialized by their own mutex,
 * so a write that triggers a merge (or waits behind one) waits for the rebuild (about half a second per
 * million entries); lookups keep running against the old base and delta meanwhile. A {@link ReentrantReadWriteLock} lets any number of lookups
 * run together; writers hold it exclusively only for the short in-memory update. A bulk lookup
 * ({@link #searchAll}) holds the read lock once, so it sees one state.
 */
public final class HashIndex {

    /** Number of substrings (tables) of the mutable part; each is 16 bits. */
    public static final int TABLES = 16;
    static final int KEY_BITS = 16;
    private static final int KEYS = 1 << KEY_BITS;

    /** Below this many delta entries plus tombstones no merge is started (unless {@link #size()}/32 is larger). */
    static final int DELTA_MIN = 8192;

    /** How {@link #search} picks between the multi-index probe and the linear scan (tests force each one). */
    enum Strategy { AUTO, MULTI_INDEX, SCAN }

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /** Serializes writers, including a merge's off-lock build. */
    private final ReentrantLock writeMutex = new ReentrantLock();
    private volatile Strategy strategy = Strategy.AUTO;
    private int deltaMin = DELTA_MIN;
    private Geometry geometry; // null: Geometry.forSize
    private int merges;

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

    // Search structure: disjoint sets of slots. Every slot in base or delta is either live or a tombstone.
    private Base base; // null until the first merge
    private Delta delta = new Delta();
    private int dead; // tombstones in base and delta

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
    }

    void strategy(Strategy s) {
        strategy = s;
    }

    /** Tests: merge once delta + tombstones exceed {@code max(min, size/32)}. */
    void deltaMin(int min) {
        deltaMin = min;
    }

    /** Tests: the base's cut instead of {@link Geometry#forSize}. */
    void geometry(Geometry g) {
        geometry = g;
    }

    /** Tests: number of merges so far, and the current split. */
    int merges() {
        return merges;
    }

    int highWater() {
        lock.readLock().lock();
        try {
            return highWater;
        } finally {
            lock.readLock().unlock();
        }
    }

    int deltaCount() {
        lock.readLock().lock();
        try {
            return delta.count();
        } finally {
            lock.readLock().unlock();
        }
    }

    int baseCount() {
        lock.readLock().lock();
        try {
            return base == null ? 0 : base.n;
        } finally {
            lock.readLock().unlock();
        }
    }

    // ---------------------------------------------------------------- writes

    /** Adds {@code hash} under {@code id}. Ids are unique: adding a present id throws. Equal hashes under different ids are fine. */
    public void add(Hash256 hash, long id) {
        add(hash.w0(), hash.w1(), hash.w2(), hash.w3(), id);
    }

    /** {@link #add(Hash256, long)} without the record. */
    public void add(long w0, long w1, long w2, long w3, long id) {
        writeMutex.lock();
        try {
            growOutsideLock(freeCount > 0 ? 0 : highWater + 1);
            lock.writeLock().lock();
            try {
                if (findSlot(id) >= 0) {
                    throw new IllegalArgumentException("id already present: " + id);
                }
                delta.add(addSlot(w0, w1, w2, w3, id), hashes);
            } finally {
                lock.writeLock().unlock();
            }
            mergeIfDue();
        } finally {
            writeMutex.unlock();
        }
    }

    /**
     * Adds {@code ids.length} entries in one write: entry {@code i} has words {@code words[4i..4i+3]}. Ids are
     * checked first (against the index and each other), so on a duplicate nothing is added. A batch larger than
     * the delta limit is merged straight into a new base: its entries then reach lookups together, when the new
     * base is swapped in, before this method returns ({@link #contains} and {@link #get} may see them a little
     * earlier).
     */
    public void addAll(long[] words, long[] ids) {
        if (words.length != 4L * ids.length) {
            throw new IllegalArgumentException("need 4 words per id: " + words.length + " words, " + ids.length + " ids");
        }
        writeMutex.lock();
        try {
            boolean bulk;
            growOutsideLock(highWater + ids.length);
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
                bulk = ids.length >= mergeLimit(size + ids.length);
                for (int i = 0; i < ids.length; i++) {
                    int slot = addSlot(words[4 * i], words[4 * i + 1], words[4 * i + 2], words[4 * i + 3], ids[i]);
                    if (!bulk) {
                        delta.add(slot, hashes);
                    }
                }
            } finally {
                lock.writeLock().unlock();
            }
            if (bulk) {
                merge();
            } else {
                mergeIfDue();
            }
        } finally {
            writeMutex.unlock();
        }
    }

    /** Removes the entry with {@code id}; false (and no change) when there is none. */
    public boolean remove(long id) {
        writeMutex.lock();
        try {
            lock.writeLock().lock();
            try {
                int slot = findSlot(id);
                if (slot < 0) {
                    return false;
                }
                removeId(slot);
                liveBits[slot >>> 6] &= ~(1L << slot);
                size--;
                dead++; // base or delta still lists the slot: a tombstone until the next merge
            } finally {
                lock.writeLock().unlock();
            }
            mergeIfDue();
            return true;
        } finally {
            writeMutex.unlock();
        }
    }

    /** Writes a new live slot (write lock held); the caller puts it into the delta or merges. */
    private int addSlot(long w0, long w1, long w2, long w3, long id) {
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
        putId(slot);
        size++;
        return slot;
    }

    /**
     * Writer mutex held, lock not held: grows the slot arrays to hold {@code needed} slots. The copy (hundreds of
     * MiB at 10M entries) is made while lookups go on reading the old arrays (no writer can change them), and
     * only the swap of the three references takes the write lock.
     */
    private void growOutsideLock(int needed) {
        if (needed <= ids.length) {
            return;
        }
        int cap = Math.max(needed, ids.length + (ids.length >>> 1));
        long[] h = Arrays.copyOf(hashes, 4 * cap);
        long[] i = Arrays.copyOf(ids, cap);
        long[] l = Arrays.copyOf(liveBits, (cap + 63) >>> 6);
        lock.writeLock().lock();
        try {
            hashes = h;
            ids = i;
            liveBits = l;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Write lock held; a no-op after {@link #growOutsideLock} (kept as a guard). */
    private void ensureSlotCapacity(int needed) {
        if (needed <= ids.length) {
            return;
        }
        int cap = Math.max(needed, ids.length + (ids.length >>> 1));
        hashes = Arrays.copyOf(hashes, 4 * cap);
        ids = Arrays.copyOf(ids, cap);
        liveBits = Arrays.copyOf(liveBits, (cap + 63) >>> 6);
    }

    private int mergeLimit(int entries) {
        return Math.max(deltaMin, entries / 32);
    }

    /** Writer mutex held, lock not held. */
    private void mergeIfDue() {
        if (delta.count() + dead > mergeLimit(size)) {
            merge();
        }
    }

    /** Tests and callers that want a compact state now: rebuilds the base from every live entry. */
    void mergeNow() {
        writeMutex.lock();
        try {
            merge();
        } finally {
            writeMutex.unlock();
        }
    }

    /**
     * Builds a new base from every live slot and swaps it in. Runs with the writer mutex held (so slots, hashes
     * and live bits do not change) but without the read-write lock, so lookups go on against the old base and
     * delta during the build; only the swap takes the write lock.
     */
    private void merge() {
        int hw = highWater;
        int[] members = new int[size];
        int n = 0;
        for (int w = 0; w < (hw + 63) >>> 6; w++) {
            for (long bits = liveBits[w]; bits != 0; bits &= bits - 1) {
                members[n++] = (w << 6) + Long.numberOfTrailingZeros(bits);
            }
        }
        Geometry g = geometry != null ? geometry : Geometry.forSize(n);
        Base nb = n == 0 ? null : Base.build(g, hashes, members, n);
        // After the swap every dead slot is referenced by nothing (the new base holds only live slots and the
        // delta is emptied): they all become free, pushed high to low so that low slots are reused first.
        int[] free = new int[Math.max(16, hw - n)];
        int nFree = 0;
        for (int s = hw - 1; s >= 0; s--) {
            if ((liveBits[s >>> 6] & (1L << s)) == 0) {
                free[nFree++] = s;
            }
        }
        Delta fresh = new Delta();
        lock.writeLock().lock();
        try {
            base = nb;
            delta = fresh;
            dead = 0;
            freeSlots = free;
            freeCount = nFree;
            merges++;
        } finally {
            lock.writeLock().unlock();
        }
    }

    // ---------------------------------------------------------------- id table

    private void initIdTable(int expected) {
        // The smallest power of two that keeps the load factor at or below 0.75 for `expected` ids.
        int cap = Integer.highestOneBit(Math.max(16, (int) Math.min(1 << 30, (expected * 4L + 2) / 3) - 1)) << 1;
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
            searchLocked(new long[] {q0, q1, q2, q3}, radius, sink);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** One {@link #search(Hash256, int)} per query, all against the same state of the index (one read lock). */
    public List<List<Match>> searchAll(List<Hash256> queries, int radius) {
        checkRadius(radius);
        List<List<Match>> all = new ArrayList<>(queries.size());
        long[] q = new long[4];
        lock.readLock().lock();
        try {
            for (Hash256 h : queries) {
                List<Match> out = new ArrayList<>();
                q[0] = h.w0();
                q[1] = h.w1();
                q[2] = h.w2();
                q[3] = h.w3();
                searchLocked(q, radius, (id, d) -> out.add(new Match(id, d)));
                out.sort(Match.ORDER);
                all.add(out);
            }
        } finally {
            lock.readLock().unlock();
        }
        return all;
    }

    /**
     * Bulk form of the streaming search: query {@code j} is {@code queries[4j..4j+3]}; every hit is passed to
     * {@code sink} as {@code (j, id, distance)}. One read lock for the whole batch.
     */
    public void searchAll(long[] queries, int radius, BulkMatchSink sink) {
        checkRadius(radius);
        if (queries.length % 4 != 0) {
            throw new IllegalArgumentException("need 4 words per query: " + queries.length);
        }
        long[] q = new long[4];
        lock.readLock().lock();
        try {
            for (int j = 0; j < queries.length / 4; j++) {
                System.arraycopy(queries, 4 * j, q, 0, 4);
                int query = j;
                searchLocked(q, radius, (id, d) -> sink.accept(query, id, d));
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    private static void checkRadius(int radius) {
        if (radius < 0) {
            throw new IllegalArgumentException("radius must be >= 0: " + radius);
        }
    }

    /** Probes the 16 x 16 multi-index search makes at {@code radius}. */
    static int probes(int radius) {
        return (int) Math.min(Integer.MAX_VALUE, Geometry.M16.probes(radius));
    }

    private void searchLocked(long[] q, int radius, MatchSink sink) {
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
            case AUTO -> radius >= 256 || (base != null && base.g.probes(radius) * 4 >= Math.min(size, 1L << base.g.b));
        };
        if (scan) {
            scan(q, radius, sink);
            return;
        }
        if (base != null) {
            base.search(q, radius, hashes, ids, liveBits, sink);
        }
        delta.search(q, radius, hashes, ids, liveBits, st == Strategy.MULTI_INDEX, sink);
    }

    private void scan(long[] q, int radius, MatchSink sink) {
        long q0 = q[0], q1 = q[1], q2 = q[2], q3 = q[3];
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

    // ---------------------------------------------------------------- memory

    /**
     * An estimate of the heap the index holds, in bytes: its arrays with 16-byte headers, 4-byte references
     * (compressed oops) and 8-byte alignment. Slot arrays and the id table grow ahead of use, so this is above
     * the minimum for {@link #size()} entries.
     */
    public long estimatedBytes() {
        lock.readLock().lock();
        try {
            return arr(8L * hashes.length) + arr(8L * ids.length) + arr(8L * liveBits.length)
                    + arr(4L * freeSlots.length) + arr(4L * slotOf.length)
                    + (base == null ? 0 : base.estimatedBytes()) + delta.estimatedBytes();
        } finally {
            lock.readLock().unlock();
        }
    }

    static long arr(long payload) {
        return (16 + payload + 7) & ~7L;
    }
}
