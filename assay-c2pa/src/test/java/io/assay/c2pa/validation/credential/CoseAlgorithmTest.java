package io.assay.c2pa.validation.credential;

import io.assay.core.testing.SharedCorpus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.PSSParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Signs COSE Sig_structures with the c2pa-rs test keys through the JCA and verifies them with {@link CoseAlgorithm}. */
class CoseAlgorithmTest {

    private static final byte[] PROTECTED = {(byte) 0xa1, 0x01, 0x26};
    private static final byte[] CLAIM = "a claim, as stored".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    @ParameterizedTest
    @EnumSource(CoseAlgorithm.class)
    void verifiesWhatTheTestKeysSignAndRejectsATamperedByte(CoseAlgorithm alg) throws Exception {
        String name = alg.name().toLowerCase();
        Path dir = SharedCorpus.corpus("c2pa/trust/signing");
        X509Certificate leaf = TrustLists.readPem(dir.resolve(name + "_chain.pem")).getFirst();
        PrivateKey key = privateKey(dir.resolve(name + "_key.pem"), alg);
        byte[] tbs = CoseAlgorithm.sigStructure(PROTECTED, new byte[0], CLAIM);
        byte[] sig = sign(alg, key, tbs);

        assertThat(alg.verify(leaf.getPublicKey(), sig, tbs)).isTrue();

        byte[] tamperedData = tbs.clone();
        tamperedData[tamperedData.length - 1] ^= 1;
        assertThat(alg.verify(leaf.getPublicKey(), sig, tamperedData)).isFalse();
        byte[] tamperedSig = sig.clone();
        tamperedSig[tamperedSig.length / 2] ^= 1;
        assertThat(alg.verify(leaf.getPublicKey(), tamperedSig, tbs)).isFalse();
        assertThat(alg.verify(leaf.getPublicKey(), new byte[3], tbs)).isFalse();
    }

    @Test
    void ecdsaDerSignaturesAreRecognised() throws Exception {
        Path dir = SharedCorpus.corpus("c2pa/trust/signing");
        PrivateKey key = privateKey(dir.resolve("es256_key.pem"), CoseAlgorithm.ES256);
        Signature s = Signature.getInstance("SHA256withECDSA");
        s.initSign(key);
        s.update(CLAIM);
        assertThat(CoseAlgorithm.looksLikeDerEcdsa(s.sign())).isTrue();
        assertThat(CoseAlgorithm.looksLikeDerEcdsa(sign(CoseAlgorithm.ES256, key, CLAIM))).isFalse();
    }

    @Test
    void sigStructureIsTheRfc9052Array() {
        byte[] s = CoseAlgorithm.sigStructure(new byte[]{1, 2}, new byte[0], new byte[]{9});
        // [ "Signature1", h'0102', h'', h'09' ]
        assertThat(s).containsExactly(0x84, 0x6a, 'S', 'i', 'g', 'n', 'a', 't', 'u', 'r', 'e', '1',
                0x42, 1, 2, 0x40, 0x41, 9);
    }

    @Test
    void testSignersChainToTheTestRootsAndDefaultsLoad() throws Exception {
        Path trust = SharedCorpus.corpus("c2pa/trust");
        List<X509Certificate> roots = TrustLists.readPem(trust.resolve("test_cert_root_bundle.pem"));
        for (CoseAlgorithm alg : CoseAlgorithm.values()) {
            List<X509Certificate> chain = TrustLists.readPem(
                    trust.resolve("signing/" + alg.name().toLowerCase() + "_chain.pem"));
            assertThat(Certificates.trusted(chain, roots, Set.of(), Certificates.DEFAULT_EKUS, null)).isTrue();
            assertThat(Certificates.trusted(chain, List.of(), Set.of(), Certificates.DEFAULT_EKUS, null)).isFalse();
            StatusLog log = new StatusLog();
            assertThat(Certificates.checkEndEntityProfile(chain.getFirst(), Certificates.DEFAULT_EKUS,
                    Instant.parse("2026-11-24T00:00:00Z"), log)).as(alg + " " + log.entries()).isTrue();
            assertThat(Certificates.checkEndEntityProfile(chain.getFirst(), Certificates.DEFAULT_EKUS,
                    Instant.parse("2031-01-01T00:00:00Z"), log)).isFalse();
            assertThat(log.has("signingCredential.expired")).isTrue();
        }
        var defaults = TrustLists.defaults();
        assertThat(defaults.anchors()).hasSize(30 + 27);
        assertThat(defaults.allowedList()).hasSize(117);
        assertThat(defaults.tsaAnchors()).hasSize(22);
        assertThat(TrustLists.readEkuConfig(trust.resolve("test_store.cfg"))).hasSize(6)
                .contains("1.3.6.1.4.1.62558.2.1");
    }

    private static PrivateKey privateKey(Path pem, CoseAlgorithm alg) throws Exception {
        String text = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        String kf = switch (alg) {
            case ES256, ES384, ES512 -> "EC";
            case PS256, PS384, PS512 -> "RSASSA-PSS";
            case ED25519 -> "Ed25519";
        };
        return KeyFactory.getInstance(kf).generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(text)));
    }

    private static byte[] sign(CoseAlgorithm alg, PrivateKey key, byte[] data) throws Exception {
        Signature s;
        switch (alg) {
            case ES256 -> s = Signature.getInstance("SHA256withECDSAinP1363Format");
            case ES384 -> s = Signature.getInstance("SHA384withECDSAinP1363Format");
            case ES512 -> s = Signature.getInstance("SHA512withECDSAinP1363Format");
            case PS256, PS384, PS512 -> {
                String h = "SHA-" + alg.name().substring(2);
                s = Signature.getInstance("RSASSA-PSS");
                s.setParameter(new PSSParameterSpec(h, "MGF1", new MGF1ParameterSpec(h), Integer.parseInt(
                        alg.name().substring(2)) / 8, 1));
            }
            default -> s = Signature.getInstance("Ed25519");
        }
        s.initSign(key);
        s.update(data);
        return s.sign();
    }
}
