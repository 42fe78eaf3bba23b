package io.assay.c2pa.sign;

import com.upokecenter.cbor.CBORObject;
import io.assay.c2pa.jumbf.ByteSlice;
import io.assay.c2pa.signature.CoseSign1;
import io.assay.c2pa.validation.credential.CoseAlgorithm;
import io.assay.core.testing.SharedCorpus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class CoseSign1BuilderTest {

    static final Path DIR = SharedCorpus.corpus("c2pa/trust/signing");
    static final byte[] PAYLOAD = CBORObject.NewMap()
            .Add("claim_generator_info", CBORObject.NewArray().Add(CBORObject.NewMap().Add("name", "assay test")))
            .Add("instanceID", "xmp:iid:1234").EncodeToBytes();

    static PemSigner signer(SigningAlgorithm alg) throws Exception {
        String name = alg.name().toLowerCase(Locale.ROOT);
        return PemSigner.load(DIR.resolve(name + "_key.pem"), DIR.resolve(name + "_chain.pem"), alg);
    }

    /** Verifies as Assay's validator does: parse, then the algorithm's verify over the Sig_structure with the leaf key. */
    static boolean verifies(byte[] cose, byte[] payload) throws Exception {
        CoseSign1 parsed = CoseSign1.parse(ByteSlice.of(cose));
        X509Certificate leaf = PemSigner.certificates(pem(parsed.chain().getFirst())).getFirst();
        CoseAlgorithm alg = parsed.alg().flatMap(CoseAlgorithm::of).orElseThrow();
        return alg.verify(leaf.getPublicKey(), parsed.signature(),
                CoseAlgorithm.sigStructure(parsed.protectedHeader(), new byte[0], payload));
    }

    static String pem(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n" + java.util.Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END CERTIFICATE-----\n";
    }

    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void signsAndVerifiesWithAssaysVerifier(SigningAlgorithm alg) throws Exception {
        PemSigner signer = signer(alg);
        byte[] cose = CoseSign1Builder.with(signer).sign(PAYLOAD);

        CBORObject decoded = CBORObject.DecodeFromBytes(cose);
        assertThat(decoded.HasMostOuterTag(18)).isTrue();
        CoseSign1 parsed = CoseSign1.parse(ByteSlice.of(cose));
        assertThat(parsed.alg()).contains(alg.coseId());
        assertThat(parsed.chainProtected()).isTrue();
        assertThat(parsed.attachedPayload()).isEmpty();
        assertThat(decoded.UntagOne().get(1).size()).isZero();
        List<X509Certificate> chain = signer.certificateChain();
        assertThat(parsed.chain()).hasSize(chain.size());
        for (int i = 0; i < chain.size(); i++) {
            assertThat(parsed.chain().get(i)).isEqualTo(chain.get(i).getEncoded());
        }
        assertThat(parsed.signature().length).isLessThanOrEqualTo(signer.reserveSize());
        if (alg.isEcdsa() || alg == SigningAlgorithm.ED25519) {
            assertThat(parsed.signature()).hasSize(signer.reserveSize());
        }
        assertThat(verifies(cose, PAYLOAD)).isTrue();

        byte[] flippedPayload = PAYLOAD.clone();
        flippedPayload[flippedPayload.length / 2] ^= 0x01;
        assertThat(verifies(cose, flippedPayload)).isFalse();

        byte[] sig = parsed.signature().clone();
        sig[sig.length / 2] ^= 0x01;
        CBORObject tampered = decoded.UntagOne();
        tampered.set(3, CBORObject.FromObject(sig));
        assertThat(verifies(CBORObject.FromObjectAndTag(tampered, 18).EncodeToBytes(), PAYLOAD)).isFalse();
    }

    @Test
    void singleCertificateIsAByteString() throws Exception {
        PemSigner full = signer(SigningAlgorithm.ES256);
        Signer leafOnly = new Signer() {
            public SigningAlgorithm algorithm() { return full.algorithm(); }
            public List<X509Certificate> certificateChain() { return List.of(full.certificateChain().getFirst()); }
            public byte[] sign(byte[] tbs) throws java.security.GeneralSecurityException { return full.sign(tbs); }
            public int reserveSize() { return full.reserveSize(); }
        };
        byte[] cose = CoseSign1Builder.with(leafOnly).sign(PAYLOAD);
        CBORObject prot = CBORObject.DecodeFromBytes(CBORObject.DecodeFromBytes(cose).UntagOne().get(0).GetByteString());
        assertThat(prot.get(CBORObject.FromObject(33)).getType()).isEqualTo(com.upokecenter.cbor.CBORType.ByteString);
        assertThat(prot.get(CBORObject.FromObject(1)).AsInt32Value()).isEqualTo(-7);
        assertThat(verifies(cose, PAYLOAD)).isTrue();
        assertThat(CoseSign1.parse(ByteSlice.of(cose)).chain()).hasSize(1);
    }

    @Test
    void protectedHeaderIsDeterministicAndUnprotectedEntriesAreKept() throws Exception {
        PemSigner s = signer(SigningAlgorithm.ED25519);
        assertThat(CoseSign1Builder.with(s).protectedHeader()).isEqualTo(CoseSign1Builder.with(s).protectedHeader());
        byte[] cose = CoseSign1Builder.with(s).unprotected("pad", CBORObject.FromObject(new byte[16])).sign(PAYLOAD);
        CBORObject unprot = CBORObject.DecodeFromBytes(cose).UntagOne().get(1);
        assertThat(unprot.get("pad").GetByteString()).hasSize(16);
        assertThat(verifies(cose, PAYLOAD)).isTrue();
        assertThat(new String(PAYLOAD, StandardCharsets.ISO_8859_1)).contains("assay test");
    }

    @Test
    void refusesADerEcdsaSignature() throws Exception {
        PemSigner es = signer(SigningAlgorithm.ES256);
        Signer der = new Signer() {
            public SigningAlgorithm algorithm() { return es.algorithm(); }
            public List<X509Certificate> certificateChain() { return es.certificateChain(); }
            public byte[] sign(byte[] tbs) { byte[] b = new byte[70]; b[0] = 0x30; return b; }
            public int reserveSize() { return 72; }
        };
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CoseSign1Builder.with(der).sign(PAYLOAD))
                .isInstanceOf(SignerException.class).hasMessageContaining("DER");
    }
}
