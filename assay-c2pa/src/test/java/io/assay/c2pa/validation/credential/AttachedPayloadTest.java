package io.assay.c2pa.validation.credential;

import com.upokecenter.cbor.CBORObject;
import io.assay.c2pa.C2paReader;
import io.assay.c2pa.jumbf.ByteSlice;
import io.assay.c2pa.manifest.Manifest;
import io.assay.c2pa.validation.TrustSettings;
import io.assay.c2pa.validation.ValidationLog;
import io.assay.core.media.AssetLimits;
import io.assay.core.media.MediaAsset;
import io.assay.core.testing.SharedCorpus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** C2PA signs a detached claim: an attached payload must be the claim itself, or the signature fails. */
class AttachedPayloadTest {

    @Test
    void anAttachedPayloadThatIsNotTheClaimFails() throws Exception {
        Manifest m = C2paReader.read(MediaAsset.open(SharedCorpus.corpus("c2pa/assets/gen-ai-es256.jpg"), AssetLimits.DEFAULT))
                .orElseThrow().activeManifest();
        assertThat(check(m).has("claimSignature.validated")).isTrue();

        Manifest other = withPayload(m, new byte[]{1, 2, 3});
        ValidationLog log = check(other);
        assertThat(log.has("claimSignature.mismatch")).isTrue();
        assertThat(log.has("claimSignature.validated")).isFalse();

        // The claim itself, attached, is the same signed content.
        assertThat(check(withPayload(m, m.claim().cbor().toByteArray())).has("claimSignature.validated")).isTrue();
    }

    private static ValidationLog check(Manifest m) {
        ValidationLog log = new ValidationLog();
        new X509CredentialCheck().check(m, TrustSettings.noTrust(), log);
        return log;
    }

    private static Manifest withPayload(Manifest m, byte[] payload) {
        CBORObject cose = CBORObject.DecodeFromBytes(m.signature().toByteArray());
        CBORObject array = cose.HasMostOuterTag(18) ? cose.UntagOne() : cose;
        array.set(2, CBORObject.FromObject(payload));
        byte[] bytes = CBORObject.FromObjectAndTag(array, 18).EncodeToBytes();
        return new Manifest(m.label(), m.update(), m.box(), m.claim(), m.assertions(), ByteSlice.of(bytes));
    }
}
