package io.assay.c2pa.sign;

import com.upokecenter.cbor.CBOREncodeOptions;
import com.upokecenter.cbor.CBORObject;
import io.assay.c2pa.validation.credential.CoseAlgorithm;

import java.security.GeneralSecurityException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Builds the COSE_Sign1 (RFC 9052) of a C2PA claim signature as C2PA 2.x writes it: tagged (18), a protected header
 * {@code {1: alg, 33: x5chain}} (x5chain a byte string for a single certificate, else an array of them, the signer's
 * first), an unprotected header map (empty unless entries are added), a detached (nil) payload, and the signature over
 * {@code ["Signature1", protected, h'', claim]}.
 *
 * <p>Headers are encoded deterministically (CTAP2 canonical CBOR), so the same signer and claim give the same
 * protected header bytes.
 */
public final class CoseSign1Builder {

    static final int HEADER_ALG = 1;
    static final int HEADER_X5CHAIN = 33;
    static final int TAG = 18;
    private static final CBOREncodeOptions CANONICAL = new CBOREncodeOptions("ctap2canonical=true");

    private final Signer signer;
    private final CBORObject unprotected = CBORObject.NewMap();

    private CoseSign1Builder(Signer signer) {
        this.signer = signer;
    }

    public static CoseSign1Builder with(Signer signer) {
        if (signer == null) {
            throw new IllegalArgumentException("no signer");
        }
        return new CoseSign1Builder(signer);
    }

    /**
     * Adds an entry to the unprotected header (for instance {@code sigTst2} time-stamps or {@code pad}); it is not
     * covered by the signature.
     */
    public CoseSign1Builder unprotected(String label, CBORObject value) {
        unprotected.set(CBORObject.FromObject(label), value);
        return this;
    }

    /** The serialized protected header {@code {1: alg, 33: x5chain}} this builder signs. */
    public byte[] protectedHeader() throws SignerException {
        List<X509Certificate> chain = signer.certificateChain();
        if (chain == null || chain.isEmpty()) {
            throw new SignerException("the signer has no certificate chain");
        }
        CBORObject x5chain;
        try {
            if (chain.size() == 1) {
                x5chain = CBORObject.FromObject(chain.getFirst().getEncoded());
            } else {
                x5chain = CBORObject.NewArray();
                for (X509Certificate c : chain) {
                    x5chain.Add(CBORObject.FromObject(c.getEncoded()));
                }
            }
        } catch (CertificateEncodingException e) {
            throw new SignerException("a certificate of the chain cannot be encoded: " + e.getMessage(), e);
        }
        CBORObject map = CBORObject.NewMap();
        map.set(CBORObject.FromObject(HEADER_ALG), CBORObject.FromObject(signer.algorithm().coseId()));
        map.set(CBORObject.FromObject(HEADER_X5CHAIN), x5chain);
        return map.EncodeToBytes(CANONICAL);
    }

    /**
     * Signs {@code payload} (the claim's CBOR) and returns the tagged COSE_Sign1 with the payload detached.
     *
     * @throws SignerException when the signer fails or returns a signature of an impossible size
     */
    public byte[] sign(byte[] payload) throws SignerException {
        byte[] prot = protectedHeader();
        byte[] tbs = CoseAlgorithm.sigStructure(prot, new byte[0], payload);
        byte[] signature;
        try {
            signature = signer.sign(tbs);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new SignerException("signing failed: " + e.getMessage(), e);
        }
        if (signature == null || signature.length == 0 || signature.length > signer.reserveSize()) {
            throw new SignerException("the signer returned a signature of " + (signature == null ? 0 : signature.length)
                    + " bytes, outside its reserve of " + signer.reserveSize());
        }
        SigningAlgorithm alg = signer.algorithm();
        if ((alg.isEcdsa() || alg == SigningAlgorithm.ED25519) && signature.length != alg.signatureSize(0)) {
            throw new SignerException(alg + " signature must be " + alg.signatureSize(0) + " bytes (r||s), got "
                    + signature.length + (signature.length > 0 && signature[0] == 0x30 ? " (DER-encoded?)" : ""));
        }
        CBORObject cose = CBORObject.NewArray();
        cose.Add(CBORObject.FromObject(prot));
        cose.Add(unprotected);
        cose.Add(CBORObject.Null);
        cose.Add(CBORObject.FromObject(signature));
        return CBORObject.FromObjectAndTag(cose, TAG).EncodeToBytes();
    }
}
