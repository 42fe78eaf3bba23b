package io.assay.core.media;

/**
 * Bounds that every asset must stay within before any analyzer sees it.
 *
 * @param maxBytes  the largest file accepted
 * @param maxPixels the largest image a header may declare (width x height); beyond it the file is treated as a
 *                  decompression bomb. The default admits 200-megapixel phone sensors.
 */
public record AssetLimits(long maxBytes, long maxPixels) {

    public static final AssetLimits DEFAULT = new AssetLimits(2L * 1024 * 1024 * 1024, 200_000_000L);

    public AssetLimits {
        if (maxBytes <= 0 || maxPixels <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    public AssetLimits withMaxBytes(long bytes) {
        return new AssetLimits(bytes, maxPixels);
    }
}
