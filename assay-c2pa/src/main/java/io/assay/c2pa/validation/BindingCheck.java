package io.assay.c2pa.validation;

import io.assay.c2pa.C2paContents;
import io.assay.c2pa.manifest.Manifest;
import io.assay.core.media.MediaAsset;

/**
 * Checks that a manifest is bound to what it describes: every assertion's hashed URI over the stored assertion
 * bytes, and the one hard binding (data hash, BMFF hash, boxes hash, collection hash) over the asset's bytes,
 * read as a stream.
 */
public interface BindingCheck {

    void check(C2paContents contents, Manifest manifest, MediaAsset asset, ValidationLog log);
}
