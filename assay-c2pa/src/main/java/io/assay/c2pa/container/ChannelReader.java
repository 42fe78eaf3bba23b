package io.assay.c2pa.container;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;

/**
 * Random access to a media file through a small read-ahead window, so that container walkers can read headers at any
 * offset without ever holding the file in memory. Not thread-safe: one per extraction.
 */
public final class ChannelReader {

    private static final int WINDOW = 64 * 1024;

    private final SeekableByteChannel channel;
    private final long size;
    private final byte[] window = new byte[WINDOW];
    private long windowStart = -1;
    private int windowLength;

    public ChannelReader(SeekableByteChannel channel) throws IOException {
        this.channel = channel;
        this.size = channel.size();
    }

    public long size() {
        return size;
    }

    /** Whether {@code n} bytes are available at {@code pos}. */
    public boolean has(long pos, long n) {
        return pos >= 0 && n >= 0 && pos <= size && n <= size - pos;
    }

    public int u8(long pos) throws IOException {
        if (pos < windowStart || pos >= windowStart + windowLength || windowStart < 0) {
            fill(pos);
        }
        return window[(int) (pos - windowStart)] & 0xFF;
    }

    public int u16be(long pos) throws IOException {
        return (u8(pos) << 8) | u8(pos + 1);
    }

    public int u16le(long pos) throws IOException {
        return u8(pos) | (u8(pos + 1) << 8);
    }

    public long u32be(long pos) throws IOException {
        return ((long) u16be(pos) << 16) | u16be(pos + 2);
    }

    public long u32le(long pos) throws IOException {
        return u16le(pos) | ((long) u16le(pos + 2) << 16);
    }

    public long u64be(long pos) throws IOException {
        return (u32be(pos) << 32) | u32be(pos + 4);
    }

    public long u64le(long pos) throws IOException {
        return u32le(pos) | (u32le(pos + 4) << 32);
    }

    public String fourCc(long pos) throws IOException {
        return ascii(pos, 4);
    }

    /** {@code n} bytes as ISO-8859-1 text (box types, signatures). */
    public String ascii(long pos, int n) throws IOException {
        return new String(bytes(pos, n), java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** Reads exactly {@code n} bytes; callers bound {@code n} (see {@link StoreLimits}). */
    public byte[] bytes(long pos, int n) throws IOException {
        if (!has(pos, n)) {
            throw new EOFException("read of " + n + " bytes at offset " + pos + " runs past the end of the file ("
                    + size + " bytes)");
        }
        byte[] out = new byte[n];
        if (n <= WINDOW) {
            if (windowStart < 0 || pos < windowStart || pos + n > windowStart + windowLength) {
                fill(pos);
            }
            if (pos + n <= windowStart + windowLength) {
                System.arraycopy(window, (int) (pos - windowStart), out, 0, n);
                return out;
            }
        }
        ByteBuffer buf = ByteBuffer.wrap(out);
        channel.position(pos);
        while (buf.hasRemaining()) {
            if (channel.read(buf) < 0) {
                throw new EOFException("unexpected end of file at offset " + (pos + buf.position()));
            }
        }
        return out;
    }

    private void fill(long pos) throws IOException {
        if (pos < 0 || pos >= size) {
            throw new EOFException("read at offset " + pos + " is past the end of the file (" + size + " bytes)");
        }
        channel.position(pos);
        ByteBuffer buf = ByteBuffer.wrap(window);
        while (buf.hasRemaining()) {
            if (channel.read(buf) <= 0) {
                break;
            }
        }
        windowStart = pos;
        windowLength = buf.position();
        if (windowLength == 0) {
            throw new EOFException("no data at offset " + pos);
        }
    }
}
