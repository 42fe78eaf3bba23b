/**
 * Pure-Java decoding of lossy WebP, byte-identical to libwebp's default decoding (libwebp 1.2.4, as used by
 * {@code dwebp} and by the ImageMagick behind the C++ PDQ reference), so that perceptual hashes of WebP images match
 * the reference bit for bit.
 *
 * <ul>
 *   <li>{@link io.assay.hash.webp.WebpDecoder}: a whole file to YUV planes, alpha plane and
 *   {@link java.awt.image.BufferedImage} ({@code TYPE_3BYTE_BGR}, or {@code TYPE_4BYTE_ABGR} with alpha);</li>
 *   <li>{@link io.assay.hash.webp.Vp8Decoder}: a bare VP8 key frame to a {@link io.assay.hash.webp.YuvFrame}
 *   (RFC 6386 with libwebp's arithmetic: boolean decoder, segmentation, quantizers, token partitions, intra
 *   prediction, inverse WHT/DCT, simple and normal loop filters);</li>
 *   <li>{@link io.assay.hash.webp.YuvToRgb}: libwebp's "fancy" chroma upsampling and fixed-point YUV-to-RGB;</li>
 *   <li>{@link io.assay.hash.webp.WebpContainer}: the RIFF container (simple VP8, extended VP8X with ALPH;
 *   ICCP, EXIF, XMP and unknown chunks are skipped);</li>
 *   <li>{@link io.assay.hash.webp.WebpImageReader} / {@link io.assay.hash.webp.WebpImageReaderSpi}: the ImageIO
 *   face, registered through {@code META-INF/services}.</li>
 * </ul>
 *
 * <p>Not handled here: lossless (VP8L) and animated files, which the SPI does not claim so that another installed
 * reader (TwelveMonkeys) keeps them. An ALPH chunk compressed with VP8L is decoded by wrapping it as a lossless
 * WebP file for that other reader, then un-filtering it here; raw ALPH chunks are decoded here. Dithering (off in
 * libwebp by default) and the alpha "level dequantization" smoothing (also off by default) are not implemented.
 */
package io.assay.hash.webp;
