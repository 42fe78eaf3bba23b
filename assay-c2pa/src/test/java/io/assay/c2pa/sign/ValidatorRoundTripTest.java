package io.assay.c2pa.sign;

import com.upokecenter.cbor.CBORObject;
import io.assay.c2pa.C2paReader;
import io.assay.c2pa.jumbf.ByteSlice;
import io.assay.c2pa.manifest.Manifest;
import io.assay.c2pa.validation.TrustSettings;
import io.assay.c2pa.validation.ValidationLog;
import io.assay.c2pa.validation.credential.TrustLists;
import io.assay.c2pa.validation.credential.X509CredentialCheck;
import io.assay.core.media.AssetLimits;
import io.assay.core.media.MediaAsset;
import io.assay.core.testing.SharedCorpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signatures made here pass Assay's full claim-signature check: a real claim (the reference writer's, from
 * gen-ai-es256.jpg) is re-signed with each fixture key, the manifest's signature replaced, and
 * {@link X509CredentialCheck} run with the test roots as anchors (no allowed list, so the chain must reach a root).
 */
class ValidatorRoundTripTest {

    static Manifest manifest;
    static TrustSettings testRoots;

    @BeforeAll
    static void load() throws Exception {
        manifest = C2paReader.read(MediaAsset.open(SharedCorpus.corpus("c2pa/assets/gen-ai-es256.jpg"),
                AssetLimits.DEFAULT)).orElseThrow().activeManifest();
        Path trust = SharedCorpus.corpus("c2pa/trust");
        List<X509Certificate> roots = TrustLists.readPem(trust.resolve("test_cert_root_bundle.pem"));
        testRoots = new TrustSettings(true, true, roots, List.of(), Set.of(), roots, null);
    }

    static Manifest withSignature(byte[] cose) {
        return new Manifest(manifest.label(), manifest.update(), manifest.box(), manifest.claim(),
                manifest.assertions(), ByteSlice.of(cose));
    }

    static ValidationLog check(Manifest m) {
        ValidationLog log = new ValidationLog();
        new X509CredentialCheck().check(m, testRoots, log);
        return log;
    }

    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void aReSignedClaimValidatesAndIsTrusted(SigningAlgorithm alg) throws Exception {
        byte[] claim = manifest.claim().cbor().toByteArray();
        byte[] cose = CoseSign1Builder.with(CoseSign1BuilderTest.signer(alg)).sign(claim);
        ValidationLog log = check(withSignature(cose));
        assertThat(log.has("claimSignature.validated")).as(log.toString()).isTrue();
        assertThat(log.has("signingCredential.trusted")).as(log.toString()).isTrue();
        assertThat(log.has("claimSignature.mismatch")).isFalse();

        CBORObject array = CBORObject.DecodeFromBytes(cose).UntagOne();
        byte[] sig = array.get(3).GetByteString();
        sig[0] ^= 0x01;
        array.set(3, CBORObject.FromObject(sig));
        ValidationLog tampered = check(withSignature(CBORObject.FromObjectAndTag(array, 18).EncodeToBytes()));
        assertThat(tampered.has("claimSignature.mismatch")).isTrue();
        assertThat(tampered.has("claimSignature.validated")).isFalse();
    }

    @Test
    void anotherClaimsSignatureDoesNotValidate() throws Exception {
        byte[] cose = CoseSign1Builder.with(CoseSign1BuilderTest.signer(SigningAlgorithm.ES256))
                .sign("not the claim".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        ValidationLog log = check(withSignature(cose));
        assertThat(log.has("claimSignature.mismatch")).isTrue();
    }

    @Test
    void theProtectedHeaderIsByteForByteTheReferenceWritersForTheSameChain() throws Exception {
        // gen-ai-es256.jpg was signed by c2pa-rs with the es256 fixture: same {1: -7, 33: [leaf, intermediate]}
        byte[] ours = CoseSign1Builder.with(CoseSign1BuilderTest.signer(SigningAlgorithm.ES256)).protectedHeader();
        CBORObject theirs = CBORObject.DecodeFromBytes(manifest.cose().protectedHeader());
        CBORObject mine = CBORObject.DecodeFromBytes(ours);
        assertThat(mine.get(CBORObject.FromObject(1))).isEqualTo(theirs.get(CBORObject.FromObject(1)));
        assertThat(mine.get(CBORObject.FromObject(33))).isEqualTo(theirs.get(CBORObject.FromObject(33)));
        assertThat(theirs.getKeys()).hasSize(2);
        assertThat(ours).as("byte for byte the reference writer's header").isEqualTo(manifest.cose().protectedHeader());
    }
}
