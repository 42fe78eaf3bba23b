package io.assay.c2pa.manifest;

import com.upokecenter.cbor.CBORObject;
import com.upokecenter.cbor.CBORType;

import java.util.Optional;

/**
 * A claim generator or software agent as C2PA describes it ({@code claim_generator_info}): a name and an optional
 * version. A plain string (the v1 {@code softwareAgent}) becomes a name without version.
 */
public record GeneratorInfo(String name, Optional<String> version) {

    static Optional<GeneratorInfo> of(CBORObject v) {
        if (v == null) {
            return Optional.empty();
        }
        if (v.getType() == CBORType.TextString) {
            return Optional.of(new GeneratorInfo(v.AsString(), Optional.empty()));
        }
        return Cbor.text(v, "name").map(n -> new GeneratorInfo(n, Cbor.text(v, "version")));
    }

    @Override
    public String toString() {
        return version.map(ver -> name + "/" + ver).orElse(name);
    }
}
