package io.assay.c2pa.sign;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What signs a C2PA claim: an algorithm, the signer's certificate chain and a raw signature operation.
 *
 * <p>The signature is returned in COSE's form (RFC 9053), not the JCA/DER form: ECDSA as IEEE P1363 {@code r||s},
 * each half as long as the curve's order (64, 96, 132 bytes); RSASSA-PSS with the algorithm's SHA-2 hash, MGF1 with
 * the same hash and a salt as long as the hash; Ed25519 as its 64 bytes.
 *
 * <p>The interface never exposes a private key, so a KMS, HSM or remote signing service can implement it with the key
 * never entering the JVM: {@link #sign(byte[])} receives the full COSE {@code Sig_structure} to be signed (not a
 * digest), and a service that only signs digests hashes it with {@link SigningAlgorithm#hash()} first.
 * {@link PemSigner} and {@link Pkcs12Signer} are the local implementations.
 */
public interface Signer {

    /** The algorithm of the signatures {@link #sign(byte[])} makes. */
    SigningAlgorithm algorithm();

    /**
     * The signer's certificate chain, end-entity certificate first, then intermediates; the trust anchor may be left
     * out. Written as the COSE {@code x5chain} header.
     */
    List<X509Certificate> certificateChain();

    /**
     * Signs {@code toBeSigned} (the COSE {@code Sig_structure}).
     *
     * @return the raw signature in COSE's form
     * @throws GeneralSecurityException when the signing operation fails
     */
    byte[] sign(byte[] toBeSigned) throws GeneralSecurityException;

    /**
     * An upper bound of the length of any signature {@link #sign(byte[])} returns, so that a writer can reserve space
     * for the signature box before the claim is signed.
     */
    int reserveSize();
}
