package io.assay.c2pa.validation.binding;

import com.upokecenter.cbor.CBORException;
import com.upokecenter.cbor.CBORObject;
import com.upokecenter.cbor.CBORType;
import io.assay.c2pa.manifest.Cbor;
import io.assay.c2pa.manifest.HashAlgorithm;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The Merkle-tree part of a BMFF hash ({@code merkle} in {@code c2pa.hash.bmff} v2/v3), for a single-file asset, as
 * the reference (c2pa-rs 0.91.3) verifies it:
 * <ul>
 *     <li>an {@code initHash} covers the file up to its first top-level {@code moof} (minus the exclusions); on a
 *     file without {@code moof} it is an error;</li>
 *     <li>fragmented files (a top-level {@code moof} after other boxes): each fragment (a {@code moof} and the
 *     top-level boxes up to the next one) is hashed minus the exclusions, and checked through the proof in the
 *     fragment's C2PA {@code merkle} uuid box against the map's stored tree row;</li>
 *     <li>maps with {@code fixedBlockSize} or {@code variableBlockSizes} (or, as fallback, neither): one map per
 *     top-level {@code mdat}; its leaves are blocks of the mdat after its first 16 bytes, checked against the stored
 *     row (directly, by rebuilding the root when only the root is stored, or through the proofs of the merkle uuid
 *     boxes).</li>
 * </ul>
 * Timed-media maps (leaves over the samples of each track chunk) are checked by {@link TimedMediaMerkle}, which throws
 * {@link Unchecked} for sample-to-chunk tables that revisit or restart a chunk (which it does not follow).
 */
final class BmffMerkle {

    /** The Merkle hashes could not be checked by this implementation (never a match or a mismatch). */
    static final class Unchecked extends Exception {
        Unchecked(String message) {
            super(message);
        }
    }

    /** The reference's bound on the leaf hashes one map may need in memory. */
    static final long MAX_LEAVES_BYTES = 32L * 1024 * 1024;
    static final long MAX_MERKLE_BOX = 16L * 1024 * 1024;
    static final int MAX_MAPS = 10_000;
    private static final int MDAT_SKIP = 16;

    private static final byte[] C2PA_UUID = {(byte) 0xd8, (byte) 0xfe, (byte) 0xc3, (byte) 0xd6, 0x1b, 0x0e, 0x48,
            0x3c, (byte) 0x92, (byte) 0x97, 0x58, 0x28, (byte) 0x87, 0x7e, (byte) 0xc4, (byte) 0x81};

    /** One entry of the assertion's {@code merkle} array. */
    record MerkleMap(long uniqueId, long localId, int count, Optional<String> alg, Optional<byte[]> initHash,
                     List<byte[]> hashes, Optional<Long> fixedBlockSize, Optional<List<Long>> variableBlockSizes) {
    }

    /** The content of a C2PA {@code merkle} uuid box: where a leaf sits and its proof. */
    record Proof(long uniqueId, long localId, long location, Optional<List<byte[]>> hashes) {
    }

    private BmffMerkle() {
    }

    static List<MerkleMap> maps(List<CBORObject> merkle) throws BindingException {
        if (merkle.size() > MAX_MAPS) {
            throw new BindingException("too many Merkle maps");
        }
        List<MerkleMap> out = new ArrayList<>();
        for (CBORObject m : merkle) {
            long count = Cbor.get(m, "count").flatMap(Cbor::integer).orElse(-1L);
            if (!Cbor.isMap(m) || count < 0 || count > Integer.MAX_VALUE) {
                throw new BindingException("malformed Merkle map");
            }
            List<byte[]> hashes = new ArrayList<>();
            for (CBORObject h : Cbor.array(m, "hashes")) {
                if (h.getType() != CBORType.ByteString) {
                    throw new BindingException("malformed Merkle map: a hash is not a byte string");
                }
                hashes.add(h.GetByteString());
            }
            Optional<List<Long>> variable = Optional.empty();
            if (Cbor.get(m, "variableBlockSizes").isPresent()) {
                List<Long> sizes = new ArrayList<>();
                for (CBORObject s : Cbor.array(m, "variableBlockSizes")) {
                    long v = Cbor.integer(s).orElse(-1L);
                    if (v < 0) {
                        throw new BindingException("malformed Merkle map: variable block size");
                    }
                    sizes.add(v);
                }
                variable = Optional.of(sizes);
            }
            out.add(new MerkleMap(Cbor.get(m, "uniqueId").flatMap(Cbor::integer).orElse(0L),
                    Cbor.get(m, "localId").flatMap(Cbor::integer).orElse(0L), (int) count, Cbor.text(m, "alg"),
                    Cbor.bytes(m, "initHash"), hashes, Cbor.get(m, "fixedBlockSize").flatMap(Cbor::integer),
                    variable));
        }
        return out;
    }

