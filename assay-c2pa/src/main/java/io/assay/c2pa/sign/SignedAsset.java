package io.assay.c2pa.sign;

import java.util.List;

/**
 * The result of signing: the asset with its Content Credentials.
 *
 * @param bytes          the signed asset
 * @param manifestLabel  the label of the new (active) manifest, {@code urn:c2pa:...}
 * @param instanceId     the claim's {@code instanceID}
 * @param parentManifest the label of the manifest the input carried, now a parent ingredient, or null
 * @param notes          what the signer did besides the manifest (IPTC XMP written, a format without XMP support)
 */
public record SignedAsset(byte[] bytes, String manifestLabel, String instanceId, String parentManifest,
                          List<String> notes) {

    public SignedAsset {
        notes = List.copyOf(notes);
    }
}
