package io.assay.c2pa.sign;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@link Signer} from PEM files: an unencrypted private key ({@code PRIVATE KEY} (PKCS#8), {@code EC PRIVATE KEY}
 * (SEC 1) or {@code RSA PRIVATE KEY} (PKCS#1)) and a certificate chain ({@code CERTIFICATE} blocks, the signer's
 * first). Refuses a key that does not fit the algorithm or that is not the leaf certificate's.
 */
public final class PemSigner extends KeyBackedSigner {

    private static final Map<String, String> KEY_FACTORIES = Map.of(
            "1.2.840.10045.2.1", "EC",
            "1.2.840.113549.1.1.1", "RSA",
            "1.2.840.113549.1.1.10", "RSASSA-PSS",
            "1.3.101.112", "Ed25519");

    private PemSigner(KeySigner delegate) {
        super(delegate);
    }

    /** A signer from a private key file and a certificate chain file, with the given algorithm. */
    public static PemSigner load(Path privateKeyPem, Path chainPem, SigningAlgorithm algorithm) throws SignerException {
        return of(read(privateKeyPem), read(chainPem), algorithm);
    }

    /** A signer from PEM files, with the algorithm C2PA signers usually pair with the key. */
    public static PemSigner load(Path privateKeyPem, Path chainPem) throws SignerException {
        return of(read(privateKeyPem), read(chainPem));
    }

    /** A signer from PEM text: the private key, the certificate chain (signer first), and the algorithm. */
    public static PemSigner of(String privateKeyPem, String chainPem, SigningAlgorithm algorithm) throws SignerException {
        return new PemSigner(new KeySigner(algorithm, privateKey(privateKeyPem), certificates(chainPem)));
    }

    /** A signer from PEM text, with the algorithm C2PA signers usually pair with the key (see {@link SigningAlgorithm#defaultFor}). */
    public static PemSigner of(String privateKeyPem, String chainPem) throws SignerException {
        PrivateKey key = privateKey(privateKeyPem);
        SigningAlgorithm alg = SigningAlgorithm.defaultFor(key).orElseThrow(() -> new SignerException(
                "no C2PA signing algorithm fits a " + key.getAlgorithm() + " key"));
        return new PemSigner(new KeySigner(alg, key, certificates(chainPem)));
    }

    /** Reads one unencrypted private key from PEM text. */
    public static PrivateKey privateKey(String pem) throws SignerException {
        Object o;
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            o = parser.readObject();
            while (o != null && !(o instanceof PrivateKeyInfo) && !(o instanceof PEMKeyPair)
                    && !(o instanceof PEMEncryptedKeyPair) && !(o instanceof PKCS8EncryptedPrivateKeyInfo)) {
                o = parser.readObject(); // skip parameters (EC PARAMETERS) and the like
            }
        } catch (IOException | RuntimeException e) {
            throw new SignerException("the private key PEM cannot be read: " + e.getMessage(), e);
        }
        if (o == null) {
            throw new SignerException("no private key found in the PEM (expected PRIVATE KEY, EC PRIVATE KEY or RSA PRIVATE KEY)");
        }
        if (o instanceof PEMEncryptedKeyPair || o instanceof PKCS8EncryptedPrivateKeyInfo) {
            throw new SignerException("the private key PEM is encrypted; decrypt it or use a PKCS#12 keystore");
        }
        PrivateKeyInfo info = o instanceof PEMKeyPair pair ? pair.getPrivateKeyInfo() : (PrivateKeyInfo) o;
        return privateKey(info);
    }

    static PrivateKey privateKey(PrivateKeyInfo info) throws SignerException {
        String oid = info.getPrivateKeyAlgorithm().getAlgorithm().getId();
        String factory = KEY_FACTORIES.get(oid);
        if (factory == null) {
            throw new SignerException("unsupported private key type (algorithm " + oid + ")");
        }
        try {
            return KeyFactory.getInstance(factory).generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded()));
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new SignerException("the " + factory + " private key cannot be decoded: " + e.getMessage(), e);
        }
    }

    /** Reads the certificates of a PEM chain, in order. */
    public static List<X509Certificate> certificates(String pem) throws SignerException {
        List<X509Certificate> out = new ArrayList<>();
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            for (var c : cf.generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
                out.add((X509Certificate) c);
            }
        } catch (CertificateException | RuntimeException e) {
            throw new SignerException("the certificate chain PEM cannot be read: " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new SignerException("no certificate found in the chain PEM");
        }
        return out;
    }

    private static String read(Path p) throws SignerException {
        try {
            return Files.readString(p, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new SignerException("cannot read " + p + ": " + e.getMessage(), e);
        }
    }
}