    /**
     * Verifies the Merkle maps.
     *
     * @param assertionAlg the assertion's own {@code alg}, the default for maps without one
     * @param exclusions   the assertion's exclusions, resolved to byte ranges
     * @param offsets      the top-level box offsets hashed in (v2 and later), as for the file hash
     */
    static void verify(List<MerkleMap> maps, Optional<String> assertionAlg, SeekableByteChannel ch,
                       List<BmffBoxes.Box> boxes, List<RangeHasher.Exclusion> exclusions, List<Long> offsets)
            throws IOException, BindingException, Unchecked {
        long size = ch.size();
        List<BmffBoxes.Box> top = new ArrayList<>();
        for (BmffBoxes.Box b : boxes) {
            if (b.topLevel()) {
                top.add(b);
            }
        }
        List<Proof> proofs = proofs(ch, top);
        BmffBoxes.Box firstMoof = top.stream().filter(b -> b.type().equals("moof")).findFirst().orElse(null);
        for (MerkleMap mm : maps) {
            if (mm.initHash().isEmpty()) {
                continue;
            }
            HashAlgorithm alg = alg(mm, assertionAlg);
            if (firstMoof == null) {
                throw new BindingException("BMFF inithash must not be present for non-fragmented media");
            }
            List<RangeHasher.Exclusion> ex = new ArrayList<>(exclusions);
            ex.add(new RangeHasher.Exclusion(firstMoof.offset(), size - firstMoof.offset()));
            if (!MessageDigest.isEqual(RangeHasher.hash(alg, ch, ex, offsets), mm.initHash().get())) {
                throw new BindingException("BMFF init segment hash mismatch");
            }
        }
        if (firstMoof != null) {
            List<List<BmffBoxes.Box>> fragments = fragments(top);
            for (MerkleMap mm : maps) {
                HashAlgorithm alg = alg(mm, assertionAlg);
                if (fragments.size() != mm.count() || proofs.size() != mm.count()) {
                    throw new BindingException("incorrect number of fragment hashes (" + fragments.size()
                            + " fragments, " + proofs.size() + " merkle boxes, map count " + mm.count() + ")");
                }
                for (int i = 0; i < fragments.size(); i++) {
                    List<BmffBoxes.Box> f = fragments.get(i);
                    long start = f.getFirst().offset();
                    long end = f.getLast().offset() + f.getLast().size();
                    List<RangeHasher.Exclusion> ex = new ArrayList<>(exclusions);
                    ex.add(new RangeHasher.Exclusion(0, start));
                    ex.add(new RangeHasher.Exclusion(end, size - end));
                    byte[] leaf = RangeHasher.hash(alg, ch, ex, offsets);
                    Proof p = proofs.get(i);
                    if (!checkTree(mm, alg, leaf, p.location(), p.hashes())) {
                        throw new BindingException("fragment " + (i + 1) + " (at offset " + start + ") not valid");
                    }
                }
            }
            return;
        }
        boolean blocks = maps.stream().allMatch(m -> m.fixedBlockSize().isPresent()
                || m.variableBlockSizes().isPresent());
        if (!blocks && top.stream().anyMatch(b -> b.type().equals("moov")) && !proofs.isEmpty()) {
            TimedMediaMerkle.verify(maps, assertionAlg, ch, proofs);
            return;
        }
        mdatBlocks(maps, assertionAlg, ch, top, proofs);
    }

    private static HashAlgorithm alg(MerkleMap mm, Optional<String> assertionAlg) throws BindingException {
        Optional<String> name = mm.alg().or(() -> assertionAlg);
        if (name.isEmpty()) {
            throw new BindingException("no algorithm found for Merkle map");
        }
        return HashAlgorithm.of(name.get())
                .orElseThrow(() -> new BindingException("unsupported Merkle hash algorithm " + name.get()));
    }

