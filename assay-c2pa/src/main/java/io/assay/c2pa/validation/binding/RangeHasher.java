package io.assay.c2pa.validation.binding;

import io.assay.c2pa.manifest.HashAlgorithm;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Hashes a file through a channel with a fixed buffer, skipping excluded ranges, the way C2PA hard bindings are
 * computed. For BMFF v2/v3 hashes the offsets of the top-level boxes that are not wholly excluded are hashed too, as
 * 8-byte big-endian values placed where those boxes start. Memory stays constant whatever the file's size.
 */
final class RangeHasher {

    /** An excluded range; {@code start}+{@code length} is checked against the file size before any hashing. */
    record Exclusion(long start, long length) {
    }

    /** A piece of the hash input: file bytes [start, end], or (offset) the 8-byte value of {@code start}. */
    private record Piece(long start, long end, boolean offset) {
    }

    static final int BUFFER = 64 * 1024;
    /** More pieces than any real exclusion list produces; a bound against hostile assertions. */
    static final int MAX_PIECES = 1_000_000;

    private RangeHasher() {
    }

    /**
     * The hash of the file minus the exclusions, with the BMFF v2 offsets inserted.
     *
     * @throws BindingException when an exclusion runs past the end of the file or the file is empty
     */
    static byte[] hash(HashAlgorithm alg, SeekableByteChannel channel, List<Exclusion> exclusions,
                       List<Long> bmffOffsets) throws IOException, BindingException {
        long size = channel.size();
        if (size < 1) {
            throw new BindingException("no data to hash");
        }
        List<Piece> pieces = pieces(size, exclusions, bmffOffsets);
        MessageDigest digest = alg.newDigest();
        ByteBuffer buf = ByteBuffer.allocate(BUFFER);
        for (Piece p : pieces) {
            if (p.offset()) {
                digest.update(ByteBuffer.allocate(8).putLong(0, p.start()).array());
                continue;
            }
            long pos = p.start();
            long left = p.end() - p.start() + 1;
            while (left > 0) {
                buf.clear();
                buf.limit((int) Math.min(BUFFER, left));
                int n = channel.position(pos).read(buf);
                if (n <= 0) {
                    throw new EOFException("unexpected end of file at offset " + pos);
                }
                digest.update(buf.array(), 0, n);
                pos += n;
                left -= n;
            }
        }
        return digest.digest();
    }

    private static List<Piece> pieces(long size, List<Exclusion> exclusions, List<Long> bmffOffsets)
            throws BindingException {
        long dataEnd = size - 1;
        if (exclusions.isEmpty() && bmffOffsets.isEmpty()) {
            return List.of(new Piece(0, dataEnd, false));
        }
        // the reference checks the end of the exclusion that starts last (offset markers count as 1-byte ranges)
        List<Exclusion> all = new ArrayList<>(exclusions);
        for (long o : bmffOffsets) {
            all.add(new Exclusion(o, 1));
        }
        all.sort(Comparator.comparingLong(Exclusion::start));
        Exclusion last = all.getLast();
        if (last.start() < 0 || last.length() < 0 || last.start() > Long.MAX_VALUE - last.length()) {
            throw new BindingException("hash range overflow");
        }
        if (last.start() + last.length() > size) {
            throw new BindingException("the exclusion range exceeds the data length");
        }
        // included ranges: the whole file minus every exclusion
        List<long[]> included = new ArrayList<>();
        included.add(new long[]{0, dataEnd});
        List<Exclusion> sorted = new ArrayList<>(exclusions);
        sorted.sort(Comparator.comparingLong(Exclusion::start));
        for (Exclusion e : sorted) {
            if (e.length() == 0) {
                continue;
            }
            if (e.start() < 0 || e.length() < 0 || e.start() > Long.MAX_VALUE - e.length()) {
                throw new BindingException("hash range overflow");
            }
            long s = e.start();
            long t = e.start() + e.length() - 1;
            List<long[]> next = new ArrayList<>();
            for (long[] r : included) {
                if (t < r[0] || s > r[1]) {
                    next.add(r);
                    continue;
                }
                if (s > r[0]) {
                    next.add(new long[]{r[0], s - 1});
                }
                if (t < r[1]) {
                    next.add(new long[]{t + 1, r[1]});
                }
            }
            included = next;
            if (included.size() > MAX_PIECES) {
                throw new BindingException("too many hash ranges");
            }
        }
        List<Piece> out = new ArrayList<>();
        if (bmffOffsets.isEmpty()) {
            for (long[] r : included) {
                out.add(new Piece(r[0], r[1], false));
            }
            return out;
        }
        List<Long> offsets = new ArrayList<>(bmffOffsets);
        offsets.sort(null);
        for (long[] r : included) {
            long start = r[0];
            long end = r[1];
            for (long os : offsets) {
                if (os >= start && os <= end) {
                    if (os == start) {
                        out.add(new Piece(os, os, true));
                    } else {
                        out.add(new Piece(start, os - 1, false));
                        out.add(new Piece(os, os, true));
                        start = os;
                    }
                }
            }
            out.add(new Piece(start, end, false));
        }
        long before = out.isEmpty() ? 0 : out.getFirst().start();
        long after = out.isEmpty() ? dataEnd : out.getLast().end();
        List<Piece> extra = new ArrayList<>();
        for (long os : offsets) {
            boolean inside = out.stream().anyMatch(p -> !p.offset() && os >= p.start() && os <= p.end()
                    || p.offset() && p.start() == os);
            if (!inside && os > before && os < after) {
                extra.add(new Piece(os, os, true));
            }
        }
        out.addAll(extra);
        // stable: an offset marker stays before the range that starts at the same position
        out.sort(Comparator.comparingLong(Piece::start));
        if (out.size() > MAX_PIECES) {
            throw new BindingException("too many hash ranges");
        }
        return out;
    }
}
