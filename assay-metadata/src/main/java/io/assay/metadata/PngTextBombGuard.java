package io.assay.metadata;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * metadata-extractor inflates zTXt and compressed iTXt chunks without a bound, so a few kilobytes of deflate can
 * claim gigabytes of heap. This guard walks the chunk headers first (intake has already checked that they are
 * intact), inflates each compressed text chunk into a counter, and hides the ones that expand past
 * {@link #MAX_INFLATED} from the parser. Memory stays bounded by {@link #MAX_COMPRESSED} plus one buffer.
 */
final class PngTextBombGuard {

    /** Real text chunks (XMP, ComfyUI graphs) inflate to well under this. */
    static final long MAX_INFLATED = 16L * 1024 * 1024;
    /** A compressed text chunk larger than this is not read at all. */
    static final int MAX_COMPRESSED = 8 * 1024 * 1024;

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    /** A chunk hidden from the parser: where it starts, its total length with header and CRC, and why. */
    record Dropped(long offset, long length, String type, String reason) {
    }

    private PngTextBombGuard() {
    }

    /** The compressed text chunks to hide; empty for a well-behaved file. */
    static List<Dropped> scan(InputStream raw) throws IOException {
        List<Dropped> dropped = new ArrayList<>();
        DataInputStream in = new DataInputStream(raw);
        byte[] sig = new byte[8];
        in.readFully(sig);
        if (!java.util.Arrays.equals(sig, SIGNATURE)) {
            return dropped;
        }
        long offset = 8;
        try {
            while (true) {
                long length = Integer.toUnsignedLong(in.readInt());
                byte[] typeBytes = new byte[4];
                in.readFully(typeBytes);
                String type = new String(typeBytes, StandardCharsets.ISO_8859_1);
                boolean text = type.equals("zTXt") || type.equals("iTXt");
                if (text && length > MAX_COMPRESSED) {
                    dropped.add(new Dropped(offset, length + 12, type, "compressed text chunk of " + length
                            + " bytes exceeds " + MAX_COMPRESSED));
                    skipFully(in, length + 4);
                } else if (text) {
                    byte[] data = new byte[(int) length];
                    in.readFully(data);
                    skipFully(in, 4);
                    long inflated = inflatedSize(type, data);
                    if (inflated > MAX_INFLATED) {
                        dropped.add(new Dropped(offset, length + 12, type, "compressed text inflates past "
                                + MAX_INFLATED + " bytes"));
                    }
                } else {
                    skipFully(in, length + 4);
                }
                offset += length + 12;
                if (type.equals("IEND")) {
                    break;
                }
            }
        } catch (EOFException e) {
            // Trailing garbage or a cut file: the parser will report what it makes of it.
        }
        return dropped;
    }

    /** The stream without the dropped chunks. */
    static InputStream without(InputStream in, List<Dropped> dropped) {
        if (dropped.isEmpty()) {
            return in;
        }
        return new FilterInputStream(in) {
            private long position;
            private int next;

            private void skipDropped() throws IOException {
                while (next < dropped.size() && dropped.get(next).offset() == position) {
                    skipFully(in, dropped.get(next).length());
                    position += dropped.get(next).length();
                    next++;
                }
            }

            private int allowed(int len) {
                return next < dropped.size() ? (int) Math.min(len, dropped.get(next).offset() - position) : len;
            }

            @Override
            public int read() throws IOException {
                skipDropped();
                int b = in.read();
                if (b >= 0) {
                    position++;
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                skipDropped();
                int n = in.read(b, off, allowed(len));
                if (n > 0) {
                    position += n;
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                skipDropped();
                long s = in.skip(next < dropped.size() ? Math.min(n, dropped.get(next).offset() - position) : n);
                position += Math.max(0, s);
                return s;
            }

            @Override
            public boolean markSupported() {
                return false;
            }
        };
    }

    /** Inflates into a counter, stopping as soon as the bound is passed; -1 when the text is not compressed. */
    static long inflatedSize(String type, byte[] data) {
        int keywordEnd = indexOf(data, 0);
        if (keywordEnd < 0) {
            return -1;
        }
        int start;
        if (type.equals("zTXt")) {
            start = keywordEnd + 2;
        } else {
            if (keywordEnd + 2 >= data.length || data[keywordEnd + 1] == 0) {
                return -1;
            }
            int language = indexOf(data, keywordEnd + 3);
            int translated = language < 0 ? -1 : indexOf(data, language + 1);
            if (translated < 0) {
                return -1;
            }
            start = translated + 1;
        }
        if (start >= data.length) {
            return -1;
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(data, start, data.length - start);
            byte[] buf = new byte[64 * 1024];
            long total = 0;
            while (!inflater.finished() && total <= MAX_INFLATED) {
                int n = inflater.inflate(buf);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                total += n;
            }
            return total;
        } catch (DataFormatException e) {
            return -1;
        } finally {
            inflater.end();
        }
    }

    private static int indexOf(byte[] data, int from) {
        for (int i = from; i < data.length; i++) {
            if (data[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    private static void skipFully(InputStream in, long n) throws IOException {
        long left = n;
        while (left > 0) {
            long s = in.skip(left);
            if (s <= 0) {
                if (in.read() < 0) {
                    throw new EOFException();
                }
                s = 1;
            }
            left -= s;
        }
    }
}
