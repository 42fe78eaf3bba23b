package io.assay.c2pa.validation.binding;

import io.assay.c2pa.container.ChannelReader;

import io.assay.c2pa.manifest.HashAlgorithm;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Timed-media Merkle maps of a BMFF hash, as the reference (c2pa-rs 0.91.3) verifies them: one map per track (its
 * {@code localId} is the track id of the track's {@code tkhd}); a leaf is the hash of the samples of one chunk of the
 * track, concatenated in sample order, where the samples are found through the track's sample tables ({@code stsc},
 * {@code stco}/{@code co64}, {@code stsz}); the C2PA {@code merkle} uuid boxes, taken in file order and count by
 * count for each map, give each leaf's location ({@code location + 1} is the chunk number) and proof.
 * <p>
 * Sample tables are read from the file as they are needed, and only the leaf hashes of chunks that a merkle box
 * names are kept, so memory stays small whatever the table sizes. A sample-to-chunk table that returns to a chunk it
 * has left (never written by a muxer) is not followed: {@link BmffMerkle.Unchecked} is thrown.
 */
final class TimedMediaMerkle {

    /** Where one track's tables are; entries are read on demand. */
    private record Track(long trackId, long stscEntries, long stscCount, long chunkEntries, long chunkCount,
                         boolean chunk64, long fixedSampleSize, long sizeEntries, long sampleCount) {
    }

    private final SeekableByteChannel ch;
    private final ChannelReader in;
    private final long size;

    private TimedMediaMerkle(SeekableByteChannel ch) throws IOException {
        this.ch = ch;
        this.in = new ChannelReader(ch);
        this.size = ch.size();
    }

    static void verify(List<BmffMerkle.MerkleMap> maps, Optional<String> assertionAlg, SeekableByteChannel ch,
                       List<BmffMerkle.Proof> proofs) throws IOException, BindingException, BmffMerkle.Unchecked {
        TimedMediaMerkle t = new TimedMediaMerkle(ch);
        // the merkle boxes, split count by count among the maps
        List<List<BmffMerkle.Proof>> groups = new ArrayList<>();
        int next = 0;
        for (BmffMerkle.MerkleMap mm : maps) {
            if (mm.count() > proofs.size() - next) {
                throw new BindingException("Merkle map count incorrect");
            }
            groups.add(proofs.subList(next, next + mm.count()));
            next += mm.count();
        }
        Map<Long, Track> tracks = t.tracks();
        if (tracks.isEmpty()) {
            throw new BindingException("BMFF has no tracks for timed-media Merkle verification");
        }
        for (int i = 0; i < maps.size(); i++) {
            BmffMerkle.MerkleMap mm = maps.get(i);
            HashAlgorithm alg = alg(mm, assertionAlg);
            Track track = tracks.get(mm.localId());
            if (track == null) {
                throw new BindingException("Merkle location not found: no track " + mm.localId());
            }
            if (track.sampleCount() == 0) {
                throw new BindingException("track " + track.trackId() + " has no samples");
            }
            List<BmffMerkle.Proof> group = groups.get(i);
            Set<Long> wanted = new HashSet<>();
            for (BmffMerkle.Proof p : group) {
                if (p.location() < 0xFFFFFFFFL) {
                    wanted.add(p.location() + 1);
                }
            }
            Map<Long, byte[]> chunkHashes = t.chunkHashes(track, alg, wanted);
            List<byte[]> leaves = new ArrayList<>();
            for (BmffMerkle.Proof p : group) {
                byte[] h = p.location() < 0xFFFFFFFFL ? chunkHashes.remove(p.location() + 1) : null;
                if (h == null) {
                    throw new BindingException("could not generate the hash of chunk " + (p.location() + 1)
                            + " of track " + track.trackId());
                }
                leaves.add(h);
            }
            for (BmffMerkle.Proof p : group) {
                if (p.location() >= leaves.size()) {
                    throw new BindingException("merkle box location " + p.location() + " exceeds the leaf count");
                }
                if (!BmffMerkle.checkTree(mm, alg, leaves.get((int) p.location()), p.location(), p.hashes())) {
                    throw new BindingException("chunk " + (p.location() + 1) + " of track " + track.trackId()
                            + " not valid");
                }
            }
        }
    }

    private static HashAlgorithm alg(BmffMerkle.MerkleMap mm, Optional<String> assertionAlg)
            throws BindingException {
        Optional<String> name = mm.alg().or(() -> assertionAlg);
        if (name.isEmpty()) {
            throw new BindingException("no algorithm found for Merkle map");
        }
        return HashAlgorithm.of(name.get())
                .orElseThrow(() -> new BindingException("unsupported Merkle hash algorithm " + name.get()));
    }

