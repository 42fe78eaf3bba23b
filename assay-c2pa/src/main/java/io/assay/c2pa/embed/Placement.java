package io.assay.c2pa.embed;

/**
 * Where an embedded store landed.
 *
 * @param bytes            the whole asset with the store
 * @param exclusionStart   start of the range a data hash excludes (the store and its container framing)
 * @param exclusionLength  length of that range
 */
public record Placement(byte[] bytes, long exclusionStart, long exclusionLength) {
}