    /** The fragments: from the first top-level moof (when it is not the first box), each moof and what follows it. */
    static List<List<BmffBoxes.Box>> fragments(List<BmffBoxes.Box> top) {
        List<List<BmffBoxes.Box>> out = new ArrayList<>();
        int first = -1;
        for (int i = 0; i < top.size(); i++) {
            if (top.get(i).type().equals("moof")) {
                first = i;
                break;
            }
        }
        if (first <= 0) {
            return out;
        }
        List<BmffBoxes.Box> current = new ArrayList<>();
        current.add(top.get(first));
        for (int i = first + 1; i < top.size(); i++) {
            if (top.get(i).type().equals("moof")) {
                out.add(current);
                current = new ArrayList<>();
            }
            current.add(top.get(i));
        }
        out.add(current);
        return out;
    }

    /** The C2PA uuid boxes at the top level whose purpose is {@code merkle}, in file order. */
    static List<Proof> proofs(SeekableByteChannel ch, List<BmffBoxes.Box> top) throws IOException, BindingException {
        List<Proof> out = new ArrayList<>();
        for (BmffBoxes.Box b : top) {
            if (!b.type().equals("uuid")) {
                continue;
            }
            long header = headerSize(ch, b);
            long body = b.offset() + header;
            if (b.size() < header + 16 + 4) {
                continue;
            }
            byte[] uuid = read(ch, body, 16);
            if (!Arrays.equals(uuid, C2PA_UUID)) {
                continue;
            }
            long p = body + 16 + 4;
            long end = b.offset() + b.size();
            StringBuilder purpose = new StringBuilder();
            while (true) {
                if (p >= end) {
                    throw new BindingException("C2PA uuid box at offset " + b.offset()
                            + ": purpose without terminator");
                }
                int c = read(ch, p++, 1)[0] & 0xFF;
                if (c == 0) {
                    break;
                }
                if (purpose.length() > 64) {
                    throw new BindingException("C2PA uuid box at offset " + b.offset() + ": purpose too long");
                }
                purpose.append((char) c);
            }
            if (!purpose.toString().equals("merkle")) {
                continue;
            }
            if (end - p > MAX_MERKLE_BOX) {
                throw new BindingException("merkle uuid box at offset " + b.offset() + " is too large");
            }
            if (out.size() >= MAX_MAPS * 16) {
                throw new BindingException("too many merkle uuid boxes");
            }
            out.add(proof(read(ch, p, (int) (end - p)), b.offset()));
        }
        return out;
    }

    private static Proof proof(byte[] data, long at) throws BindingException {
        CBORObject o;
        try {
            o = CBORObject.Read(new ByteArrayInputStream(data)); // trailing zero padding is allowed
        } catch (CBORException | IllegalArgumentException | IllegalStateException e) {
            throw new BindingException("merkle uuid box at offset " + at + " is not valid CBOR");
        }
        long location = Cbor.get(o, "location").flatMap(Cbor::integer).orElse(-1L);
        if (!Cbor.isMap(o) || location < 0) {
            throw new BindingException("merkle uuid box at offset " + at + " is malformed");
        }
        Optional<List<byte[]>> hashes = Optional.empty();
        if (Cbor.get(o, "hashes").isPresent()) {
            List<byte[]> h = new ArrayList<>();
            for (CBORObject x : Cbor.array(o, "hashes")) {
                if (x.getType() != CBORType.ByteString) {
                    throw new BindingException("merkle uuid box at offset " + at + ": a proof hash is not bytes");
                }
                h.add(x.GetByteString());
            }
            hashes = Optional.of(h);
        }
        return new Proof(Cbor.get(o, "uniqueId").flatMap(Cbor::integer).orElse(0L),
                Cbor.get(o, "localId").flatMap(Cbor::integer).orElse(0L), location, hashes);
    }