    /** The hashes of the wanted chunks (1-based chunk numbers), reading every sample of the track once, in order. */
    private Map<Long, byte[]> chunkHashes(Track track, HashAlgorithm alg, Set<Long> wanted)
            throws IOException, BindingException, BmffMerkle.Unchecked {
        if (track.stscCount() == 0) {
            throw new BindingException("BMFF has no stsc entries");
        }
        Map<Long, byte[]> out = new HashMap<>();
        Set<Long> left = new HashSet<>();
        // the governing run: the last one whose first sample is at or before the current sample
        int run = 0;
        long runFirstChunk = in.u32be(track.stscEntries());
        long runPerChunk = in.u32be(track.stscEntries() + 4);
        long runFirstSample = 1;
        long nextFirstSample = nextFirstSample(track, 0, runFirstChunk, runPerChunk, runFirstSample);
        long chunk = -1;
        long chunkFirstSample = -1;
        long offset = 0;
        MessageDigest digest = null;
        ByteBuffer buf = ByteBuffer.allocate(RangeHasher.BUFFER);
        for (long sample = 1; sample <= track.sampleCount(); sample++) {
            while (nextFirstSample >= 0 && nextFirstSample <= sample) {
                run++;
                long e = track.stscEntries() + 12L * run;
                long firstChunk = in.u32be(e);
                long perChunk = in.u32be(e + 4);
                runFirstSample = nextFirstSample;
                nextFirstSample = nextFirstSample(track, run, firstChunk, perChunk, runFirstSample);
                runFirstChunk = firstChunk;
                runPerChunk = perChunk;
            }
            if (runPerChunk == 0) {
                throw new BindingException("stsc samples_per_chunk must be non-zero");
            }
            long within = sample - runFirstSample;
            long id = runFirstChunk + within / runPerChunk;
            if (id > 0xFFFFFFFFL) {
                throw new BindingException("BMFF stsc chunk number overflow");
            }
            if (id == 0) {
                throw new BindingException("BMFF stsc chunk number is zero");
            }
            long firstInChunk = sample - within % runPerChunk;
            if (id != chunk || firstInChunk != chunkFirstSample) {
                if (id == chunk) {
                    // a run that starts inside the chunk it continues: the reference goes on hashing into that
                    // chunk from a recomputed offset; not followed here
                    throw new BmffMerkle.Unchecked("the sample-to-chunk table of track " + track.trackId()
                            + " restarts inside chunk " + id);
                }
                if (digest != null) {
                    out.put(chunk, digest.digest());
                }
                if (!left.add(id)) {
                    throw new BmffMerkle.Unchecked("the sample-to-chunk table of track " + track.trackId()
                            + " returns to chunk " + id);
                }
                if (id > track.chunkCount()) {
                    throw new BindingException("Merkle location not found: chunk " + id + " of track "
                            + track.trackId() + " has no offset");
                }
                long index = id - 1;
                offset = track.chunk64() ? in.u64be(track.chunkEntries() + 8 * index)
                        : in.u32be(track.chunkEntries() + 4 * index);
                for (long s = firstInChunk; s < sample; s++) {
                    offset += sampleSize(track, s);
                }
                chunk = id;
                chunkFirstSample = firstInChunk;
                digest = wanted.contains(id) ? alg.newDigest() : null;
            }
            long n = sampleSize(track, sample);
            if (offset < 0 || offset > size - n) {
                throw new BindingException("BMFF sample " + sample + " of track " + track.trackId()
                        + " extends beyond the end of the file");
            }
            if (digest != null) {
                update(digest, buf, offset, n);
            }
            offset += n;
        }
        if (digest != null) {
            out.put(chunk, digest.digest());
        }
        return out;
    }

    /** The first sample of run {@code run + 1}, or -1 when {@code run} is the last. */
    private long nextFirstSample(Track track, int run, long firstChunk, long perChunk, long firstSample)
            throws IOException, BindingException {
        if (run + 1 >= track.stscCount()) {
            return -1;
        }
        long nextFirstChunk = in.u32be(track.stscEntries() + 12L * (run + 1));
        if (nextFirstChunk < firstChunk) {
            throw new BindingException("BMFF stsc first_sample overflow");
        }
        long v = (nextFirstChunk - firstChunk) * perChunk + firstSample;
        if (v > 0xFFFFFFFFL) {
            throw new BindingException("BMFF stsc first_sample overflow");
        }
        return v;
    }

    private long sampleSize(Track track, long sample) throws IOException {
        return track.fixedSampleSize() > 0 ? track.fixedSampleSize() : in.u32be(track.sizeEntries() + 4 * (sample - 1));
    }

    private void update(MessageDigest d, ByteBuffer buf, long pos, long n) throws IOException {
        long left = n;
        while (left > 0) {
            buf.clear().limit((int) Math.min(buf.capacity(), left));
            int r = ch.position(pos).read(buf);
            if (r <= 0) {
                throw new EOFException("unexpected end of file at offset " + pos);
            }
            d.update(buf.array(), 0, r);
            pos += r;
            left -= r;
        }
    }

    // ---------------------------------------------------------------- sample tables

    /** A box: its type, where its content starts and where it ends. */
    private record Child(String type, long content, long end) {
    }

