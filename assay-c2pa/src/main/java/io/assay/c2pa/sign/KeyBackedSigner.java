package io.assay.c2pa.sign;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.List;

/** A signer whose key is in this JVM (loaded from PEM or PKCS#12): the checked {@link KeySigner} does the work. */
abstract sealed class KeyBackedSigner implements Signer permits PemSigner, Pkcs12Signer {

    private final KeySigner delegate;

    KeyBackedSigner(KeySigner delegate) {
        this.delegate = delegate;
    }

    @Override
    public SigningAlgorithm algorithm() {
        return delegate.algorithm();
    }

    @Override
    public List<X509Certificate> certificateChain() {
        return delegate.certificateChain();
    }

    @Override
    public byte[] sign(byte[] toBeSigned) throws GeneralSecurityException {
        return delegate.sign(toBeSigned);
    }

    @Override
    public int reserveSize() {
        return delegate.reserveSize();
    }
}
