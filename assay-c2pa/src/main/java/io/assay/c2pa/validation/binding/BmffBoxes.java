package io.assay.c2pa.validation.binding;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The box tree of an ISO BMFF file as the C2PA BMFF hash addresses it: top-level boxes and the children of the
 * usual container boxes, each with its path (e.g. {@code /moov/trak/mdia}), offset, size and, for full boxes,
 * version and flags. Only headers are read. Depth and box count are bounded.
 */
final class BmffBoxes {

    static final int MAX_DEPTH = 32;
    static final int MAX_BOXES = 1_000_000;

    private static final Set<String> CONTAINERS = Set.of("moov", "trak", "mdia", "minf", "stbl", "moof", "traf",
            "edts", "udta", "dinf", "tref", "treg", "mvex", "mfra", "meta", "schi");

    /** ISO/IEC 14496-12 (and HEIF) boxes that start with a version byte and 24 bits of flags. */
    private static final Set<String> FULL_BOXES = Set.of("pdin", "mvhd", "tkhd", "mdhd", "hdlr", "nmhd", "elng",
            "stsd", "stdp", "stts", "ctts", "cslg", "stss", "stsh", "elst", "dref", "stsz", "stz2", "stsc", "stco",
            "co64", "padb", "subs", "saiz", "saio", "mehd", "trex", "mfhd", "tfhd", "trun", "tfra", "mfro", "tfdt",
            "leva", "trep", "assp", "sbgp", "sgpd", "csgp", "cprt", "tsel", "kind", "meta", "xml ", "bxml", "iloc",
            "pitm", "ipro", "infe", "iinf", "iref", "ipma", "schm", "fiin", "fpar", "fecr", "gitn", "fire", "stri",
            "stsg", "stvi", "csch", "sidx", "ssix", "prft", "srpp", "vmhd", "smhd", "srat", "chnl", "dmix", "txtC",
            "mime", "uri ", "uriI", "hmhd", "sthd", "vvhd", "medc");

    private static final byte[] C2PA_UUID = {(byte) 0xd8, (byte) 0xfe, (byte) 0xc3, (byte) 0xd6, 0x1b, 0x0e, 0x48,
            0x3c, (byte) 0x92, (byte) 0x97, 0x58, 0x28, (byte) 0x87, 0x7e, (byte) 0xc4, (byte) 0x81};

    /** One box. {@code version} and {@code flags} are -1 when the box is not a full box. */
    record Box(String path, String type, long offset, long size, int depth, int version, int flags, int parent) {
        boolean topLevel() {
            return depth == 1;
        }
    }

    private final SeekableByteChannel channel;
    private final long fileSize;
    private final List<Box> boxes = new ArrayList<>();

    private BmffBoxes(SeekableByteChannel channel) throws IOException {
        this.channel = channel;
        this.fileSize = channel.size();
    }

    static List<Box> read(SeekableByteChannel channel) throws IOException, BindingException {
        BmffBoxes b = new BmffBoxes(channel);
        b.walk(0, b.fileSize, "", 1, -1);
        return b.boxes;
    }

