package io.assay.c2pa.sign;

import io.assay.core.testing.SharedCorpus;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.PEMParser;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PemSignerTest {

    static final Path DIR = SharedCorpus.corpus("c2pa/trust/signing");

    static String read(String name) throws Exception {
        return Files.readString(DIR.resolve(name));
    }

    @Test
    void refusesAKeyThatIsNotTheCertificates() throws Exception {
        // another P-256 key: the corpus's untrusted signer
        String otherKey = read("untrusted/untrusted-es256_key.pem");
        assertThatThrownBy(() -> PemSigner.of(otherKey, read("es256_chain.pem"), SigningAlgorithm.ES256))
                .isInstanceOf(SignerException.class)
                .hasMessageContaining("does not match the public key of the signer's certificate");
    }

    @Test
    void refusesAnAlgorithmThatDoesNotFitTheKey() throws Exception {
        assertThatThrownBy(() -> PemSigner.of(read("es256_key.pem"), read("es256_chain.pem"), SigningAlgorithm.PS256))
                .isInstanceOf(SignerException.class)
                .hasMessageContaining("PS256 needs an RSA key, but the key is EC");
        assertThatThrownBy(() -> PemSigner.of(read("es256_key.pem"), read("es256_chain.pem"), SigningAlgorithm.ES384))
                .isInstanceOf(SignerException.class)
                .hasMessageContaining("ES384 needs an EC key on P-384");
        assertThatThrownBy(() -> PemSigner.of(read("ps256_key.pem"), read("ps256_chain.pem"), SigningAlgorithm.ED25519))
                .isInstanceOf(SignerException.class)
                .hasMessageContaining("ED25519 needs an Ed25519 key");
    }

    @Test
    void refusesACertificateOfAnotherKeyType() throws Exception {
        assertThatThrownBy(() -> PemSigner.of(read("es256_key.pem"), read("ed25519_chain.pem"), SigningAlgorithm.ES256))
                .isInstanceOf(SignerException.class)
                .hasMessageContaining("certificate's public key");
    }

    @Test
    void picksTheUsualAlgorithmForTheKey() throws Exception {
        assertThat(PemSigner.of(read("es384_key.pem"), read("es384_chain.pem")).algorithm()).isEqualTo(SigningAlgorithm.ES384);
        assertThat(PemSigner.of(read("es512_key.pem"), read("es512_chain.pem")).algorithm()).isEqualTo(SigningAlgorithm.ES512);
        assertThat(PemSigner.of(read("ed25519_key.pem"), read("ed25519_chain.pem")).algorithm()).isEqualTo(SigningAlgorithm.ED25519);
        assertThat(PemSigner.of(read("ps384_key.pem"), read("ps384_chain.pem")).algorithm()).isEqualTo(SigningAlgorithm.PS384);
    }

    @Test
    void readsSec1EcPrivateKey() throws Exception {
        // rewrite the PKCS#8 key as "EC PRIVATE KEY" (SEC 1) through BouncyCastle
        PrivateKeyInfo info;
        try (PEMParser p = new PEMParser(new StringReader(read("es256_key.pem")))) {
            info = (PrivateKeyInfo) p.readObject();
        }
        org.bouncycastle.asn1.sec.ECPrivateKey sec1 = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(info.parsePrivateKey());
        String pem = "-----BEGIN EC PRIVATE KEY-----\n"
                + java.util.Base64.getMimeEncoder().encodeToString(new org.bouncycastle.asn1.sec.ECPrivateKey(256,
                        sec1.getKey(), sec1.getPublicKey(), info.getPrivateKeyAlgorithm().getParameters()).getEncoded())
                + "\n-----END EC PRIVATE KEY-----\n";
        PemSigner s = PemSigner.of(pem, read("es256_chain.pem"), SigningAlgorithm.ES256);
        assertThat(s.algorithm()).isEqualTo(SigningAlgorithm.ES256);
        assertThat(s.reserveSize()).isEqualTo(64);
    }

    @Test
    void readsPkcs1RsaPrivateKey() throws Exception {
        var kpg = KeyPairGenerator.getInstance("RSA");
        kpg.initialize(2048);
        var pair = kpg.generateKeyPair();
        StringWriter w = new StringWriter();
        try (JcaPEMWriter pw = new JcaPEMWriter(w)) {
            pw.writeObject(pair); // BouncyCastle writes a KeyPair as "RSA PRIVATE KEY"
        }
        assertThat(w.toString()).contains("RSA PRIVATE KEY");
        assertThat(PemSigner.privateKey(w.toString()).getAlgorithm()).isEqualTo("RSA");
    }

    @Test
    void refusesAnRsaPssKeyRestrictedToAnotherHash() throws Exception {
        assertThatThrownBy(() -> PemSigner.of(read("ps384_key.pem"), read("ps384_chain.pem"), SigningAlgorithm.PS256))
                .isInstanceOf(SignerException.class)
                .hasMessageContaining("PS256 needs SHA-256, but the RSASSA-PSS key is restricted to SHA-384");
    }

    @Test
    void refusesAnEncryptedKey() throws Exception {
        var key = PemSigner.privateKey(read("es256_key.pem"));
        var encryptor = new org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder(
                org.bouncycastle.openssl.PKCS8Generator.AES_256_CBC)
                .setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider()).setPassword("pw".toCharArray()).build();
        StringWriter w = new StringWriter();
        try (JcaPEMWriter pw = new JcaPEMWriter(w)) {
            pw.writeObject(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(key, encryptor));
        }
        assertThat(w.toString()).contains("ENCRYPTED PRIVATE KEY");
        assertThatThrownBy(() -> PemSigner.of(w.toString(), read("es256_chain.pem"), SigningAlgorithm.ES256))
                .isInstanceOf(SignerException.class).hasMessageContaining("encrypted");
    }

    @Test
    void refusesMissingKeysAndCertificates() throws Exception {
        assertThatThrownBy(() -> PemSigner.privateKey(read("es256_chain.pem")))
                .isInstanceOf(SignerException.class).hasMessageContaining("no private key found");
        assertThatThrownBy(() -> PemSigner.of(read("es256_key.pem"), "", SigningAlgorithm.ES256))
                .isInstanceOf(SignerException.class).hasMessageContaining("no certificate");
    }
}
