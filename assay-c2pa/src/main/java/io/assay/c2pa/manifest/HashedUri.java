package io.assay.c2pa.manifest;

import com.upokecenter.cbor.CBORObject;

import java.util.HexFormat;
import java.util.Optional;

/**
 * A C2PA hashed URI: a JUMBF URI ({@code self#jumbf=...}) with the hash of what it points to, which the validation
 * step recomputes over the stored bytes.
 *
 * @param url  the JUMBF URI
 * @param alg  the hash algorithm when given here (otherwise the claim's {@code alg})
 * @param hash the expected hash, hex-encoded
 */
public record HashedUri(String url, Optional<String> alg, String hash) {

    static Optional<HashedUri> of(CBORObject map) {
        Optional<String> url = Cbor.text(map, "url");
        if (url.isEmpty()) {
            return Optional.empty();
        }
        String hash = Cbor.bytes(map, "hash").map(b -> HexFormat.of().formatHex(b)).orElse("");
        return Optional.of(new HashedUri(url.get(), Cbor.text(map, "alg"), hash));
    }

    /** The manifest label the URI points into ({@code self#jumbf=/c2pa/<label>/...}), if it names one. */
    public Optional<String> manifestLabel() {
        int jumbf = url.indexOf("jumbf=");
        String path = jumbf < 0 ? url : url.substring(jumbf + 6);
        if (path.startsWith("/")) {
            path = path.substring(1);
        }
        if (!path.startsWith("c2pa/")) {
            return Optional.empty();
        }
        String rest = path.substring(5);
        int slash = rest.indexOf('/');
        String label = slash < 0 ? rest : rest.substring(0, slash);
        return label.isEmpty() ? Optional.empty() : Optional.of(label);
    }

    /** The last path element, e.g. the assertion label {@code c2pa.actions.v2}. */
    public String lastSegment() {
        int slash = url.lastIndexOf('/');
        return slash < 0 ? url : url.substring(slash + 1);
    }
}
