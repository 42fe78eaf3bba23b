package io.assay.c2pa.container;

import io.assay.c2pa.C2paException;
import io.assay.c2pa.jumbf.JumbfTypes;
import io.assay.core.media.MediaType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * JPEG: the store is a JUMBF box carried in APP11 segments (ISO 19566-5 "JPEG XT" packaging): each segment holds the
 * common identifier {@code JP}, a box instance number, a packet sequence number and a slice of the box, and every
 * packet after the first repeats the box header, which reassembly drops. Remote references come from the XMP APP1.
 */
public final class JpegExtractor implements ManifestExtractor {

    private static final int APP1 = 0xE1;
    private static final int APP11 = 0xEB;
    private static final int SOS = 0xDA;
    private static final int EOI = 0xD9;
    private static final byte[] XMP_ID = "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.ISO_8859_1);

    @Override
    public Set<MediaType> mediaTypes() {
        return Set.of(MediaType.JPEG);
    }

    /** The packets of one box instance, by sequence number. */
    private static final class Instance {
        final TreeMap<Long, byte[]> packets = new TreeMap<>();
        final List<ByteRange> segments = new ArrayList<>();
        boolean c2pa;
        int headerLength;
    }

    @Override
    public Extraction extract(SeekableByteChannel channel) throws IOException, C2paException {
        ChannelReader in = new ChannelReader(channel);
        List<String> remote = new ArrayList<>();
        Map<Integer, Instance> instances = new LinkedHashMap<>();
        long total = 0;
        if (!in.has(0, 2) || in.u16be(0) != 0xFFD8) {
            return Extraction.none(remote);
        }
        long pos = 2;
        boolean truncated = false;
        while (true) {
            if (!in.has(pos, 2)) {
                truncated = true;
                break;
            }
            if (in.u8(pos) != 0xFF) {
                break; // not a marker: stop walking rather than guess
            }
            int marker = in.u8(pos + 1);
            if (marker == 0xFF) {
                pos++; // fill byte
                continue;
            }
            if (marker == SOS || marker == EOI) {
                break; // C2PA segments precede the scan data
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                pos += 2;
                continue;
            }
            if (!in.has(pos + 2, 2)) {
                truncated = true;
                break;
            }
            int length = in.u16be(pos + 2);
            long payload = pos + 4;
            int payloadLength = length - 2;
            if (length < 2 || !in.has(payload, payloadLength)) {
                truncated = true;
                break;
            }
            if (marker == APP11 && payloadLength >= 16 && in.u16be(payload) == 0x4A50) { // "JP"
                int instance = in.u16be(payload + 2);
                long sequence = in.u32be(payload + 4);
                long box = payload + 8;
                int headerLength = in.u32be(box) == 1 ? 16 : 8;
                Instance inst = instances.computeIfAbsent(instance, k -> new Instance());
                if (inst.packets.containsKey(sequence)) {
                    throw new C2paException("JPEG APP11 at offset " + pos + ": packet " + sequence
                            + " of box instance " + instance + " appears twice");
                }
                int from = 8; // JP, En, Z
                if (sequence == 1) {
                    inst.c2pa = isC2paStore(in, box, payloadLength - 8);
                    inst.headerLength = headerLength;
                } else {
                    from += headerLength; // later packets repeat the box header
                }
                if (from > payloadLength) {
                    throw new C2paException("JPEG APP11 at offset " + pos + ": segment too short for its box header");
                }
                total += payloadLength - from;
                StoreLimits.checkStoreSize(total, "JPEG APP11");
                inst.packets.put(sequence, in.bytes(payload + from, payloadLength - from));
                inst.segments.add(new ByteRange(pos, 4L + payloadLength));
            } else if (marker == APP1 && payloadLength > XMP_ID.length && payloadLength <= StoreLimits.MAX_XMP_BYTES) {
                byte[] head = in.bytes(payload, XMP_ID.length);
                if (java.util.Arrays.equals(head, XMP_ID)) {
                    remote.addAll(XmpProvenance.urls(in.bytes(payload + XMP_ID.length, payloadLength - XMP_ID.length)));
                }
            }
            pos = payload + payloadLength;
        }
        for (Map.Entry<Integer, Instance> e : instances.entrySet()) {
            Instance inst = e.getValue();
            if (!inst.c2pa) {
                continue;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long expected = 1;
            for (Map.Entry<Long, byte[]> p : inst.packets.entrySet()) {
                if (p.getKey() != expected) {
                    throw new C2paException("JPEG APP11: box instance " + e.getKey() + " is missing packet " + expected
                            + (truncated ? " (the file is truncated)" : ""));
                }
                out.writeBytes(p.getValue());
                expected++;
            }
            byte[] store = out.toByteArray();
            if (truncated && declaredLength(store) > store.length) {
                throw new C2paException("JPEG APP11: the manifest store is cut short (" + store.length + " of "
                        + declaredLength(store) + " bytes present; the file is truncated)");
            }
            return Extraction.found(store, true, "JPEG APP11 box instance " + e.getKey(), remote, merge(inst.segments));
        }
        return Extraction.none(remote);
    }

    /** Adjacent segments as one range each. */
    static List<ByteRange> merge(List<ByteRange> ranges) {
        List<ByteRange> sorted = new ArrayList<>(ranges);
        sorted.sort(java.util.Comparator.comparingLong(ByteRange::offset));
        List<ByteRange> out = new ArrayList<>();
        for (ByteRange r : sorted) {
            if (!out.isEmpty() && out.getLast().end() == r.offset()) {
                ByteRange last = out.removeLast();
                out.add(new ByteRange(last.offset(), r.end() - last.offset()));
            } else {
                out.add(r);
            }
        }
        return out;
    }

    private static long declaredLength(byte[] store) {
        return store.length < 4 ? 0 : ByteBuffer.wrap(store).getInt() & 0xFFFFFFFFL;
    }

    /** Whether the box starting at {@code box} is a {@code jumb} whose description names the C2PA manifest store. */
    private static boolean isC2paStore(ChannelReader in, long box, int available) throws IOException {
        int header = in.u32be(box) == 1 ? 16 : 8;
        if (available < header + 8 + 16 || !in.fourCc(box + 4).equals(JumbfTypes.SUPERBOX)) {
            return false;
        }
        long jumd = box + header;
        if (!in.fourCc(jumd + 4).equals(JumbfTypes.DESCRIPTION)) {
            return false;
        }
        UUID type = new UUID(in.u64be(jumd + 8), in.u64be(jumd + 16));
        return type.equals(JumbfTypes.MANIFEST_STORE);
    }
}
