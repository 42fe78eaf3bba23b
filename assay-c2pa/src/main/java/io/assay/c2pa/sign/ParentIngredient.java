package io.assay.c2pa.sign;

import com.upokecenter.cbor.CBORObject;
import io.assay.c2pa.jumbf.JumbfBox;
import io.assay.c2pa.manifest.HashAlgorithm;
import io.assay.c2pa.manifest.Manifest;
import io.assay.c2pa.manifest.ManifestStore;
import io.assay.c2pa.validation.StatusKind;
import io.assay.c2pa.validation.ValidationReport;
import io.assay.c2pa.validation.ValidationStatus;
import io.assay.core.media.MediaType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The asset a new manifest edits, as a {@code c2pa.ingredient.v3} with relationship {@code parentOf}. When the input
 * carried Content Credentials, the ingredient points at its active manifest and claim signature by hashed URI and
 * records the validation results found for it, and the input's manifests travel on in the new store.
 */
record ParentIngredient(Optional<ManifestStore> store, Optional<ValidationReport> report, MediaType format,
                        String title) {

    static ParentIngredient of(ManifestStore store, Optional<ValidationReport> report, MediaType format) {
        String title = store.activeManifest().claim().title().orElse(null);
        return new ParentIngredient(Optional.of(store), report, format, title);
    }

    /** An input without Content Credentials: the ingredient names only its format. */
    static ParentIngredient plain(MediaType format, String title) {
        return new ParentIngredient(Optional.empty(), Optional.empty(), format, title);
    }

    Optional<String> manifestLabel() {
        return store.map(s -> s.activeManifest().label());
    }

    /** Every manifest superbox of the input's store, as stored. */
    static List<byte[]> manifestBoxes(ManifestStore store) {
        List<byte[]> out = new ArrayList<>();
        for (Manifest m : store.manifests()) {
            out.add(m.box().raw().toByteArray());
        }
        return out;
    }

    CBORObject toCbor(HashAlgorithm alg) {
        CBORObject map = CBORObject.NewOrderedMap();
        map.set("dc:title", CBORObject.FromObject(title == null ? "parent" : title));
        map.set("dc:format", CBORObject.FromObject(format.mime()));
        map.set("relationship", CBORObject.FromObject("parentOf"));
        Optional<String> instance = store.flatMap(s -> s.activeManifest().claim().instanceId());
        map.set("instanceID", CBORObject.FromObject(instance.orElse("xmp:iid:" + UUID.randomUUID())));
        if (store.isPresent()) {
            Manifest active = store.get().activeManifest();
            String base = "self#jumbf=/c2pa/" + active.label();
            map.set("activeManifest", hashedUri(base, active.box(), alg));
            active.box().child("c2pa.signature").ifPresent(sig ->
                    map.set("claimSignature", hashedUri(base + "/c2pa.signature", sig, alg)));
            map.set("validationResults", validationResults());
        }
        return map;
    }

    private static CBORObject hashedUri(String url, JumbfBox.SuperBox box, HashAlgorithm alg) {
        var digest = alg.newDigest();
        box.payload().updateDigest(digest);
        CBORObject ref = CBORObject.NewOrderedMap();
        ref.set("url", CBORObject.FromObject(url));
        ref.set("alg", CBORObject.FromObject(alg.c2paName()));
        ref.set("hash", CBORObject.FromObject(digest.digest()));
        return ref;
    }

    /** The parent's active-manifest statuses; a parent that was not validated says so in an informational code. */
    private CBORObject validationResults() {
        CBORObject active = CBORObject.NewOrderedMap();
        CBORObject success = CBORObject.NewArray();
        CBORObject informational = CBORObject.NewArray();
        CBORObject failure = CBORObject.NewArray();
        if (report.isPresent()) {
            for (ValidationStatus s : report.get().activeManifest()) {
                CBORObject entry = CBORObject.NewOrderedMap();
                entry.set("code", CBORObject.FromObject(s.code()));
                if (s.url() != null) {
                    entry.set("url", CBORObject.FromObject(s.url()));
                }
                if (s.explanation() != null) {
                    entry.set("explanation", CBORObject.FromObject(s.explanation()));
                }
                (s.kind() == StatusKind.SUCCESS ? success : s.kind() == StatusKind.FAILURE ? failure : informational)
                        .Add(entry);
            }
        }
        active.set("success", success);
        active.set("informational", informational);
        active.set("failure", failure);
        CBORObject results = CBORObject.NewOrderedMap();
        results.set("activeManifest", active);
        return results;
    }
}
