package io.assay.c2pa.container;

import io.assay.c2pa.C2paException;
import io.assay.c2pa.jumbf.JumbfTypes;
import io.assay.core.media.MediaType;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * PDF, simply: C2PA embeds the store as an embedded file (associated-file relationship {@code C2PA_Manifest}). This
 * extractor does not parse PDF objects; it streams the file once looking for that relationship and for the store's
 * own signature (a {@code jumb} box whose description names the C2PA manifest store), and reads the store from there.
 * It therefore finds stores kept in uncompressed streams only; a Flate-compressed embedded manifest is not decoded.
 */
public final class PdfExtractor implements ManifestExtractor {

    private static final byte[] RELATIONSHIP = "/C2PA_Manifest".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] STORE_SIGNATURE = storeSignature();
    private static final int CHUNK = 1 << 20;

    private static byte[] storeSignature() {
        ByteBuffer b = ByteBuffer.allocate(20);
        b.put("jumd".getBytes(StandardCharsets.US_ASCII));
        b.putLong(JumbfTypes.MANIFEST_STORE.getMostSignificantBits());
        b.putLong(JumbfTypes.MANIFEST_STORE.getLeastSignificantBits());
        return b.array();
    }

    @Override
    public Set<MediaType> mediaTypes() {
        return Set.of(MediaType.PDF);
    }

    @Override
    public Extraction extract(SeekableByteChannel channel) throws IOException, C2paException {
        ChannelReader in = new ChannelReader(channel);
        long relationship = find(channel, RELATIONSHIP, 0);
        if (relationship < 0) {
            return Extraction.none(List.of());
        }
        long signature = find(channel, STORE_SIGNATURE, 0);
        // the superbox header (length, "jumb") and the description's length precede "jumd"
        while (signature >= 0 && !(signature >= 12 && in.fourCc(signature - 8).equals(JumbfTypes.SUPERBOX))) {
            signature = find(channel, STORE_SIGNATURE, signature + 1);
        }
        if (signature < 0) {
            return Extraction.none(List.of());
        }
        long box = signature - 12;
        long length = in.u32be(box);
        int n = StoreLimits.checkStoreSize(length, "PDF embedded manifest at offset " + box);
        if (!in.has(box, n)) {
            throw new C2paException("PDF embedded manifest at offset " + box + " declares " + n
                    + " bytes, past the end of the file");
        }
        // the store is the embedded file stream's whole content
        return Extraction.found(in.bytes(box, n), false, "PDF embedded manifest stream at offset " + box, List.of(),
                List.of(new ByteRange(box, n)));
    }

    /** The offset of the first occurrence of {@code needle} at or after {@code from}, streaming in chunks; -1 if none. */
    static long find(SeekableByteChannel channel, byte[] needle, long from) throws IOException {
        long size = channel.size();
        byte[] buf = new byte[CHUNK + needle.length];
        long pos = from;
        while (pos < size) {
            channel.position(pos);
            ByteBuffer bb = ByteBuffer.wrap(buf);
            while (bb.hasRemaining() && channel.read(bb) > 0) {
                // fill
            }
            int filled = bb.position();
            for (int i = 0; i + needle.length <= filled; i++) {
                if (matches(buf, i, needle)) {
                    return pos + i;
                }
            }
            if (filled < buf.length) {
                return -1;
            }
            pos += CHUNK; // chunks overlap by the needle's length
        }
        return -1;
    }

    private static boolean matches(byte[] buf, int at, byte[] needle) {
        for (int j = 0; j < needle.length; j++) {
            if (buf[at + j] != needle[j]) {
                return false;
            }
        }
        return true;
    }
}
