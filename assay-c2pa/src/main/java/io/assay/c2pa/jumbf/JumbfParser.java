package io.assay.c2pa.jumbf;

import io.assay.c2pa.C2paException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Parses JUMBF (ISO 19566-5) box trees. Every length is checked against the box that contains it, nesting is
 * bounded by {@link #MAX_DEPTH} and the number of boxes by {@link #MAX_BOXES}; a violation is a {@link C2paException}
 * naming the offset within the manifest store, never an indexing error. Not thread-safe: use one instance per parse
 * (the static entry points do).
 */
public final class JumbfParser {

    public static final int MAX_DEPTH = 32;
    public static final int MAX_BOXES = 100_000;

    private static final int HEADER = 8;
    private static final int LARGE_HEADER = 16;

    private int boxCount;

    private JumbfParser() {
    }

    /**
     * Parses the single superbox at the start of {@code bytes} (the manifest store). Bytes after it are ignored:
     * some containers pad their payload.
     *
     * @param trustFraming when the container's own framing (e.g. JPEG APP11 segments) already delimits the store,
     *                     an outer box length that disagrees with it is overridden by the framing, as the C2PA
     *                     reference reader does, instead of failing the whole store
     */
    public static JumbfBox.SuperBox parseSuperBox(byte[] bytes, boolean trustFraming) throws C2paException {
        ByteSlice all = ByteSlice.of(bytes);
        JumbfParser parser = new JumbfParser();
        if (trustFraming && bytes.length >= HEADER && readU32(all, 0) > 1 && readU32(all, 0) != bytes.length) {
            JumbfBox box = parser.parseBoxAt(all, 0, bytes.length, 0);
            return requireSuperBox(box);
        }
        List<JumbfBox> boxes = parser.parseFirst(all);
        return requireSuperBox(boxes.getFirst());
    }

    /** Parses a region that must consist of whole boxes, exactly. */
    public static List<JumbfBox> parseAll(ByteSlice region) throws C2paException {
        return new JumbfParser().parseBoxes(region, 0);
    }

    private static JumbfBox.SuperBox requireSuperBox(JumbfBox box) throws C2paException {
        if (box instanceof JumbfBox.SuperBox s) {
            return s;
        }
        throw new C2paException("JUMBF: expected a 'jumb' superbox at offset " + box.raw().offset() + ", found '"
                + printable(box.type()) + "'");
    }

    private List<JumbfBox> parseFirst(ByteSlice all) throws C2paException {
        if (all.length() < HEADER) {
            throw new C2paException("JUMBF: " + all.length() + " bytes are too few for a box header at offset 0");
        }
        int length = boxLength(all, 0);
        return List.of(parseBoxAt(all, 0, length, 0));
    }

    private List<JumbfBox> parseBoxes(ByteSlice region, int depth) throws C2paException {
        List<JumbfBox> boxes = new ArrayList<>();
        int pos = 0;
        while (pos < region.length()) {
            int length = boxLength(region, pos);
            boxes.add(parseBoxAt(region, pos, length, depth));
            pos += length;
        }
        return boxes;
    }

    /** The total length of the box at {@code pos}, checked against what is left of {@code region}. */
    private static int boxLength(ByteSlice region, int pos) throws C2paException {
        int remaining = region.length() - pos;
        int at = region.offset() + pos;
        if (remaining < HEADER) {
            throw new C2paException("JUMBF: truncated box header at offset " + at + " (" + remaining + " bytes left)");
        }
        long length = readU32(region, pos);
        if (length == 0) {
            return remaining; // runs to the end of the parent, as ISO/IEC 14496-12 and 19566-5 allow
        }
        if (length == 1) {
            if (remaining < LARGE_HEADER) {
                throw new C2paException("JUMBF: truncated extended box header at offset " + at);
            }
            long xl = (readU32(region, pos + 8) << 32) | readU32(region, pos + 12);
            if (xl < LARGE_HEADER || xl > remaining) {
                throw new C2paException("JUMBF: box at offset " + at + " declares an extended length of " + xl
                        + " bytes but its parent has " + remaining + " left");
            }
            return (int) xl;
        }
        if (length < HEADER) {
            throw new C2paException("JUMBF: box at offset " + at + " declares a length of " + length
                    + ", shorter than its own header");
        }
        if (length > remaining) {
            throw new C2paException("JUMBF: box '" + printable(fourCc(region, pos + 4)) + "' at offset " + at
                    + " declares " + length + " bytes but its parent has only " + remaining + " left");
        }
        return (int) length;
    }

    private JumbfBox parseBoxAt(ByteSlice region, int pos, int length, int depth) throws C2paException {
        int at = region.offset() + pos;
        if (++boxCount > MAX_BOXES) {
            throw new C2paException("JUMBF: more than " + MAX_BOXES + " boxes (at offset " + at + ")");
        }
        if (depth > MAX_DEPTH) {
            throw new C2paException("JUMBF: boxes nested deeper than " + MAX_DEPTH + " levels at offset " + at);
        }
        String type = fourCc(region, pos + 4);
        int header = readU32(region, pos) == 1 ? LARGE_HEADER : HEADER;
        ByteSlice raw = region.slice(pos, length);
        ByteSlice payload = raw.slice(header, length - header);
        if (!type.equals(JumbfTypes.SUPERBOX)) {
            return new JumbfBox.ContentBox(type, raw, payload);
        }
        if (payload.length() < HEADER) {
            throw new C2paException("JUMBF: superbox at offset " + at + " has no description box");
        }
        int descLength = boxLength(payload, 0);
        if (!fourCc(payload, 4).equals(JumbfTypes.DESCRIPTION)) {
            throw new C2paException("JUMBF: superbox at offset " + at + " starts with '"
                    + printable(fourCc(payload, 4)) + "' instead of a 'jumd' description box");
        }
        int descHeader = readU32(payload, 0) == 1 ? LARGE_HEADER : HEADER;
        JumbfDescription description = parseDescription(payload.slice(descHeader, descLength - descHeader), depth);
        List<JumbfBox> children = parseBoxes(payload.slice(descLength, payload.length() - descLength), depth + 1);
        return new JumbfBox.SuperBox(raw, payload, description, children);
    }

    private JumbfDescription parseDescription(ByteSlice d, int depth) throws C2paException {
        int at = d.offset();
        if (d.length() < 17) {
            throw new C2paException("JUMBF: description box at offset " + at + " is shorter than its 17 fixed bytes");
        }
        long high = (readU32(d, 0) << 32) | readU32(d, 4);
        long low = (readU32(d, 8) << 32) | readU32(d, 12);
        UUID type = new UUID(high, low);
        int toggles = d.byteAt(16) & 0xFF;
        int pos = 17;
        Optional<String> label = Optional.empty();
        if ((toggles & JumbfDescription.HAS_LABEL) != 0) {
            int end = pos;
            while (end < d.length() && d.byteAt(end) != 0) {
                end++;
            }
            if (end >= d.length()) {
                throw new C2paException("JUMBF: description box at offset " + at + " has an unterminated label");
            }
            label = Optional.of(new String(d.slice(pos, end - pos).toByteArray(), StandardCharsets.UTF_8));
            pos = end + 1;
        }
        Optional<Long> id = Optional.empty();
        if ((toggles & JumbfDescription.HAS_ID) != 0) {
            need(d, pos, 4, "id");
            id = Optional.of(readU32(d, pos));
            pos += 4;
        }
        Optional<ByteSlice> hash = Optional.empty();
        if ((toggles & JumbfDescription.HAS_HASH) != 0) {
            need(d, pos, 32, "hash");
            hash = Optional.of(d.slice(pos, 32));
            pos += 32;
        }
        Optional<JumbfBox> privateBox = Optional.empty();
        if ((toggles & JumbfDescription.HAS_PRIVATE) != 0) {
            ByteSlice rest = d.slice(pos, d.length() - pos);
            int length = boxLength(rest, 0);
            privateBox = Optional.of(parseBoxAt(rest, 0, length, depth + 1));
        }
        return new JumbfDescription(type, toggles, label, id, hash, privateBox);
    }

    private static void need(ByteSlice d, int pos, int n, String what) throws C2paException {
        if (d.length() - pos < n) {
            throw new C2paException("JUMBF: description box at offset " + d.offset() + " is too short for its " + what);
        }
    }

    static long readU32(ByteSlice s, int pos) {
        return ((long) (s.byteAt(pos) & 0xFF) << 24) | ((s.byteAt(pos + 1) & 0xFF) << 16)
                | ((s.byteAt(pos + 2) & 0xFF) << 8) | (s.byteAt(pos + 3) & 0xFF);
    }

    private static String fourCc(ByteSlice s, int pos) {
        char[] c = new char[4];
        for (int i = 0; i < 4; i++) {
            c[i] = (char) (s.byteAt(pos + i) & 0xFF);
        }
        return new String(c);
    }

    /** A box type fit for a one-line message: non-printable bytes as \xNN. */
    static String printable(String type) {
        StringBuilder sb = new StringBuilder();
        for (char c : type.toCharArray()) {
            if (c >= 0x20 && c < 0x7F) {
                sb.append(c);
            } else {
                sb.append(String.format("\\x%02x", (int) c));
            }
        }
        return sb.toString();
    }
}