    /** Leaves over the blocks of each top-level mdat (after its first 16 bytes). */
    private static void mdatBlocks(List<MerkleMap> maps, Optional<String> assertionAlg, SeekableByteChannel ch,
                                   List<BmffBoxes.Box> top, List<Proof> proofs) throws IOException, BindingException {
        if (maps.stream().anyMatch(m -> m.fixedBlockSize().isPresent() && m.variableBlockSizes().isPresent())) {
            throw new BindingException("a Merkle map has both fixed and variable block sizes");
        }
        List<BmffBoxes.Box> mdats = top.stream().filter(b -> b.type().equals("mdat")).toList();
        if (mdats.size() != maps.size()) {
            throw new BindingException("number of Merkle maps (" + maps.size() + ") does not match number of mdat "
                    + "boxes (" + mdats.size() + ")");
        }
        List<Leaves> ranges = new ArrayList<>();
        for (int i = 0; i < mdats.size(); i++) {
            BmffBoxes.Box mdat = mdats.get(i);
            MerkleMap mm = maps.get(i);
            long start = mdat.offset() + MDAT_SKIP;
            long left = Math.max(0, mdat.size() - MDAT_SKIP);
            HashAlgorithm alg = alg(mm, assertionAlg);
            Leaves r;
            if (mm.fixedBlockSize().isPresent()) {
                long block = mm.fixedBlockSize().get();
                if (block <= 1) {
                    throw new BindingException("fixed block size must be a positive integer");
                }
                long leaves = left / block + (left % block == 0 ? 0 : 1);
                checkLeafMemory(leaves, alg);
                r = new Leaves.Fixed(start, left, block, (int) leaves);
            } else if (mm.variableBlockSizes().isPresent()) {
                List<Long> sizes = mm.variableBlockSizes().get();
                long sum = 0;
                for (long s : sizes) {
                    sum += s;
                    if (sum < 0) {
                        throw new BindingException("variable block sizes overflow");
                    }
                }
                if (sum != left) {
                    throw new BindingException("variable block sizes do not match the mdat box size");
                }
                checkLeafMemory(sizes.size(), alg);
                long[] starts = new long[sizes.size()];
                for (int j = 0; j < starts.length; j++) {
                    starts[j] = start;
                    start += sizes.get(j);
                }
                r = new Leaves.Variable(starts, sizes);
            } else {
                r = new Leaves.Fixed(start, left, Math.max(left, 1), 1); // one leaf: the whole mdat
            }
            ranges.add(r);
        }
        if (proofs.isEmpty()) {
            for (int i = 0; i < maps.size(); i++) {
                MerkleMap mm = maps.get(i);
                HashAlgorithm alg = alg(mm, assertionAlg);
                Leaves r = ranges.get(i);
                if (r.count() != mm.count()) {
                    throw new BindingException("number of leaves (" + r.count() + ") does not match the Merkle map "
                            + "count (" + mm.count() + ")");
                }
                if (mm.hashes().size() == 1 && mm.count() > 1) {
                    StreamingRoot root = new StreamingRoot(alg);
                    for (int j = 0; j < r.count(); j++) {
                        root.add(BoxHashes.hashRange(alg, ch, r.start(j), r.length(j)));
                    }
                    if (!MessageDigest.isEqual(root.root(), mm.hashes().getFirst())) {
                        throw new BindingException("Merkle root hash did not match");
                    }
                } else {
                    for (int j = 0; j < r.count(); j++) {
                        byte[] leaf = BoxHashes.hashRange(alg, ch, r.start(j), r.length(j));
                        if (!checkTree(mm, alg, leaf, j, Optional.empty())) {
                            throw new BindingException("block hash " + j + " did not match");
                        }
                    }
                }
            }
            return;
        }
        // proofs from the merkle uuid boxes, taken in order, count by count
        int next = 0;
        for (int i = 0; i < maps.size(); i++) {
            MerkleMap mm = maps.get(i);
            HashAlgorithm alg = alg(mm, assertionAlg);
            if (mm.count() > proofs.size() - next) {
                throw new BindingException("Merkle map count incorrect");
            }
            List<Proof> group = proofs.subList(next, next + mm.count());
            next += mm.count();
            Leaves r = ranges.get(i);
            if (r.count() != group.size()) {
                throw new BindingException("number of hash ranges does not match the merkle box count");
            }
            for (int j = 0; j < r.count(); j++) {
                byte[] leaf = BoxHashes.hashRange(alg, ch, r.start(j), r.length(j));
                if (!checkTree(mm, alg, leaf, group.get(j).location(), group.get(j).hashes())) {
                    throw new BindingException("block hash " + j + " did not match");
                }
            }
        }
    }

    /** The byte ranges of one mdat's leaves, computed on demand. */
    private sealed interface Leaves {
        int count();

        long start(int j);

        long length(int j);

        record Fixed(long start, long total, long block, int count) implements Leaves {
            @Override
            public long start(int j) {
                return start + j * block;
            }

            @Override
            public long length(int j) {
                return Math.min(block, total - j * block);
            }
        }

        record Variable(long[] starts, List<Long> sizes) implements Leaves {
            @Override
            public int count() {
                return starts.length;
            }

            @Override
            public long start(int j) {
                return starts[j];
            }

            @Override
            public long length(int j) {
                return sizes.get(j);
            }
        }
    }

