package io.assay.c2pa.container;

import io.assay.c2pa.C2paException;
import io.assay.core.media.MediaType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/** PNG: the store is the data of a {@code caBX} chunk; remote references come from the XMP {@code iTXt} chunk. */
public final class PngExtractor implements ManifestExtractor {

    private static final String XMP_KEYWORD = "XML:com.adobe.xmp";

    @Override
    public Set<MediaType> mediaTypes() {
        return Set.of(MediaType.PNG);
    }

    @Override
    public Extraction extract(SeekableByteChannel channel) throws IOException, C2paException {
        ChannelReader in = new ChannelReader(channel);
        List<String> remote = new ArrayList<>();
        byte[] store = null;
        long storeAt = -1;
        ByteRange storeChunk = null;
        long pos = 8; // signature
        while (in.has(pos, 12)) {
            long length = in.u32be(pos);
            String type = in.fourCc(pos + 4);
            long data = pos + 8;
            if (!in.has(data, length + 4)) {
                if (type.equals("caBX")) {
                    throw new C2paException("PNG: caBX chunk at offset " + pos + " declares " + length
                            + " bytes, past the end of the file");
                }
                break;
            }
            if (type.equals("caBX") && store == null) {
                store = in.bytes(data, StoreLimits.checkStoreSize(length, "PNG caBX chunk at offset " + pos));
                storeAt = pos;
                storeChunk = new ByteRange(pos, 12 + length);
            } else if (type.equals("iTXt") && length <= StoreLimits.MAX_XMP_BYTES) {
                String xmp = xmpOf(in.bytes(data, (int) length));
                if (xmp != null) {
                    remote.addAll(XmpProvenance.urls(xmp));
                }
            } else if (type.equals("IEND")) {
                break;
            }
            pos = data + length + 4;
        }
        return store == null ? Extraction.none(remote)
                : Extraction.found(store, false, "PNG caBX chunk at offset " + storeAt, remote, List.of(storeChunk));
    }

    /** The text of an iTXt chunk keyed {@value #XMP_KEYWORD}, inflated if compressed; null for other chunks. */
    private static String xmpOf(byte[] chunk) {
        int k = indexOf(chunk, 0);
        if (k < 0 || !new String(chunk, 0, k, StandardCharsets.ISO_8859_1).equals(XMP_KEYWORD) || k + 3 > chunk.length) {
            return null;
        }
        boolean compressed = chunk[k + 1] != 0;
        int lang = indexOf(chunk, k + 3);
        int translated = lang < 0 ? -1 : indexOf(chunk, lang + 1);
        if (translated < 0) {
            return null;
        }
        int start = translated + 1;
        if (!compressed) {
            return new String(chunk, start, chunk.length - start, StandardCharsets.UTF_8);
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(chunk, start, chunk.length - start);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            while (!inflater.finished() && out.size() <= StoreLimits.MAX_XMP_BYTES) {
                int n = inflater.inflate(buf);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(buf, 0, n);
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (DataFormatException e) {
            return null; // unreadable XMP holds no reference we could report
        } finally {
            inflater.end();
        }
    }

    private static int indexOf(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == 0) {
                return i;
            }
        }
        return -1;
    }
}
