package io.assay.c2pa.container;

import io.assay.c2pa.C2paException;
import io.assay.core.media.MediaType;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * ISO BMFF (MP4, MOV, M4A, HEIC, HEIF, AVIF): the store sits in a top-level {@code uuid} box with the C2PA UUID,
 * after a full-box header, the purpose string {@code manifest} and a 64-bit Merkle offset. Only top-level boxes are
 * visited, so deeply nested {@code moov} boxes cost nothing. A top-level XMP {@code uuid} box gives remote
 * references. A box that overruns the file ends the walk (a truncated tail, e.g. a cut {@code mdat}).
 */
public final class BmffExtractor implements ManifestExtractor {

    static final UUID C2PA_UUID = UUID.fromString("d8fec3d6-1b0e-483c-9297-5828877ec481");
    static final UUID XMP_UUID = UUID.fromString("be7acfcb-97a9-42e8-9c71-999491e3afac");
    private static final int MAX_TOP_LEVEL_BOXES = 100_000;
    /** The reference's limit on box nesting (a top-level box is at depth 1). */
    static final int MAX_BOX_DEPTH = 32;
    /** How many nested boxes the depth check visits at most. */
    private static final int MAX_NESTED_BOXES = 1_000_000;
    private static final Set<String> CONTAINERS = Set.of("moov", "trak", "mdia", "minf", "stbl", "moof", "traf",
            "edts", "udta", "dinf", "tref", "treg", "mvex", "mfra", "meta", "schi");

    @Override
    public Set<MediaType> mediaTypes() {
        return Set.of(MediaType.MP4, MediaType.MOV, MediaType.M4A, MediaType.HEIC, MediaType.HEIF, MediaType.AVIF);
    }

    @Override
    public Extraction extract(SeekableByteChannel channel) throws IOException, C2paException {
        ChannelReader in = new ChannelReader(channel);
        List<String> remote = new ArrayList<>();
        long pos = 0;
        Extraction found = null;
        for (int n = 0; n < MAX_TOP_LEVEL_BOXES && in.has(pos, 8); n++) {
            long size = in.u32be(pos);
            String type = in.fourCc(pos + 4);
            int header = 8;
            if (size == 1) {
                if (!in.has(pos, 16)) {
                    break;
                }
                size = in.u64be(pos + 8);
                header = 16;
            } else if (size == 0) {
                size = in.size() - pos;
            }
            if (size < header || !in.has(pos, size)) {
                break;
            }
            if (CONTAINERS.contains(type)) {
                checkNesting(in, pos + header, pos + size, type, 2, new int[1]);
            }
            if (type.equals("uuid") && size >= header + 16) {
                long ext = pos + header;
                UUID uuid = new UUID(in.u64be(ext), in.u64be(ext + 8));
                long body = ext + 16;
                long end = pos + size;
                if (uuid.equals(C2PA_UUID) && found == null) {
                    byte[] store = c2paBox(in, body, end, pos);
                    if (store != null) {
                        found = Extraction.found(store, false, "BMFF C2PA uuid box at offset " + pos, remote);
                    }
                } else if (uuid.equals(XMP_UUID) && end - body <= StoreLimits.MAX_XMP_BYTES) {
                    remote.addAll(XmpProvenance.urls(in.bytes(body, (int) (end - body))));
                }
            }
            pos += size;
        }
        return found != null ? Extraction.found(found.store().orElseThrow(), false, found.location(), remote)
                : Extraction.none(remote);
    }

    /**
     * Walks the children of a container box as the reference does when it maps the box tree, and refuses the asset
     * when boxes nest deeper than {@link #MAX_BOX_DEPTH}. Only headers are read; the walk is bounded in depth and in
     * boxes visited. A child that does not fit its parent ends that level (the reference's tree walk is not needed
     * here beyond the nesting check).
     */
    private static void checkNesting(ChannelReader in, long body, long end, String type, int depth, int[] visited)
            throws IOException, C2paException {
        if (depth > MAX_BOX_DEPTH) {
            throw new C2paException("InvalidAsset: Boxes are too deeply nested (more than " + MAX_BOX_DEPTH
                    + " levels)");
        }
        long pos = body;
        if (type.equals("meta") && in.has(pos, 8) && !in.fourCc(pos + 4).equals("hdlr")) {
            pos += 4; // ISO meta is a full box; QuickTime meta starts with its hdlr child
        }
        while (in.has(pos, 8) && pos + 8 <= end) {
            if (++visited[0] > MAX_NESTED_BOXES) {
                return;
            }
            long size = in.u32be(pos);
            String child = in.fourCc(pos + 4);
            int header = 8;
            if (size == 1) {
                if (!in.has(pos, 16)) {
                    return;
                }
                size = in.u64be(pos + 8);
                header = 16;
            }
            if (size < header || size > end - pos) {
                return;
            }
            if (CONTAINERS.contains(child)) {
                checkNesting(in, pos + header, pos + size, child, depth + 1, visited);
            }
            pos += size;
        }
    }

    /** The store in a C2PA uuid box whose purpose is {@code manifest}; null for other purposes (e.g. Merkle). */
    private static byte[] c2paBox(ChannelReader in, long body, long end, long boxAt) throws IOException, C2paException {
        long p = body + 4; // version and flags
        long purposeEnd = p;
        while (purposeEnd < end && purposeEnd - p < 64 && in.u8(purposeEnd) != 0) {
            purposeEnd++;
        }
        if (purposeEnd >= end || in.u8(purposeEnd) != 0) {
            throw new C2paException("BMFF C2PA uuid box at offset " + boxAt + ": unterminated purpose string");
        }
        String purpose = new String(in.bytes(p, (int) (purposeEnd - p)), StandardCharsets.UTF_8);
        if (!purpose.equals("manifest")) {
            return null;
        }
        long store = purposeEnd + 1 + 8; // the Merkle offset follows the purpose
        if (store > end) {
            throw new C2paException("BMFF C2PA uuid box at offset " + boxAt + ": too short for its header");
        }
        return in.bytes(store, StoreLimits.checkStoreSize(end - store, "BMFF C2PA uuid box at offset " + boxAt));
    }
}
