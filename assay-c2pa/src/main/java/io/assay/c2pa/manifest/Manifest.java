package io.assay.c2pa.manifest;

import io.assay.c2pa.C2paException;
import io.assay.c2pa.jumbf.ByteSlice;
import io.assay.c2pa.jumbf.JumbfBox;
import io.assay.c2pa.signature.CoseSign1;
import io.assay.c2pa.signature.SignerInfo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One manifest of a manifest store: its claim, its assertions (by label, in stored order) and its claim signature
 * (the COSE_Sign1 bytes as stored). Typed views of the assertions ({@link #actions()}, {@link #ingredients()}) and the
 * signer ({@link #signer()}) are parsed on demand.
 *
 * @param label      the manifest label, e.g. {@code urn:c2pa:...} or {@code urn:uuid:...}
 * @param update     whether it is an update manifest ({@code c2um})
 * @param box        the manifest's JUMBF superbox as stored
 * @param claim      the claim
 * @param assertions the assertions by label, in stored order
 * @param signature  the claim signature box's content (COSE_Sign1 CBOR) as stored
 */
public record Manifest(String label, boolean update, JumbfBox.SuperBox box, Claim claim,
                       Map<String, Assertion> assertions, ByteSlice signature) {

    public Manifest {
        assertions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(assertions));
    }

    public Optional<Assertion> assertion(String label) {
        return Optional.ofNullable(assertions.get(label));
    }

    /** Every actions assertion (v1 and v2, all instances), parsed. */
    public List<Actions> actions() throws C2paException {
        List<Actions> out = new ArrayList<>();
        for (Assertion a : assertions.values()) {
            if (Actions.is(a)) {
                out.add(Actions.parse(a));
            }
        }
        return out;
    }

    /** Every ingredient assertion (v1 to v3, all instances), parsed. */
    public List<Ingredient> ingredients() throws C2paException {
        List<Ingredient> out = new ArrayList<>();
        for (Assertion a : assertions.values()) {
            if (Ingredient.is(a)) {
                out.add(Ingredient.parse(a));
            }
        }
        return out;
    }

    /** The digital source types the actions declare, without repeats, in stored order. */
    public List<String> digitalSourceTypes() throws C2paException {
        List<String> out = new ArrayList<>();
        for (Actions actions : actions()) {
            for (Action action : actions.actions()) {
                action.digitalSourceType().filter(t -> !out.contains(t)).ifPresent(out::add);
            }
        }
        return out;
    }

    /** The parsed (not verified) COSE_Sign1 of the claim signature. */
    public CoseSign1 cose() throws C2paException {
        return CoseSign1.parse(signature);
    }

    /** The claimed signer, from the signing certificate; not validated. */
    public SignerInfo signer() throws C2paException {
        return SignerInfo.of(cose());
    }
}
