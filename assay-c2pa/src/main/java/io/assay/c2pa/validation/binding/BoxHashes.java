package io.assay.c2pa.validation.binding;

import io.assay.c2pa.container.ChannelReader;

import com.upokecenter.cbor.CBORObject;
import com.upokecenter.cbor.CBORType;
import io.assay.c2pa.manifest.Cbor;
import io.assay.c2pa.manifest.HashAlgorithm;
import io.assay.core.media.MediaType;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The general boxes hash ({@code c2pa.hash.boxes}): the asset is divided into the boxes of its container (JPEG
 * segments, PNG chunks), and each entry of the assertion names a run of consecutive boxes whose bytes, from the first
 * box's start to the last box's end, are hashed. The entry that names the manifest store's box ({@code C2PA}) is not
 * hashed. Division follows the reference (c2pa-rs 0.91.3):
 * <ul>
 *     <li>JPEG: one box per marker segment, named {@code SOI}, {@code APP0}..{@code APP15}, {@code DQT}, {@code DHT},
 *     {@code SOF0}..{@code SOF2}, {@code DRI}, {@code SOS}, {@code RST0}..{@code RST7}, {@code COM}, {@code EOI},
 *     {@code JPG0}..{@code JPG13}, {@code DAC}; a scan's box runs through its entropy-coded data (restart markers are
 *     boxes of their own as well); the APP11 segments of the store together are one {@code C2PA} box; an APP11
 *     segment of at most 16 payload bytes is no box; a marker outside that list makes the asset undividable.</li>
 *     <li>PNG: the 8-byte signature ({@code PNGh}), then one box per chunk named by its type ({@code caBX} is
 *     {@code C2PA}), up to {@code IEND}.</li>
 *     <li>GIF: the header ({@code GIF89a}, whatever the version), the logical screen descriptor with the global
 *     color table ({@code LSD}), then one box per block: {@code 21F9}, {@code 21FE}, {@code 2101}, {@code 21FF}
 *     (extensions, sub-blocks and terminator included; the C2PA application extension, {@code C2PA_GIF} with
 *     authentication code 01 00 00, is {@code C2PA}), {@code 2C} (image descriptor with its local color table),
 *     {@code TBID} (image data), {@code 3B} (trailer, the last box).</li>
 * </ul>
 * As in the reference, boxes after the last one the assertion names are not covered. Other containers are not
 * divided here (the reference box-hashes none of them either): {@link #supports(MediaType)} is false and the caller
 * reports the hash as unchecked.
 */
final class BoxHashes {

    static final String C2PA_BOX = "C2PA";
    static final int MAX_BOXES = 1_000_000;

    /** One box of the container: its name and where it lies. */
    record Box(String name, long start, long length) {
    }

    private BoxHashes() {
    }

    static boolean supports(MediaType type) {
        return type == MediaType.JPEG || type == MediaType.PNG || type == MediaType.GIF;
    }

    /** The container's boxes, in file order. */
    static List<Box> divide(MediaType type, SeekableByteChannel ch) throws IOException, BindingException {
        return switch (type) {
            case JPEG -> jpeg(ch);
            case PNG -> png(ch);
            case GIF -> gif(ch);
            default -> throw new BindingException("box hash: box division of " + type + " is not implemented");
        };
    }

    /**
     * Checks a {@code c2pa.hash.boxes} assertion against the asset.
     *
     * @throws BindingException with the reason when the hash does not verify
     */
    static void verify(CBORObject data, String claimAlg, MediaType type, SeekableByteChannel ch)
            throws IOException, BindingException {
        List<CBORObject> entries = Cbor.array(data, "boxes");
        if (entries.isEmpty()) {
            throw new BindingException("no box hash found");
        }
        List<Box> source = divide(type, ch);
        if (source.isEmpty()) {
            throw new BindingException("no data boxes found");
        }
        int next = 0;
        if (source.getFirst().name().equals("PNGh") && !firstName(entries.getFirst()).orElse("").equals("PNGh")) {
            next = 1; // older PNG box hashes leave the signature out
        }
        for (CBORObject entry : entries) {
            List<String> names = new ArrayList<>();
            for (CBORObject n : Cbor.array(entry, "names")) {
                if (n.getType() != CBORType.TextString) {
                    throw new BindingException("malformed box hash: a box name is not text");
                }
                names.add(n.AsString());
            }
            long start = 0;
            long length = 0;
            boolean c2pa = false;
            for (String name : names) {
                if (next >= source.size() || !source.get(next).name().equals(name)) {
                    throw new BindingException("assertion.boxesHash.unknownBox: box " + name
                            + " is not the asset's next box" + (next < source.size()
                            ? " (" + source.get(next).name() + " at offset " + source.get(next).start() + ")" : ""));
                }
                Box b = source.get(next++);
                if (length == 0) {
                    start = b.start();
                    length = b.length();
                    if (name.equals(C2PA_BOX)) {
                        if (names.size() != 1) {
                            throw new BindingException("malformed C2PA box hash: the C2PA box shares an entry");
                        }
                        c2pa = true;
                    }
                } else {
                    length = b.start() - start + b.length();
                }
            }
            boolean excluded = Cbor.get(entry, "excluded").map(o -> o.getType() == CBORType.Boolean && o.AsBoolean())
                    .orElse(false);
            if (c2pa || excluded) {
                continue;
            }
            String algName = Cbor.text(entry, "alg").orElse(claimAlg);
            Optional<HashAlgorithm> alg = algName == null ? Optional.empty() : HashAlgorithm.of(algName);
            if (alg.isEmpty()) {
                throw new BindingException("unsupported or missing hash algorithm " + algName);
            }
            Optional<byte[]> expected = Cbor.bytes(entry, "hash");
            if (expected.isEmpty()) {
                throw new BindingException("malformed box hash: entry without hash");
            }
            byte[] actual = hashRange(alg.get(), ch, start, length);
            if (!MessageDigest.isEqual(actual, expected.get())) {
                throw new BindingException("hashes do not match for boxes " + names);
            }
        }
    }

    private static Optional<String> firstName(CBORObject entry) {
        List<CBORObject> names = Cbor.array(entry, "names");
        return names.isEmpty() || names.getFirst().getType() != CBORType.TextString ? Optional.empty()
                : Optional.of(names.getFirst().AsString());
    }

    static byte[] hashRange(HashAlgorithm alg, SeekableByteChannel ch, long start, long length)
            throws IOException, BindingException {
        if (start < 0 || length < 0 || start > ch.size() || length > ch.size() - start) {
            throw new BindingException("box range " + start + "+" + length + " runs past the end of the file");
        }
        MessageDigest d = alg.newDigest();
        ByteBuffer buf = ByteBuffer.allocate(RangeHasher.BUFFER);
        long pos = start;
        long left = length;
        while (left > 0) {
            buf.clear().limit((int) Math.min(buf.capacity(), left));
            int n = ch.position(pos).read(buf);
            if (n <= 0) {
                throw new EOFException("unexpected end of file at offset " + pos);
            }
            d.update(buf.array(), 0, n);
            pos += n;
            left -= n;
        }
        return d.digest();
    }

    // ---------------------------------------------------------------- PNG

    static List<Box> png(SeekableByteChannel ch) throws IOException, BindingException {
        ChannelReader in = new ChannelReader(ch);
        byte[] sig = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        for (int i = 0; i < 8; i++) {
            if (in.u8(i) != (sig[i] & 0xFF)) {
                throw new BindingException("not a PNG file");
            }
        }
        List<Box> out = new ArrayList<>();
        out.add(new Box("PNGh", 0, 8));
        long pos = 8;
        while (true) {
            if (!in.has(pos, 8)) {
                throw new BindingException("PNG chunk at offset " + pos + " runs past the end of the file");
            }
            long length = in.u32be(pos);
            String type = in.ascii(pos + 4, 4);
            long total = length + 12;
            if (!in.has(pos, total)) {
                throw new BindingException("PNG chunk " + type + " at offset " + pos + " runs past the end of the file");
            }
            add(out, new Box(type.equals("caBX") ? C2PA_BOX : type, pos, total));
            pos += total;
            if (type.equals("IEND") || pos >= in.size()) {
                return out;
            }
        }
    }

    // ---------------------------------------------------------------- GIF

    static List<Box> gif(SeekableByteChannel ch) throws IOException, BindingException {
        ChannelReader in = new ChannelReader(ch);
        if (!in.has(0, 13) || !in.ascii(0, 3).equals("GIF")
                || !(in.ascii(3, 3).equals("87a") || in.ascii(3, 3).equals("89a"))) {
            throw new BindingException("not a GIF file");
        }
        List<Box> out = new ArrayList<>();
        out.add(new Box("GIF89a", 0, 6));
        int packed = in.u8(10);
        long lsd = 7 + ((packed & 0x80) != 0 ? 3L << ((packed & 7) + 1) : 0);
        out.add(new Box("LSD", 6, lsd));
        long pos = 6 + lsd;
        while (true) {
            if (!in.has(pos, 1)) {
                throw new BindingException("GIF ends without a trailer");
            }
            int id = in.u8(pos);
            if (id == 0x3B) {
                add(out, new Box("3B", pos, 1));
                return out;
            }
            if (id == 0x2C) {
                if (!in.has(pos, 10)) {
                    throw new BindingException("GIF image descriptor at offset " + pos + " is cut short");
                }
                int p = in.u8(pos + 9);
                long descriptor = 10 + ((p & 0x80) != 0 ? 3L << ((p & 7) + 1) : 0);
                add(out, new Box("2C", pos, descriptor));
                long data = pos + descriptor;
                long end = skipSubBlocks(in, data + 1);
                add(out, new Box("TBID", data, end - data));
                pos = end;
                continue;
            }
            if (id != 0x21 || !in.has(pos, 2)) {
                throw new BindingException("invalid GIF block id 0x" + Integer.toHexString(id) + " at offset " + pos);
            }
            int label = in.u8(pos + 1);
            long end;
            String name;
            switch (label) {
                case 0xF9 -> {
                    end = pos + 8;
                    name = "21F9";
                }
                case 0xFE -> {
                    end = skipSubBlocks(in, pos + 2);
                    name = "21FE";
                }
                case 0x01 -> {
                    end = skipSubBlocks(in, pos + 2 + 11);
                    name = "2101";
                }
                case 0xFF -> {
                    if (!in.has(pos, 14) || in.u8(pos + 2) != 11) {
                        throw new BindingException("invalid GIF application extension at offset " + pos);
                    }
                    boolean c2pa = in.ascii(pos + 3, 8).equals("C2PA_GIF") && in.u8(pos + 11) == 1
                            && in.u8(pos + 12) == 0 && in.u8(pos + 13) == 0;
                    end = skipSubBlocks(in, pos + 14);
                    name = c2pa ? C2PA_BOX : "21FF";
                }
                default -> throw new BindingException("invalid GIF extension label 0x" + Integer.toHexString(label)
                        + " at offset " + pos);
            }
            if (end > in.size()) {
                throw new BindingException("GIF block at offset " + pos + " runs past the end of the file");
            }
            add(out, new Box(name, pos, end - pos));
            pos = end;
        }
    }

    /** The offset after a chain of data sub-blocks starting at {@code pos}. */
    private static long skipSubBlocks(ChannelReader in, long pos) throws IOException, BindingException {
        long p = pos;
        while (true) {
            if (!in.has(p, 1)) {
                throw new BindingException("GIF data sub-blocks at offset " + pos + " run past the end of the file");
            }
            int n = in.u8(p);
            p += 1 + n;
            if (n == 0) {
                return p;
            }
        }
    }

    // ---------------------------------------------------------------- JPEG

    /** The reference's segment names by marker; a marker absent here makes the JPEG undividable. */
    private static String jpegName(int marker) {
        if (marker >= 0xE0 && marker <= 0xEF) {
            return "APP" + (marker - 0xE0);
        }
        if (marker >= 0xD0 && marker <= 0xD7) {
            return "RST" + (marker - 0xD0);
        }
        if (marker >= 0xF0 && marker <= 0xFD) {
            return "JPG" + (marker - 0xF0);
        }
        return switch (marker) {
            case 0xFE -> "COM";
            case 0xC4 -> "DHT";
            case 0xDB -> "DQT";
            case 0xDD -> "DRI";
            case 0xD9 -> "EOI";
            case 0xC0 -> "SOF0";
            case 0xC1 -> "SOF1";
            case 0xC2 -> "SOF2";
            case 0xD8 -> "SOI";
            case 0xDA -> "SOS";
            case 0xCC -> "DAC";
            default -> null;
        };
    }

    /** Whether the reference counts a length field in the box of a segment with this marker. */
    private static boolean boxHasLength(int marker) {
        return marker >= 0xE0 && marker <= 0xEF || marker >= 0xC0 && marker <= 0xCF || marker == 0xDA
                || marker == 0xFE || marker == 0xDB || marker == 0xDD;
    }

    static List<Box> jpeg(SeekableByteChannel ch) throws IOException, BindingException {
        ChannelReader in = new ChannelReader(ch);
        if (!in.has(0, 2) || in.u8(0) != 0xFF || in.u8(1) != 0xD8) {
            throw new BindingException("not a JPEG file");
        }
        List<Box> out = new ArrayList<>();
        out.add(new Box("SOI", 0, 2));
        long pos = 2;
        int c2paIndex = -1;
        int c2paInstance = -1;
        while (in.has(pos, 2)) {
            // find the next marker (tolerating fill bytes, as the reference's segment reader does)
            while (in.has(pos, 1) && in.u8(pos) != 0xFF) {
                pos++;
            }
            long markerAt = pos;
            pos++;
            while (in.has(pos, 1) && in.u8(pos) == 0xFF) {
                markerAt = pos;
                pos++;
            }
            if (!in.has(pos, 1)) {
                break;
            }
            int marker = in.u8(pos);
            pos++;
            if (marker == 0x00) {
                throw new BindingException("invalid JPEG marker 0x00 at offset " + markerAt);
            }
            if (marker == 0xD9 || marker == 0xD8) {
                // no length; the reference's segment reader goes on after an EOI (e.g. MPF images that follow)
                add(out, new Box(marker == 0xD9 ? "EOI" : "SOI", markerAt, 2));
                continue;
            }
            long segmentEnd = pos;
            boolean hasLength = !(marker >= 0xD0 && marker <= 0xD7);
            if (hasLength) {
                if (!in.has(pos, 2)) {
                    break;
                }
                int len = in.u16be(pos);
                if (len <= 2) {
                    break; // the reference's reader stops at an invalid length
                }
                segmentEnd = pos + len;
                if (!in.has(pos, len)) {
                    break;
                }
            }
            String name = jpegName(marker);
            if (marker == 0xEB) {
                long dataAt = pos + 2;
                long dataLen = segmentEnd - dataAt;
                if (dataLen > 16) {
                    int instance = in.u16be(dataAt + 2);
                    if (c2paIndex >= 0 && instance == c2paInstance) {
                        Box c = out.get(c2paIndex);
                        out.set(c2paIndex, new Box(C2PA_BOX, c.start(), c.length() + dataLen + 4));
                    } else {
                        if (dataLen < 28) {
                            throw new BindingException("invalid JPEG C2PA JUMBF block at offset " + markerAt);
                        }
                        if (in.ascii(dataAt + 24, 4).equals("c2pa")) {
                            add(out, new Box(C2PA_BOX, markerAt, dataLen + 4));
                            c2paIndex = out.size() - 1;
                            c2paInstance = instance;
                        } else {
                            add(out, new Box(name, markerAt, segmentEnd - markerAt));
                        }
                    }
                }
                pos = segmentEnd;
                continue;
            }
            if (name == null) {
                throw new BindingException("unknown JPEG segment marker 0x" + Integer.toHexString(marker)
                        + " at offset " + markerAt);
            }
            long boxLength = boxHasLength(marker) ? segmentEnd - markerAt : 2;
            if (marker == 0xDA || (marker >= 0xD0 && marker <= 0xD7)) {
                // entropy-coded data runs up to the next marker that is neither a restart nor a stuffed 0x00
                long p = segmentEnd;
                long nextMarker = -1;
                long scanEnd = -1;
                while (in.has(p, 1)) {
                    if (in.u8(p) == 0xFF) {
                        if (!in.has(p, 2)) {
                            break;
                        }
                        int b = in.u8(p + 1);
                        boolean restart = b >= 0xD0 && b <= 0xD7;
                        if (marker == 0xDA && scanEnd < 0 && !restart && b != 0x00) {
                            scanEnd = p;
                        }
                        if (b != 0x00 && b != 0xFF) {
                            nextMarker = p;
                            break;
                        }
                        if (b == 0x00) {
                            p += 2;
                            continue;
                        }
                    }
                    p++;
                }
                if (marker == 0xDA) {
                    long end = scanEnd >= 0 ? scanEnd : findScanEnd(in, segmentEnd);
                    if (end < 0) {
                        throw new BindingException("JPEG scan at offset " + markerAt + " runs to the end of the file");
                    }
                    boxLength = end - markerAt;
                }
                add(out, new Box(name, markerAt, boxLength));
                if (nextMarker < 0) {
                    break;
                }
                pos = nextMarker;
                continue;
            }
            add(out, new Box(name, markerAt, boxLength));
            pos = segmentEnd;
        }
        return out;
    }

    /** The end of a scan's entropy data: the first 0xFF followed by neither a restart marker nor 0x00. */
    private static long findScanEnd(ChannelReader in, long from) throws IOException {
        long p = from;
        while (in.has(p, 2)) {
            if (in.u8(p) == 0xFF) {
                int b = in.u8(p + 1);
                if (!(b >= 0xD0 && b <= 0xD7) && b != 0x00) {
                    return p;
                }
                p += 2;
                continue;
            }
            p++;
        }
        return -1;
    }

    private static void add(List<Box> out, Box b) throws BindingException {
        if (out.size() >= MAX_BOXES) {
            throw new BindingException("more than " + MAX_BOXES + " boxes");
        }
        out.add(b);
    }
}
