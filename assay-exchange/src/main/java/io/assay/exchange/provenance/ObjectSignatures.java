package io.assay.exchange.provenance;

import io.assay.exchange.json.Jcs;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;

/**
 * Where a signature travels and what it covers. The creator's signature is a detached compact JWS (RFC 7515 Appendix
 * F: {@code header..signature}) in the top-level custom property {@value #PROPERTY}. Its payload is the RFC 8785
 * canonical JSON of the object without that property, so the signature covers every other property, extensions and
 * unknown properties included, and survives any re-serialisation that keeps the JSON values.
 */
public final class ObjectSignatures {

    /** The top-level custom property (STIX 2.1 §11.1 naming) that holds the detached JWS. */
    public static final String PROPERTY = "x_assay_signature";

    private ObjectSignatures() {
    }

    /** The bytes a signature covers: the canonical JSON of the object minus {@value #PROPERTY}. */
    public static byte[] payload(ObjectNode object) {
        ObjectNode unsigned = object.deepCopy();
        unsigned.remove(PROPERTY);
        return Jcs.canonicalBytes(unsigned);
    }

    /** The JWS signing input: ASCII(BASE64URL(header) || '.' || BASE64URL(payload)). */
    static byte[] signingInput(String encodedHeader, byte[] payload) {
        return (encodedHeader + "." + Base64Url.encode(payload)).getBytes(StandardCharsets.US_ASCII);
    }
}