    private Child child(long pos, long end) throws IOException, BindingException {
        if (end - pos < 8) {
            throw new BindingException("BMFF box header at offset " + pos + " out of bounds");
        }
        long boxSize = in.u32be(pos);
        String type = in.ascii(pos + 4, 4);
        long content = pos + 8;
        if (boxSize == 1) {
            if (end - pos < 16) {
                throw new BindingException("BMFF box header at offset " + pos + " out of bounds");
            }
            boxSize = in.u64be(pos + 8);
            content = pos + 16;
        } else if (boxSize == 0) {
            boxSize = end - pos;
        }
        long boxEnd = pos + boxSize;
        if (boxSize < 0 || boxEnd > end || boxEnd < content) {
            throw new BindingException("BMFF box size out of bounds at offset " + pos);
        }
        return new Child(type, content, boxEnd);
    }

    private Optional<Child> find(long start, long end, String type) throws IOException, BindingException {
        long pos = start;
        for (int n = 0; pos < end; n++) {
            if (n > BmffBoxes.MAX_BOXES) {
                throw new BindingException("too many BMFF boxes");
            }
            Child c = child(pos, end);
            if (c.type().equals(type)) {
                return Optional.of(c);
            }
            pos = c.end();
        }
        return Optional.empty();
    }

    /** The tracks under the first top-level moov, by track id (a later duplicate wins, as in the reference). */
    private Map<Long, Track> tracks() throws IOException, BindingException {
        Map<Long, Track> out = new HashMap<>();
        Optional<Child> moov = find(0, size, "moov");
        if (moov.isEmpty()) {
            return out;
        }
        long pos = moov.get().content();
        for (int n = 0; pos < moov.get().end(); n++) {
            if (n > BmffBoxes.MAX_BOXES) {
                throw new BindingException("too many BMFF boxes");
            }
            Child c = child(pos, moov.get().end());
            if (c.type().equals("trak")) {
                Optional<Track> t = track(c);
                if (t.isPresent()) {
                    if (t.get().sampleCount() > size) {
                        throw new BindingException("BMFF stsz sample count exceeds the file length");
                    }
                    out.put(t.get().trackId(), t.get());
                }
            }
            pos = c.end();
        }
        return out;
    }

    private Optional<Track> track(Child trak) throws IOException, BindingException {
        Optional<Child> tkhd = find(trak.content(), trak.end(), "tkhd");
        if (tkhd.isEmpty()) {
            return Optional.empty();
        }
        long idAt = tkhd.get().content() + 4 + (in.u8(tkhd.get().content()) == 1 ? 16 : 8);
        if (idAt + 4 > tkhd.get().end()) {
            throw new BindingException("BMFF tkhd too small");
        }
        long trackId = in.u32be(idAt);
        Optional<Child> stbl = find(trak.content(), trak.end(), "mdia");
        for (String type : List.of("minf", "stbl")) {
            if (stbl.isEmpty()) {
                return Optional.empty();
            }
            stbl = find(stbl.get().content(), stbl.get().end(), type);
        }
        if (stbl.isEmpty()) {
            return Optional.empty();
        }
        Child t = stbl.get();
        Optional<Child> stsc = find(t.content(), t.end(), "stsc");
        if (stsc.isEmpty()) {
            return Optional.empty();
        }
        long stscCount = entries(stsc.get(), 12);
        Optional<Child> stco = find(t.content(), t.end(), "stco");
        Optional<Child> co64 = stco.isPresent() ? Optional.empty() : find(t.content(), t.end(), "co64");
        if (stco.isEmpty() && co64.isEmpty()) {
            return Optional.empty();
        }
        Child chunks = stco.orElseGet(co64::get);
        long chunkCount = entries(chunks, stco.isPresent() ? 4 : 8);
        Optional<Child> stsz = find(t.content(), t.end(), "stsz");
        if (stsz.isEmpty()) {
            return Optional.empty();
        }
        Child z = stsz.get();
        if (z.content() + 12 > z.end()) {
            throw new BindingException("BMFF stsz too small");
        }
        long fixed = in.u32be(z.content() + 4);
        long count = in.u32be(z.content() + 8);
        if (fixed == 0 && count > (z.end() - (z.content() + 12)) / 4) {
            throw new BindingException("BMFF stsz sample count exceeds box size");
        }
        return Optional.of(new Track(trackId, stsc.get().content() + 8, stscCount, chunks.content() + 8, chunkCount,
                co64.isPresent(), fixed, z.content() + 12, count));
    }

    /** The entry count of a full box whose entries follow a 32-bit count, checked against the box's size. */
    private long entries(Child box, int entrySize) throws IOException, BindingException {
        if (box.content() + 8 > box.end()) {
            throw new BindingException("BMFF " + box.type() + " too small");
        }
        long count = in.u32be(box.content() + 4);
        if (count > (box.end() - (box.content() + 8)) / entrySize) {
            throw new BindingException("BMFF sample-table entry count exceeds box size");
        }
        return count;
    }
}