    private void walk(long pos, long end, String parent, int depth, int parentIndex) throws IOException, BindingException {
        if (depth > MAX_DEPTH) {
            throw new BindingException("Boxes are too deeply nested");
        }
        while (pos < end) {
            if (end - pos < 8) {
                return; // trailing bytes: the reference keeps what it has
            }
            ByteBuffer h = read(pos, 8);
            long size = h.getInt(0) & 0xFFFFFFFFL;
            String type = fourCc(h, 4);
            int header = 8;
            if (size == 1) {
                if (end - pos < 16) {
                    return;
                }
                size = read(pos + 8, 8).getLong(0);
                header = 16;
                if (size < 0) {
                    throw new BindingException("BMFF box size overflow at offset " + pos);
                }
            }
            if (size == 0) {
                return; // the reference stops at a size-0 box
            }
            if (size < header) {
                throw new BindingException("BMFF box at offset " + pos + " is shorter than its header");
            }
            if (pos + size > end || pos + size < pos) {
                if (type.equals("mdat")) {
                    size = end - pos;
                } else {
                    throw new BindingException("Box size extends beyond asset bounds");
                }
            }
            if (boxes.size() >= MAX_BOXES) {
                throw new BindingException("more than " + MAX_BOXES + " BMFF boxes");
            }
            String path = parent + "/" + type;
            int version = -1;
            int flags = -1;
            long body = pos + header;
            if (type.equals("uuid")) {
                if (size >= header + 16 + 4) {
                    ByteBuffer u = read(body, 20);
                    boolean c2pa = true;
                    for (int i = 0; i < 16; i++) {
                        c2pa &= u.get(i) == C2PA_UUID[i];
                    }
                    if (c2pa) {
                        version = u.get(16) & 0xFF;
                        flags = u.getInt(16) & 0xFFFFFF;
                    }
                }
            } else if (FULL_BOXES.contains(type) && size >= header + 4) {
                boolean quickTimeMeta = type.equals("meta") && size >= header + 8
                        && fourCc(read(body, 8), 4).equals("hdlr");
                if (!quickTimeMeta) {
                    ByteBuffer v = read(body, 4);
                    version = v.get(0) & 0xFF;
                    flags = v.getInt(0) & 0xFFFFFF;
                }
            }
            int index = boxes.size();
            boxes.add(new Box(path, type, pos, size, depth, version, flags, parentIndex));
            if (CONTAINERS.contains(type)) {
                long childStart = body + (version >= 0 ? 4 : 0);
                walk(childStart, pos + size, path, depth + 1, index);
            }
            pos += size;
        }
    }

    /** The boxes an xpath such as {@code /moov/trak[2]/mdia} selects (1-based index), in file order. */
    static List<Box> select(List<Box> boxes, String xpath) {
        String trimmed = xpath.startsWith("/") ? xpath.substring(1) : xpath;
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) {
            if (boxes.get(i).parent() == -1) {
                candidates.add(i);
            }
        }
        List<Integer> current = List.of();
        for (String part : trimmed.split("/", -1)) {
            if (part.length() < 4 || candidates.isEmpty()) {
                return List.of();
            }
            String type = part;
            int index = -1;
            int bracket = part.indexOf('[');
            if (bracket >= 0) {
                type = part.substring(0, bracket);
                try {
                    index = Integer.parseInt(part.substring(bracket + 1, part.endsWith("]") ? part.length() - 1
                            : part.length()));
                } catch (NumberFormatException e) {
                    return List.of();
                }
                if (type.length() < 4 || index < 1) {
                    return List.of();
                }
            }
            List<Integer> matching = new ArrayList<>();
            for (int c : candidates) {
                if (boxes.get(c).type().equals(type)) {
                    matching.add(c);
                }
            }
            if (index > 0) {
                if (index > matching.size()) {
                    return List.of();
                }
                matching = List.of(matching.get(index - 1));
            }
            current = matching;
            java.util.Set<Integer> parents = new java.util.HashSet<>(matching);
            List<Integer> next = new ArrayList<>();
            for (int i = 0; i < boxes.size(); i++) {
                if (parents.contains(boxes.get(i).parent())) {
                    next.add(i);
                }
            }
            candidates = next;
        }
        List<Box> out = new ArrayList<>();
        for (int i : current) {
            out.add(boxes.get(i));
        }
        return out;
    }

    private ByteBuffer read(long pos, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n);
        channel.position(pos);
        while (b.hasRemaining()) {
            if (channel.read(b) < 0) {
                throw new EOFException("BMFF: unexpected end of file at offset " + (pos + b.position()));
            }
        }
        return b.flip();
    }

    private static String fourCc(ByteBuffer b, int at) {
        char[] c = new char[4];
        for (int i = 0; i < 4; i++) {
            c[i] = (char) (b.get(at + i) & 0xFF);
        }
        return new String(c);
    }
}
