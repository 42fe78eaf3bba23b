package io.assay.core.scan;

import io.assay.core.media.MediaType;

/** What a verdict says about the file itself. */
public record AssetSummary(String name, MediaType mediaType, long size, String sha256) {
}
