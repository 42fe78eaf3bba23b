package io.assay.c2pa.sign;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Signer} from a PKCS#12 keystore entry: the private key and certificate chain stored under an alias. The
 * same checks as {@link PemSigner} apply.
 */
public final class Pkcs12Signer extends KeyBackedSigner {

    private Pkcs12Signer(KeySigner delegate) {
        super(delegate);
    }

    /**
     * A signer from the entry {@code alias} (null: the only key entry) of the PKCS#12 file {@code keystore}, protected by {@code password} (used
     * for the file and the key).
     *
     * @param algorithm the algorithm, or null for the one C2PA signers usually pair with the key
     */
    public static Pkcs12Signer load(Path keystore, char[] password, String alias, SigningAlgorithm algorithm)
            throws SignerException {
        KeyStore ks;
        try (InputStream in = Files.newInputStream(keystore)) {
            ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
        } catch (IOException | GeneralSecurityException e) {
            throw new SignerException("cannot open the PKCS#12 keystore " + keystore + ": " + e.getMessage(), e);
        }
        return of(ks, password, alias, algorithm);
    }

    /** A signer from an entry of a loaded keystore (any type). */
    public static Pkcs12Signer of(KeyStore ks, char[] password, String alias, SigningAlgorithm algorithm)
            throws SignerException {
        Key key;
        Certificate[] chain;
        try {
            if (alias == null) {
                List<String> keys = new java.util.ArrayList<>();
                for (String a : java.util.Collections.list(ks.aliases())) {
                    if (ks.isKeyEntry(a)) {
                        keys.add(a);
                    }
                }
                if (keys.size() != 1) {
                    throw new SignerException("the keystore has " + keys.size() + " key entries; name one with an alias "
                            + keys);
                }
                alias = keys.getFirst();
            }
            if (!ks.containsAlias(alias)) {
                throw new SignerException("the keystore has no entry '" + alias + "' (entries: "
                        + String.join(", ", java.util.Collections.list(ks.aliases())) + ")");
            }
            key = ks.getKey(alias, password);
            chain = ks.getCertificateChain(alias);
        } catch (GeneralSecurityException e) {
            throw new SignerException("cannot read the key '" + alias + "': " + e.getMessage(), e);
        }
        if (!(key instanceof PrivateKey pk)) {
            throw new SignerException("the keystore entry '" + alias + "' holds no private key");
        }
        if (chain == null || chain.length == 0) {
            throw new SignerException("the keystore entry '" + alias + "' has no certificate chain");
        }
        List<X509Certificate> certs = new ArrayList<>();
        for (Certificate c : chain) {
            if (!(c instanceof X509Certificate x)) {
                throw new SignerException("the keystore entry '" + alias + "' holds a non-X.509 certificate");
            }
            certs.add(x);
        }
        SigningAlgorithm alg = algorithm != null ? algorithm : SigningAlgorithm.defaultFor(pk).orElseThrow(
                () -> new SignerException("no C2PA signing algorithm fits a " + pk.getAlgorithm() + " key"));
        return new Pkcs12Signer(new KeySigner(alg, pk, certs));
    }
}
