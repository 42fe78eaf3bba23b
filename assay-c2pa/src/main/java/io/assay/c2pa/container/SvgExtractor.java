package io.assay.c2pa.container;

import io.assay.c2pa.C2paException;
import io.assay.core.media.MediaType;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * SVG: the store is base64 text in a {@code c2pa:manifest} element (namespace {@code http://c2pa.org/manifest}),
 * inside {@code metadata}. The file is streamed once; only the element's text is kept.
 */
public final class SvgExtractor implements ManifestExtractor {

    private static final byte[] START = "<c2pa:manifest".getBytes(StandardCharsets.US_ASCII);
    /** Base64 of the largest store, plus room for line breaks. */
    private static final long MAX_TEXT = StoreLimits.MAX_STORE_BYTES / 3L * 4 + StoreLimits.MAX_STORE_BYTES / 8;

    @Override
    public Set<MediaType> mediaTypes() {
        return Set.of(MediaType.SVG);
    }

    @Override
    public Extraction extract(SeekableByteChannel channel) throws IOException, C2paException {
        channel.position(0);
        Counting in = new Counting(new BufferedInputStream(Channels.newInputStream(channel), 64 * 1024));
        long offset = findElement(in);
        if (offset < 0) {
            return Extraction.none(List.of());
        }
        long textAt = in.count;
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '<') {
            if (text.size() >= MAX_TEXT) {
                throw new C2paException("SVG c2pa:manifest at offset " + offset + ": text over the "
                        + StoreLimits.MAX_STORE_BYTES + "-byte store limit");
            }
            text.write(b);
        }
        if (b == -1) {
            throw new C2paException("SVG c2pa:manifest at offset " + offset + " is not closed");
        }
        try {
            byte[] store = Base64.getMimeDecoder().decode(text.toByteArray());
            // as the reference: the element's text, measured as the store's base64 encoding without line breaks
            long encoded = (store.length + 2L) / 3 * 4;
            return Extraction.found(store, false, "SVG c2pa:manifest element at offset " + offset, List.of(),
                    List.of(new ByteRange(textAt, encoded)));
        } catch (IllegalArgumentException e) {
            throw new C2paException("SVG c2pa:manifest at offset " + offset + " is not valid base64: " + e.getMessage());
        }
    }

    /** Counts the bytes read. */
    private static final class Counting extends java.io.FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }

    /** Consumes the stream up to the end of the start tag; returns its offset, or -1 if absent or self-closing. */
    private static long findElement(InputStream in) throws IOException {
        long pos = 0;
        int matched = 0;
        int b;
        while ((b = in.read()) != -1) {
            pos++;
            if (b == START[matched]) {
                matched++;
                if (matched == START.length) {
                    long at = pos - START.length;
                    int next = in.read();
                    if (next != '>' && next != ' ' && next != '\t' && next != '\r' && next != '\n') {
                        matched = 0; // a longer element name, e.g. c2pa:manifestX
                        continue;
                    }
                    int prev = 0;
                    while (next != -1 && next != '>') {
                        prev = next;
                        next = in.read();
                    }
                    return next == -1 || prev == '/' ? -1 : at;
                }
            } else {
                matched = b == START[0] ? 1 : 0;
            }
        }
        return -1;
    }
}