    /**
     * The root of the tree over leaves given one at a time, in memory proportional to the tree's height: the tree
     * pairs nodes left to right and carries an odd last node up unhashed, which is the same as merging equal-height
     * subtrees as they complete and, at the end, folding the remaining ones right to left.
     */
    static final class StreamingRoot {
        private final HashAlgorithm alg;
        private final List<byte[]> nodes = new ArrayList<>();
        private final List<Integer> heights = new ArrayList<>();

        StreamingRoot(HashAlgorithm alg) {
            this.alg = alg;
        }

        void add(byte[] leaf) {
            byte[] node = leaf;
            int height = 0;
            while (!heights.isEmpty() && heights.getLast() == height) {
                node = pair(alg, nodes.removeLast(), node);
                heights.removeLast();
                height++;
            }
            nodes.add(node);
            heights.add(height);
        }

        byte[] root() throws BindingException {
            if (nodes.isEmpty()) {
                throw new BindingException("empty Merkle tree");
            }
            byte[] node = nodes.getLast();
            for (int i = nodes.size() - 2; i >= 0; i--) {
                node = pair(alg, nodes.get(i), node);
            }
            return node;
        }
    }

    private static void checkLeafMemory(long leaves, HashAlgorithm alg) throws BindingException {
        long bytes = alg.newDigest().getDigestLength();
        if (leaves > MAX_LEAVES_BYTES / bytes) {
            throw new BindingException("Merkle tree of " + leaves + " leaves is over the "
                    + MAX_LEAVES_BYTES + "-byte limit");
        }
    }

    /** The number of nodes in each layer, leaves first; an odd last node is carried up unhashed. */
    static List<Integer> layout(int leaves) {
        List<Integer> out = new ArrayList<>();
        int n = leaves;
        out.add(n);
        while (n > 1) {
            n = (n + 1) / 2;
            out.add(n);
        }
        return out;
    }

    /** The root of the tree over {@code leaves} (pairs hashed as left||right, an odd last node carried up). */
    static byte[] root(HashAlgorithm alg, List<byte[]> leaves) throws BindingException {
        if (leaves.isEmpty()) {
            throw new BindingException("empty Merkle tree");
        }
        List<byte[]> layer = leaves;
        while (layer.size() > 1) {
            List<byte[]> up = new ArrayList<>((layer.size() + 1) / 2);
            for (int i = 0; i < layer.size(); i += 2) {
                up.add(i + 1 == layer.size() ? layer.get(i) : pair(alg, layer.get(i), layer.get(i + 1)));
            }
            layer = up;
        }
        return layer.getFirst();
    }

    /**
     * Climbs from a leaf hash at {@code location} with the proof until reaching the layer the map stores (the layer
     * whose node count equals the number of stored hashes), then compares with the stored node.
     */
    static boolean checkTree(MerkleMap mm, HashAlgorithm alg, byte[] leaf, long location,
                             Optional<List<byte[]>> proof) {
        if (location < 0 || location >= mm.count()) {
            return false;
        }
        long index = location;
        byte[] hash = leaf;
        int used = 0;
        for (int layer : layout(mm.count())) {
            if (layer == mm.hashes().size()) {
                break;
            }
            if (proof.isPresent()) {
                boolean right = index % 2 == 1;
                if (right || index + 1 < layer) {
                    if (used >= proof.get().size()) {
                        return false;
                    }
                    byte[] sibling = proof.get().get(used++);
                    hash = right ? pair(alg, sibling, hash) : pair(alg, hash, sibling);
                }
            }
            index /= 2;
        }
        return index < mm.hashes().size() && MessageDigest.isEqual(mm.hashes().get((int) index), hash);
    }

    private static byte[] pair(HashAlgorithm alg, byte[] left, byte[] right) {
        MessageDigest d = alg.newDigest();
        d.update(left);
        d.update(right);
        return d.digest();
    }

    private static long headerSize(SeekableByteChannel ch, BmffBoxes.Box b) throws IOException, BindingException {
        return (read(ch, b.offset(), 4)[0] == 0 && ByteBuffer.wrap(read(ch, b.offset(), 4)).getInt() == 1) ? 16 : 8;
    }

    private static byte[] read(SeekableByteChannel ch, long pos, int n) throws IOException, BindingException {
        if (pos < 0 || n < 0 || pos > ch.size() - n) {
            throw new BindingException("read of " + n + " bytes at offset " + pos + " runs past the end of the file");
        }
        ByteBuffer b = ByteBuffer.allocate(n);
        ch.position(pos);
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) {
                throw new BindingException("unexpected end of file at offset " + (pos + b.position()));
            }
        }
        return b.array();
    }
}
