package io.assay.hash.video;

/**
 * One decoded frame: interleaved 8-bit RGB ({@code width * height * 3} bytes, no row padding), its 0-based frame
 * number in decoding order and the reference's timestamp for it. The array belongs to the receiver.
 */
public record VideoFrame(int frameNumber, double timestampSeconds, int width, int height, byte[] rgb) {
}
