package io.assay.server.sign;

import io.assay.c2pa.C2paException;
import io.assay.core.evidence.DigitalSourceType;
import io.assay.core.media.MediaType;
import io.assay.watermark.assay.AssayPayload;
import io.assay.watermark.assay.AssayWatermark;
import io.assay.watermark.assay.AssayWatermarkKey;
import io.assay.watermark.image.ImageCodec;

import java.io.IOException;
import java.util.Set;

/**
 * The watermark step of labelling at creation, shared by {@code assay sign} and {@code POST /v1/sign}: Assay's robust
 * watermark (digital source type + generator id) is embedded in the pixels before the file is signed, so the label
 * survives when a platform strips the metadata and re-encodes. The watermarked image is re-encoded (JPEG at quality
 * 95, PNG losslessly); metadata of the input (EXIF, XMP, ICC profile) does not survive that, which is why the C2PA
 * manifest and IPTC XMP are written afterwards and the input is kept as the parent when it carried Content Credentials.
 */
public final class Watermarking {

    /** Formats whose pixels Assay can write back (no WebP encoder exists for the JVM here). */
    static final Set<MediaType> WRITABLE = Set.of(MediaType.JPEG, MediaType.PNG);

    private final AssayWatermark watermark;
    private final long maxPixels;

    public Watermarking(AssayWatermarkKey key, long maxPixels) {
        this.watermark = new AssayWatermark(key);
        this.maxPixels = maxPixels;
    }

    /**
     * The image with the watermark, re-encoded in its own format.
     *
     * @throws C2paException when the format or the image cannot be watermarked (a clear, user-facing reason)
     */
    public byte[] apply(byte[] image, MediaType type, DigitalSourceType source, int generatorId) throws C2paException {
        if (!WRITABLE.contains(type)) {
            throw new C2paException("watermarking " + type.mime() + " is not supported (JPEG and PNG only)");
        }
        if (generatorId < 0 || generatorId > AssayPayload.MAX_GENERATOR_ID) {
            throw new C2paException("the watermark generator id must be within 0.." + AssayPayload.MAX_GENERATOR_ID);
        }
        try {
            ImageCodec.Decoded decoded = ImageCodec.read(image, maxPixels, maxPixels);
            var marked = watermark.embed(decoded.pixels(), AssayPayload.of(source, generatorId));
            return ImageCodec.write(marked.toImage(), ImageCodec.formatFor(type));
        } catch (IOException e) {
            throw new C2paException("the image cannot be watermarked: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new C2paException(e.getMessage());
        }
    }
}
