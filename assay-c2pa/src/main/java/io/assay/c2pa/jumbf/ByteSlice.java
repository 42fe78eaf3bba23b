package io.assay.c2pa.jumbf;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * A window onto the manifest store's bytes exactly as stored. Boxes share the one store buffer instead of copying it,
 * and the later validation step hashes these bytes (never a re-serialisation).
 */
public final class ByteSlice {

    private final byte[] buffer;
    private final int offset;
    private final int length;

    public ByteSlice(byte[] buffer, int offset, int length) {
        Objects.requireNonNull(buffer, "buffer");
        Objects.checkFromIndexSize(offset, length, buffer.length);
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
    }

    public static ByteSlice of(byte[] bytes) {
        return new ByteSlice(bytes, 0, bytes.length);
    }

    /** Where the slice starts within the manifest store. */
    public int offset() {
        return offset;
    }

    public int length() {
        return length;
    }

    public byte byteAt(int index) {
        Objects.checkIndex(index, length);
        return buffer[offset + index];
    }

    /** A sub-window, relative to this slice. */
    public ByteSlice slice(int from, int len) {
        Objects.checkFromIndexSize(from, len, length);
        return new ByteSlice(buffer, offset + from, len);
    }

    /** A copy of the bytes; the store buffer itself is never handed out. */
    /** Feeds these bytes to a digest without copying them. */
    public void updateDigest(java.security.MessageDigest digest) {
        digest.update(buffer, offset, length);
    }

    public byte[] toByteArray() {
        return Arrays.copyOfRange(buffer, offset, offset + length);
    }

    public InputStream openStream() {
        return new ByteArrayInputStream(buffer, offset, length);
    }

    @Override
    public String toString() {
        return "ByteSlice[offset=" + offset + ", length=" + length + "]";
    }
}
