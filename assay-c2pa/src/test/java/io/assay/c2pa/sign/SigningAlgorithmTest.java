package io.assay.c2pa.sign;

import io.assay.c2pa.validation.credential.CoseAlgorithm;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;

class SigningAlgorithmTest {

    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void alignsWithTheVerifiersAlgorithms(SigningAlgorithm alg) {
        assertThat(alg.cose().name()).isEqualTo(alg.name());
        assertThat(alg.cose().id()).isEqualTo(alg.coseId());
        assertThat(SigningAlgorithm.of(alg.coseId())).contains(alg);
        assertThat(CoseAlgorithm.of(alg.coseId())).contains(alg.cose());
    }

    @Test
    void coseIdentifiers() {
        assertThat(SigningAlgorithm.ES256.coseId()).isEqualTo(-7);
        assertThat(SigningAlgorithm.ES384.coseId()).isEqualTo(-35);
        assertThat(SigningAlgorithm.ES512.coseId()).isEqualTo(-36);
        assertThat(SigningAlgorithm.PS256.coseId()).isEqualTo(-37);
        assertThat(SigningAlgorithm.PS384.coseId()).isEqualTo(-38);
        assertThat(SigningAlgorithm.PS512.coseId()).isEqualTo(-39);
        assertThat(SigningAlgorithm.ED25519.coseId()).isEqualTo(-8);
        assertThat(SigningAlgorithm.of(-257)).isEmpty();
    }

    /** A plain RSA key (PKCS#1 PEM, "RSA PRIVATE KEY") with a self-signed certificate signs PS512 that verifies. */
    @Test
    void plainRsaKeySignsPss() throws Exception {
        KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
        kpg.initialize(3072);
        KeyPair pair = kpg.generateKeyPair();
        X500Name name = new X500Name("CN=assay test signer");
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
                BigInteger.ONE, new Date(System.currentTimeMillis() - 60_000), new Date(System.currentTimeMillis() + 3_600_000),
                name, pair.getPublic()).build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
        StringWriter key = new StringWriter();
        StringWriter chain = new StringWriter();
        try (JcaPEMWriter k = new JcaPEMWriter(key); JcaPEMWriter c = new JcaPEMWriter(chain)) {
            k.writeObject(pair);
            c.writeObject(cert);
        }
        assertThat(key.toString()).contains("BEGIN RSA PRIVATE KEY");
        PemSigner signer = PemSigner.of(key.toString(), chain.toString(), SigningAlgorithm.PS512);
        assertThat(signer.reserveSize()).isEqualTo(384);
        byte[] cose = CoseSign1Builder.with(signer).sign(CoseSign1BuilderTest.PAYLOAD);
        assertThat(CoseSign1BuilderTest.verifies(cose, CoseSign1BuilderTest.PAYLOAD)).isTrue();
        assertThat(PemSigner.of(key.toString(), chain.toString()).algorithm()).isEqualTo(SigningAlgorithm.PS256);
    }
}
