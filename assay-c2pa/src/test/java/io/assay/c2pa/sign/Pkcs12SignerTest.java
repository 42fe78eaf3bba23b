package io.assay.c2pa.sign;

import io.assay.core.testing.SharedCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Pkcs12SignerTest {

    static final Path DIR = SharedCorpus.corpus("c2pa/trust/signing");
    static final char[] PASSWORD = "test-only".toCharArray();

    @TempDir
    Path tmp;

    /** Builds a PKCS#12 file from the corpus's PEM key and chain with the JDK KeyStore API. */
    Path keystore(SigningAlgorithm alg) throws Exception {
        String name = alg.name().toLowerCase(Locale.ROOT);
        var key = PemSigner.privateKey(Files.readString(DIR.resolve(name + "_key.pem")));
        var chain = PemSigner.certificates(Files.readString(DIR.resolve(name + "_chain.pem")));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("signer", key, PASSWORD, chain.toArray(new Certificate[0]));
        Path p = tmp.resolve(name + ".p12");
        try (OutputStream out = Files.newOutputStream(p)) {
            ks.store(out, PASSWORD);
        }
        return p;
    }

    @ParameterizedTest
    @EnumSource(value = SigningAlgorithm.class, names = {"ES256", "PS256", "ED25519"})
    void signsFromAKeystore(SigningAlgorithm alg) throws Exception {
        Pkcs12Signer signer = Pkcs12Signer.load(keystore(alg), PASSWORD, "signer", alg);
        assertThat(signer.algorithm()).isEqualTo(alg);
        assertThat(signer.certificateChain()).hasSize(2);
        byte[] cose = CoseSign1Builder.with(signer).sign(CoseSign1BuilderTest.PAYLOAD);
        assertThat(CoseSign1BuilderTest.verifies(cose, CoseSign1BuilderTest.PAYLOAD)).isTrue();
    }

    @Test
    void infersTheAlgorithmAndReportsBadAliasOrPassword() throws Exception {
        Path p = keystore(SigningAlgorithm.ES384);
        assertThat(Pkcs12Signer.load(p, PASSWORD, "signer", null).algorithm()).isEqualTo(SigningAlgorithm.ES384);
        assertThatThrownBy(() -> Pkcs12Signer.load(p, PASSWORD, "nobody", null))
                .isInstanceOf(SignerException.class).hasMessageContaining("no entry 'nobody'");
        assertThatThrownBy(() -> Pkcs12Signer.load(p, "wrong".toCharArray(), "signer", null))
                .isInstanceOf(SignerException.class).hasMessageContaining("cannot open the PKCS#12 keystore");
        assertThatThrownBy(() -> Pkcs12Signer.load(p, PASSWORD, "signer", SigningAlgorithm.ES256))
                .isInstanceOf(SignerException.class).hasMessageContaining("ES256 needs an EC key on P-256");
    }
}
