package io.assay.c2pa.manifest;

import com.upokecenter.cbor.CBORObject;
import io.assay.c2pa.C2paException;
import io.assay.c2pa.jumbf.ByteSlice;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The claim of a manifest ({@code c2pa.claim}, v1, or {@code c2pa.claim.v2}): who generated it, what asset it
 * describes, and the hashed URIs of the assertions it covers. The claim's CBOR bytes are kept as stored because the
 * signature covers exactly them.
 *
 * @param version            1 or 2
 * @param cbor               the claim's CBOR exactly as stored (the COSE payload)
 * @param claimGenerator     the v1 {@code claim_generator} string
 * @param generatorInfo      {@code claim_generator_info}: a list in v1, a single map in v2
 * @param instanceId         {@code instanceID}
 * @param title              {@code dc:title}
 * @param format             {@code dc:format}
 * @param alg                the default hash algorithm, {@code alg}
 * @param assertions         the v1 {@code assertions} list
 * @param createdAssertions  the v2 {@code created_assertions}
 * @param gatheredAssertions the v2 {@code gathered_assertions}
 * @param redactedAssertions {@code redacted_assertions} (URIs only)
 * @param signature          the JUMBF URI of the claim signature
 */
public record Claim(int version, ByteSlice cbor, Optional<String> claimGenerator, List<GeneratorInfo> generatorInfo,
                    Optional<String> instanceId, Optional<String> title, Optional<String> format, Optional<String> alg,
                    List<HashedUri> assertions, List<HashedUri> createdAssertions,
                    List<HashedUri> gatheredAssertions, List<String> redactedAssertions, Optional<String> signature) {

    public static final String LABEL_V1 = "c2pa.claim";
    public static final String LABEL_V2 = "c2pa.claim.v2";

    public Claim {
        generatorInfo = List.copyOf(generatorInfo);
        assertions = List.copyOf(assertions);
        createdAssertions = List.copyOf(createdAssertions);
        gatheredAssertions = List.copyOf(gatheredAssertions);
        redactedAssertions = List.copyOf(redactedAssertions);
    }

    static Claim parse(int version, ByteSlice cbor, String manifestLabel) throws C2paException {
        CBORObject c = Cbor.decode(cbor, "claim of manifest " + manifestLabel);
        if (!Cbor.isMap(c)) {
            throw new C2paException("claim of manifest " + manifestLabel + " is not a CBOR map");
        }
        List<GeneratorInfo> info = new ArrayList<>();
        Cbor.get(c, "claim_generator_info").ifPresent(v -> {
            List<CBORObject> items = Cbor.items(v);
            for (CBORObject item : items.isEmpty() ? List.of(v) : items) {
                GeneratorInfo.of(item).filter(g -> Cbor.isMap(item)).ifPresent(info::add);
            }
        });
        List<String> redacted = new ArrayList<>();
        for (CBORObject r : Cbor.array(c, "redacted_assertions")) {
            if (r.getType() == com.upokecenter.cbor.CBORType.TextString) {
                redacted.add(r.AsString());
            } else {
                HashedUri.of(r).ifPresent(h -> redacted.add(h.url()));
            }
        }
        return new Claim(version, cbor, Cbor.text(c, "claim_generator"), info, Cbor.text(c, "instanceID"),
                Cbor.text(c, "dc:title"), Cbor.text(c, "dc:format"), Cbor.text(c, "alg"),
                hashedUris(c, "assertions"), hashedUris(c, "created_assertions"),
                hashedUris(c, "gathered_assertions"), redacted, Cbor.text(c, "signature"));
    }

    private static List<HashedUri> hashedUris(CBORObject c, String key) {
        List<HashedUri> out = new ArrayList<>();
        for (CBORObject item : Cbor.array(c, key)) {
            HashedUri.of(item).ifPresent(out::add);
        }
        return out;
    }

    /** Every assertion reference the claim makes, in claim order (v1 list, then v2 created, then gathered). */
    public List<HashedUri> allAssertionReferences() {
        List<HashedUri> all = new ArrayList<>(assertions);
        all.addAll(createdAssertions);
        all.addAll(gatheredAssertions);
        return all;
    }

    /** A display name for the generator: the v1 string, else the first generator info as name/version. */
    public String generator() {
        return claimGenerator.orElseGet(() -> generatorInfo.isEmpty() ? "unknown generator"
                : generatorInfo.getFirst().toString());
    }
}
