package io.assay.c2pa.container;

/**
 * A run of bytes in a media file.
 *
 * @param offset where it starts
 * @param length how many bytes
 */
public record ByteRange(long offset, long length) {

    public ByteRange {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("negative range " + offset + "+" + length);
        }
    }

    public long end() {
        return offset + length;
    }
}
