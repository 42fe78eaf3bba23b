package io.assay.c2pa.validation.credential;

import com.upokecenter.cbor.CBOREncodeOptions;
import com.upokecenter.cbor.CBORObject;
import io.assay.c2pa.C2paReader;
import io.assay.c2pa.jumbf.ByteSlice;
import io.assay.c2pa.manifest.Assertion;
import io.assay.c2pa.manifest.Manifest;
import io.assay.c2pa.validation.StatusKind;
import io.assay.c2pa.validation.ValidationLog;
import io.assay.c2pa.validation.ValidationStatus;
import io.assay.core.media.AssetLimits;
import io.assay.core.media.MediaAsset;
import io.assay.core.testing.SharedCorpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link CawgIdentity} on the corpus's CAWG asset (rs-C_with_CAWG_data.jpg), as signed and tampered with. */
class CawgIdentityTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static Manifest manifest;
    private static List<X509Certificate> testRoots;

    @BeforeAll
    static void load() throws Exception {
        Path asset = SharedCorpus.corpus("c2pa/assets").resolve("rs-C_with_CAWG_data.jpg");
        manifest = C2paReader.read(MediaAsset.open(asset, AssetLimits.DEFAULT)).orElseThrow().activeManifest();
        testRoots = TrustLists.readPem(SharedCorpus.corpus("c2pa/trust").resolve("test_cert_root_bundle.pem"));
    }

    private static Map<StatusKind, Set<String>> run(Manifest m, CawgTrust trust) {
        ValidationLog log = new ValidationLog();
        CawgIdentity.check(m, trust, NOW, log);
        Map<StatusKind, Set<String>> out = new LinkedHashMap<>();
        for (StatusKind k : StatusKind.values()) {
            Set<String> codes = new TreeSet<>();
            for (ValidationStatus s : log.of(k)) {
                assertThat(s.url()).endsWith("/c2pa.assertions/cawg.identity");
                codes.add(s.code());
            }
            out.put(k, codes);
        }
        return out;
    }

    /** The manifest with its identity assertion's CBOR changed by {@code edit}. */
    private static Manifest tampered(Consumer<CBORObject> edit) {
        Assertion a = manifest.assertions().get("cawg.identity");
        CBORObject o = CBORObject.DecodeFromBytes(a.content().toByteArray(),
                new CBOREncodeOptions("keepkeyorder=true"));
        edit.accept(o);
        Map<String, Assertion> assertions = new LinkedHashMap<>(manifest.assertions());
        assertions.put(a.label(), new Assertion(a.label(), a.kind(), a.box(), ByteSlice.of(o.EncodeToBytes())));
        return new Manifest(manifest.label(), manifest.update(), manifest.box(), manifest.claim(), assertions,
                manifest.signature());
    }

    @Test
    void unconfiguredCawgTrustReportsTheCredentialUntrustedButTheSignatureValid() {
        var got = run(manifest, CawgTrust.unconfigured());
        assertThat(got.get(StatusKind.SUCCESS)).containsExactlyInAnyOrder("cawg.x509.signature.validated",
                "cawg.identity.well-formed");
        assertThat(got.get(StatusKind.FAILURE)).containsExactly("cawg.x509.credential.untrusted");
        assertThat(got.get(StatusKind.INFORMATIONAL)).isEmpty();
    }

    @Test
    void configuredCawgAnchorsTrustTheCredential() {
        var got = run(manifest, CawgTrust.of(testRoots, List.of()));
        assertThat(got.get(StatusKind.SUCCESS)).containsExactlyInAnyOrder("cawg.x509.credential.trusted",
                "cawg.x509.signature.validated", "cawg.identity.well-formed");
        assertThat(got.get(StatusKind.FAILURE)).isEmpty();
    }

    @Test
    void trustCheckingOffSkipsProfileAndTrust() {
        var got = run(manifest, new CawgTrust(false, List.of(), List.of(), Set.of()));
        assertThat(got.get(StatusKind.SUCCESS)).containsExactlyInAnyOrder("cawg.x509.signature.validated",
                "cawg.identity.well-formed");
        assertThat(got.get(StatusKind.FAILURE)).isEmpty();
    }

    @Test
    void reEncodingKeepsTheSignedBytes() {
        var got = run(tampered(o -> { }), CawgTrust.of(testRoots, List.of()));
        assertThat(got.get(StatusKind.SUCCESS)).contains("cawg.x509.signature.validated");
    }

    @Test
    void anAddedRoleBreaksTheSignature() {
        var got = run(tampered(o -> o.get("signer_payload").Add("role", CBORObject.NewArray().Add("cawg.editor"))),
                CawgTrust.of(testRoots, List.of()));
        assertThat(got.get(StatusKind.FAILURE)).containsExactly("cawg.x509.signature.mismatch");
        assertThat(got.get(StatusKind.SUCCESS)).containsExactly("cawg.x509.credential.trusted");
    }

    @Test
    void nonZeroPaddingIsReportedWithoutBreakingTheSignature() {
        var got = run(tampered(o -> o.set("pad1", CBORObject.FromObject(new byte[] {0, 1, 0}))),
                CawgTrust.of(testRoots, List.of()));
        assertThat(got.get(StatusKind.FAILURE)).containsExactly("cawg.identity.pad.invalid");
        assertThat(got.get(StatusKind.SUCCESS)).contains("cawg.x509.signature.validated");
    }

    @Test
    void aReferencedHashThatDiffersFromTheClaimStopsValidation() {
        var got = run(tampered(o -> {
            CBORObject ref = o.get("signer_payload").get("referenced_assertions").get(0);
            byte[] hash = ref.get("hash").GetByteString();
            hash[0] ^= 1;
            ref.set("hash", CBORObject.FromObject(hash));
        }), CawgTrust.of(testRoots, List.of()));
        assertThat(got.get(StatusKind.FAILURE)).containsExactly("cawg.identity.assertion.mismatch");
        assertThat(got.get(StatusKind.SUCCESS)).isEmpty();
    }

    @Test
    void missingHardBindingAndUnknownReferencesAreReported() {
        var got = run(tampered(o -> {
            CBORObject refs = o.get("signer_payload").get("referenced_assertions");
            refs.get(1).set("url", CBORObject.FromObject("self#jumbf=c2pa.assertions/c2pa.nothing"));
            refs.Add(refs.get(0));
        }), CawgTrust.of(testRoots, List.of()));
        assertThat(got.get(StatusKind.FAILURE)).containsExactlyInAnyOrder("cawg.identity.assertion.mismatch",
                "cawg.identity.hard_binding_missing", "cawg.identity.assertion.duplicate",
                "cawg.x509.signature.mismatch");
    }

    @Test
    void unknownSignatureTypesAndMalformedAssertionsAreReported() {
        var unknown = run(tampered(o -> o.get("signer_payload").set("sig_type", CBORObject.FromObject("x.y"))),
                CawgTrust.unconfigured());
        assertThat(unknown.get(StatusKind.FAILURE)).containsExactly("cawg.identity.sig_type.unknown");
        var ica = run(tampered(o -> o.get("signer_payload").set("sig_type",
                CBORObject.FromObject(CawgIdentity.SIG_TYPE_ICA))), CawgTrust.unconfigured());
        assertThat(ica.get(StatusKind.INFORMATIONAL)).containsExactly(CawgIdentity.ICA_NOT_VALIDATED);
        var malformed = run(tampered(o -> o.Remove(CBORObject.FromObject("signature"))), CawgTrust.unconfigured());
        assertThat(malformed.get(StatusKind.FAILURE)).containsExactly("cawg.identity.cbor.invalid");
        var garbage = run(tampered(o -> o.set("signature", CBORObject.FromObject(new byte[] {1, 2, 3}))),
                CawgTrust.unconfigured());
        assertThat(garbage.get(StatusKind.FAILURE)).containsExactly("cawg.x509.signature.mismatch");
    }

    @Test
    void rawMapValueFindsStoredBytesAndRejectsTruncation() {
        byte[] cbor = CBORObject.NewOrderedMap().Add("a", 1).Add("signer_payload",
                CBORObject.NewOrderedMap().Add("x", "y")).EncodeToBytes();
        assertThat(CawgIdentity.rawMapValue(cbor, "signer_payload")).hasValueSatisfying(v ->
                assertThat(CBORObject.DecodeFromBytes(v).get("x").AsString()).isEqualTo("y"));
        byte[] truncated = java.util.Arrays.copyOf(cbor, cbor.length - 1);
        assertThat(CawgIdentity.rawMapValue(truncated, "signer_payload")).isEmpty();
        assertThat(CawgIdentity.rawMapValue(new byte[] {(byte) 0xbf, (byte) 0xff}, "a")).isEmpty();
        assertThat(CawgIdentity.rawMapValue(new byte[] {(byte) 0xbb, 0x7f, -1, -1, -1, -1, -1, -1, -1}, "a"))
                .isEmpty();
        byte[] indefinite = {(byte) 0xbf, 0x61, 0x61, 0x01, (byte) 0xff};
        assertThat(CawgIdentity.rawMapValue(indefinite, "a")).isEmpty();
    }
}
