package io.assay.c2pa.signature;

import com.upokecenter.cbor.CBORException;
import com.upokecenter.cbor.CBORObject;
import com.upokecenter.cbor.CBORType;
import io.assay.c2pa.C2paException;
import io.assay.c2pa.jumbf.ByteSlice;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The COSE_Sign1 structure (RFC 9052) of a C2PA claim signature, parsed but not verified: the algorithm and the
 * certificate chain ({@code x5chain}, label 33) from the protected header, or from the unprotected header as early
 * C2PA writers placed it. The payload is detached (it is the claim).
 *
 * @param raw              the signature box's CBOR as stored
 * @param protectedHeader  the protected header's serialized bytes, as signed
 * @param alg              the COSE algorithm identifier, when present
 * @param chain            the DER certificates, leaf first
 * @param chainProtected   whether the chain came from the protected header
 * @param signature        the signature bytes
 * @param attachedPayload  a payload carried in the structure itself; C2PA detaches it (nil), and one that differs
 *                         from the claim makes the signature fail
 */
public record CoseSign1(ByteSlice raw, byte[] protectedHeader, Optional<Integer> alg, List<byte[]> chain,
                        boolean chainProtected, byte[] signature, Optional<byte[]> attachedPayload) {

    public static final int TAG = 18;
    static final int HEADER_ALG = 1;
    static final int HEADER_X5CHAIN = 33;

    public CoseSign1 {
        chain = List.copyOf(chain);
    }

    public static CoseSign1 parse(ByteSlice raw) throws C2paException {
        CBORObject cose;
        try {
            cose = CBORObject.DecodeFromBytes(raw.toByteArray());
        } catch (CBORException | IllegalArgumentException | IllegalStateException e) {
            throw new C2paException("claim signature is not valid CBOR: " + e.getMessage());
        }
        if (cose.HasMostOuterTag(TAG)) {
            cose = cose.UntagOne();
        }
        if (cose.getType() != CBORType.Array || cose.size() != 4) {
            throw new C2paException("claim signature is not a COSE_Sign1 array of four items");
        }
        CBORObject prot = cose.get(0);
        CBORObject unprot = cose.get(1);
        CBORObject payload = cose.get(2);
        CBORObject sig = cose.get(3);
        if (prot.getType() != CBORType.ByteString || sig.getType() != CBORType.ByteString) {
            throw new C2paException("claim signature: COSE_Sign1 protected header or signature is not a byte string");
        }
        byte[] protBytes = prot.GetByteString();
        CBORObject protMap = CBORObject.NewMap();
        if (protBytes.length > 0) {
            try {
                protMap = CBORObject.DecodeFromBytes(protBytes);
            } catch (CBORException | IllegalArgumentException | IllegalStateException e) {
                throw new C2paException("claim signature: protected header is not valid CBOR: " + e.getMessage());
            }
        }
        if (protMap.getType() != CBORType.Map) {
            throw new C2paException("claim signature: protected header is not a CBOR map");
        }
        Optional<Integer> alg = Optional.ofNullable(protMap.get(CBORObject.FromObject(HEADER_ALG)))
                .filter(v -> v.getType() == CBORType.Integer && v.AsNumber().CanFitInInt32())
                .map(CBORObject::AsInt32Value);
        List<byte[]> chain = certificates(protMap.get(CBORObject.FromObject(HEADER_X5CHAIN)));
        boolean chainProtected = !chain.isEmpty();
        if (chain.isEmpty() && unprot.getType() == CBORType.Map) {
            chain = certificates(unprot.get(CBORObject.FromObject(HEADER_X5CHAIN)));
            if (chain.isEmpty()) {
                chain = certificates(unprot.get("x5chain")); // pre-1.0 writers used a text label
            }
        }
        Optional<byte[]> attached = payload.getType() == CBORType.ByteString ? Optional.of(payload.GetByteString()) : Optional.empty();
        return new CoseSign1(raw, protBytes, alg, chain, chainProtected, sig.GetByteString(), attached);
    }

    /** x5chain is one certificate as a byte string, or an array of them (leaf first). */
    private static List<byte[]> certificates(CBORObject v) {
        List<byte[]> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (v.getType() == CBORType.ByteString) {
            out.add(v.GetByteString());
        } else if (v.getType() == CBORType.Array) {
            for (int i = 0; i < v.size(); i++) {
                if (v.get(i).getType() == CBORType.ByteString) {
                    out.add(v.get(i).GetByteString());
                }
            }
        }
        return out;
    }

    /** The C2PA name of the claimed algorithm (ES256 ... Ed25519), or "unknown (n)". */
    public String algName() {
        return alg.map(CoseSign1::algName).orElse("none");
    }

    static String algName(int id) {
        return switch (id) {
            case -7 -> "ES256";
            case -35 -> "ES384";
            case -36 -> "ES512";
            case -37 -> "PS256";
            case -38 -> "PS384";
            case -39 -> "PS512";
            case -8 -> "Ed25519";
            default -> "unknown (" + id + ")";
        };
    }
}
