package io.assay.c2pa.manifest;

import com.upokecenter.cbor.CBORObject;
import io.assay.c2pa.C2paException;

import java.util.Optional;

/**
 * A {@code c2pa.ingredient} assertion (v1, v2 or v3): an asset this one was made from, and the manifest that asset
 * carried, if any.
 *
 * @param label          the assertion label as stored
 * @param version        1, 2 or 3
 * @param title          {@code dc:title}
 * @param format         {@code dc:format}
 * @param relationship   {@code parentOf}, {@code componentOf} or {@code inputTo}
 * @param manifest       the hashed URI of the ingredient's manifest ({@code c2pa_manifest} up to v2,
 *                       {@code activeManifest} in v3)
 * @param instanceId     {@code instanceID}
 */
public record Ingredient(String label, int version, Optional<String> title, Optional<String> format,
                         String relationship, Optional<HashedUri> manifest, Optional<String> instanceId) {

    public static final String LABEL = "c2pa.ingredient";

    public static boolean is(Assertion a) {
        return a.typeLabel().equals(LABEL);
    }

    public static Ingredient parse(Assertion a) throws C2paException {
        CBORObject data = a.data().orElseThrow(() -> new C2paException("assertion " + a.label()
                + " is neither CBOR nor JSON"));
        Optional<HashedUri> manifest = Cbor.map(data, "activeManifest").flatMap(HashedUri::of)
                .or(() -> Cbor.map(data, "c2pa_manifest").flatMap(HashedUri::of));
        return new Ingredient(a.label(), a.labelVersion(), Cbor.text(data, "dc:title"), Cbor.text(data, "dc:format"),
                Cbor.text(data, "relationship").orElse("componentOf"), manifest, Cbor.text(data, "instanceID"));
    }

    /** The label of the ingredient's manifest in this store, when it has one. */
    public Optional<String> manifestLabel() {
        return manifest.flatMap(HashedUri::manifestLabel);
    }
}
