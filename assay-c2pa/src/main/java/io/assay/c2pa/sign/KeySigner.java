package io.assay.c2pa.sign;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.List;
import java.util.Optional;

/**
 * A {@link Signer} over a private key held in the JVM, shared by {@link PemSigner} and {@link Pkcs12Signer}: checks at
 * construction that the algorithm fits the key and the leaf certificate, and that the key is the leaf certificate's
 * (by a probe signature verified with the certificate's public key).
 */
final class KeySigner implements Signer {

    private static final byte[] PROBE = "assay: does this private key match the certificate?".getBytes(
            java.nio.charset.StandardCharsets.US_ASCII);

    private final SigningAlgorithm algorithm;
    private final PrivateKey key;
    private final List<X509Certificate> chain;
    private final int reserveSize;

    KeySigner(SigningAlgorithm algorithm, PrivateKey key, List<X509Certificate> chain) throws SignerException {
        if (algorithm == null) {
            throw new SignerException("no signing algorithm given");
        }
        if (key == null) {
            throw new SignerException("no private key given");
        }
        if (chain == null || chain.isEmpty()) {
            throw new SignerException("no certificate given: the chain needs at least the signer's certificate");
        }
        this.algorithm = algorithm;
        this.key = key;
        this.chain = List.copyOf(chain);
        Optional<String> unfit = algorithm.unfitFor(key);
        if (unfit.isPresent()) {
            throw new SignerException("the algorithm does not fit the private key: " + unfit.get());
        }
        X509Certificate leaf = this.chain.getFirst();
        unfit = algorithm.unfitFor(leaf.getPublicKey());
        if (unfit.isPresent()) {
            throw new SignerException("the algorithm does not fit the certificate's public key ("
                    + leaf.getSubjectX500Principal().getName() + "): " + unfit.get());
        }
        this.reserveSize = algorithm.signatureSize(key instanceof RSAKey rsa ? rsa.getModulus().bitLength() : 0);
        boolean matches;
        try {
            byte[] sig = sign(PROBE);
            matches = algorithm.cose().verify(leaf.getPublicKey(), sig, PROBE);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new SignerException("the private key cannot sign with " + algorithm + ": " + e.getMessage(), e);
        }
        if (!matches) {
            throw new SignerException("the private key does not match the public key of the signer's certificate ("
                    + leaf.getSubjectX500Principal().getName() + ")");
        }
    }

    @Override
    public SigningAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public List<X509Certificate> certificateChain() {
        return chain;
    }

    @Override
    public byte[] sign(byte[] toBeSigned) throws GeneralSecurityException {
        Signature s = Signature.getInstance(algorithm.jcaName());
        s.initSign(key);
        if (algorithm.isRsaPss()) {
            s.setParameter(new PSSParameterSpec(algorithm.hash(), "MGF1", new MGF1ParameterSpec(algorithm.hash()),
                    algorithm.saltLength(), PSSParameterSpec.TRAILER_FIELD_BC));
        }
        s.update(toBeSigned);
        return s.sign();
    }

    @Override
    public int reserveSize() {
        return reserveSize;
    }
}
