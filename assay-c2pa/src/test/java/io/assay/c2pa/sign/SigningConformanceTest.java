package io.assay.c2pa.sign;

import io.assay.c2pa.C2paException;
import io.assay.c2pa.embed.Embedders;
import io.assay.c2pa.testing.LocalTsa;
import io.assay.c2pa.testing.ReferencePeer;
import io.assay.c2pa.testing.ReferencePeer.Trust;
import io.assay.c2pa.validation.C2paValidator;
import io.assay.c2pa.validation.StatusKind;
import io.assay.c2pa.validation.ValidationReport;
import io.assay.c2pa.validation.ValidationState;
import io.assay.c2pa.validation.ValidationStatus;
import io.assay.c2pa.validation.Validators;
import io.assay.c2pa.validation.credential.TrustLists;
import io.assay.core.evidence.DigitalSourceType;
import io.assay.core.media.AssetLimits;
import io.assay.core.media.MediaAsset;
import io.assay.core.media.MediaType;
import io.assay.core.testing.SharedCorpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signs every container format with every algorithm and has both the C2PA reference (c2pa-rs, run with Node.js) and
 * Assay's validator read the results: {@code Trusted} under the corpus test roots, {@code Valid} without trust
 * anchors, a time-stamp from a real local TSA validated, a tampered byte reported as a binding mismatch, and a signed
 * input carried as a parent ingredient.
 */
class SigningConformanceTest {

    /** Inputs: the corpus's reference-signed files with their manifests stripped by Assay. */
    static final List<String> FORMATS = List.of("jpg", "png", "webp", "wav", "mp3", "mp4", "mov", "m4a", "heic",
            "avif");
    static final String AI = DigitalSourceType.TRAINED_ALGORITHMIC_MEDIA.iri();

    /** Kept under target/ so that a failing case can be opened with any C2PA tool. */
    static Path dir;
    static final Map<Path, MediaType> signed = new LinkedHashMap<>();
    static Path tsaRoot;
    static Path timeStamped;
    static long tsaRequests;
    static Path edited;
    static Path editedTwice;

    @BeforeAll
    static void signEverything() throws Exception {
        dir = Files.createDirectories(SharedCorpus.repositoryRoot().resolve("assay-c2pa/target/signing-conformance"));
        for (String ext : FORMATS) {
            Path source = SharedCorpus.corpus("c2pa/assets/gen-ai-es256." + ext);
            MediaType type = MediaAsset.open(source, AssetLimits.DEFAULT).mediaType();
            byte[] clean = Embedders.forType(type).orElseThrow().strip(Files.readAllBytes(source));
            for (SigningAlgorithm alg : SigningAlgorithm.values()) {
                SignedAsset out = ManifestBuilder.created(DigitalSourceType.TRAINED_ALGORITHMIC_MEDIA)
                        .softwareAgent("ExampleModel", "2.0").title("test " + ext)
                        .sign(clean, type, signer(alg));
                Path file = dir.resolve(alg.name().toLowerCase() + "-" + ext.replace('.', '-') + "." + ext);
                Files.write(file, out.bytes());
                signed.put(file, type);
            }
        }
        try (LocalTsa tsa = LocalTsa.start()) {
            tsaRoot = tsa.writeRoot(dir.resolve("tsa-root.pem"));
            Rfc3161Client client = new Rfc3161Client(tsa.url(), address -> Optional.empty(), Duration.ofSeconds(10),
                    null);
            byte[] jpeg = stripped("jpg", MediaType.JPEG);
            SignedAsset out = ManifestBuilder.created(DigitalSourceType.TRAINED_ALGORITHMIC_MEDIA)
                    .softwareAgent("ExampleModel", "2.0").timeStampAuthority(client)
                    .sign(jpeg, MediaType.JPEG, signer(SigningAlgorithm.ES256));
            timeStamped = Files.write(dir.resolve("timestamped.jpg"), out.bytes());
            tsaRequests = tsa.served();
        }
        // an input that already carries Content Credentials (signed by c2pa-rs) becomes the parent ingredient
        Path parent = SharedCorpus.corpus("c2pa/assets/gen-ai-es256.jpg");
        SignedAsset edit = ManifestBuilder.created(DigitalSourceType.COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA)
                .softwareAgent("ExampleEditor", "1.0")
                .sign(Files.readAllBytes(parent), MediaType.JPEG, signer(SigningAlgorithm.PS256));
        edited = Files.write(dir.resolve("edited.jpg"), edit.bytes());
        // and an Assay-signed MP4 edited again: its manifest becomes the parent, the store keeps both
        Path assayMp4 = signed.keySet().stream().filter(p -> p.getFileName().toString().equals("es256-mp4.mp4"))
                .findFirst().orElseThrow();
        SignedAsset again = ManifestBuilder.edited(DigitalSourceType.COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA)
                .softwareAgent("ExampleEditor", "1.0")
                .sign(Files.readAllBytes(assayMp4), MediaType.MP4, signer(SigningAlgorithm.ED25519));
        editedTwice = Files.write(dir.resolve("edited-twice.mp4"), again.bytes());
    }

    @Test
    void theReferenceTrustsEveryFormatSignedWithEveryAlgorithm() throws Exception {
        Map<String, JsonNode> reports = ReferencePeer.validate(Trust.testRoots(), List.copyOf(signed.keySet()));
        assertThat(reports).hasSize(FORMATS.size() * SigningAlgorithm.values().length);
        for (Map.Entry<String, JsonNode> e : reports.entrySet()) {
            JsonNode r = e.getValue();
            assertThat(r.path("validation_state").asString()).as(e.getKey() + ": " + r).isEqualTo("Trusted");
            assertThat(r.path("failure")).as(e.getKey()).isEmpty();
            assertThat(codes(r.path("digital_source_types"))).as(e.getKey()).containsExactly(AI);
            assertThat(codes(r.path("success"))).as(e.getKey())
                    .contains("claimSignature.validated", "signingCredential.trusted")
                    .containsAnyOf("assertion.dataHash.match", "assertion.bmffHash.match");
        }
    }

    @Test
    void withoutTrustAnchorsTheReferenceCallsThemValid() throws Exception {
        Map<String, JsonNode> reports = ReferencePeer.validate(Trust.none(), List.copyOf(signed.keySet()));
        assertThat(reports).hasSize(FORMATS.size() * SigningAlgorithm.values().length);
        reports.forEach((file, r) -> assertThat(r.path("validation_state").asString()).as(file + ": " + r)
                .isEqualTo("Valid"));
    }

    @Test
    void assaysValidatorAgrees() throws Exception {
        C2paValidator validator = Validators.standard(testRoots(List.of()));
        for (Map.Entry<Path, MediaType> e : signed.entrySet()) {
            ValidationReport report = validate(validator, e.getKey());
            assertThat(report.state()).as(e.getKey() + ": " + report.activeManifest())
                    .isEqualTo(ValidationState.Trusted);
            assertThat(report.store().activeManifest().digitalSourceTypes()).containsExactly(AI);
        }
    }

    @Test
    void aTimeStampFromALocalTsaIsValidatedByBoth() throws Exception {
        assertThat(tsaRequests).isEqualTo(1);
        JsonNode ref = ReferencePeer.validate(Trust.testRoots(tsaRoot), List.of(timeStamped)).values().iterator().next();
        assertThat(ref.path("validation_state").asString()).as(ref.toString()).isEqualTo("Trusted");
        assertThat(codes(ref.path("success"))).contains("timeStamp.validated", "timeStamp.trusted");

        ValidationReport ours = validate(Validators.standard(testRoots(List.of(tsaRoot))), timeStamped);
        assertThat(ours.state()).isEqualTo(ValidationState.Trusted);
        assertThat(ours.of(StatusKind.SUCCESS).stream().map(ValidationStatus::code))
                .contains("timeStamp.validated", "timeStamp.trusted");
    }

    @Test
    void aTamperedByteIsABindingMismatchForBoth() throws Exception {
        List<Path> tampered = new ArrayList<>();
        Map<Path, String> expected = new LinkedHashMap<>();
        C2paValidator validator = Validators.standard(testRoots(List.of()));
        for (Map.Entry<Path, MediaType> e : signed.entrySet()) {
            if (!e.getKey().getFileName().toString().startsWith("es256-")) {
                continue;
            }
            byte[] b = Files.readAllBytes(e.getKey());
            b[tamperOffset(b, e.getValue())] ^= 0x01;
            Path t = Files.write(dir.resolve("tampered-" + e.getKey().getFileName()), b);
            tampered.add(t);
            expected.put(t, e.getValue().isBmff() ? "assertion.bmffHash.mismatch" : "assertion.dataHash.mismatch");
        }
        Map<String, JsonNode> reports = ReferencePeer.validate(Trust.testRoots(), tampered);
        for (Path t : tampered) {
            JsonNode r = reports.get(t.getFileName().toString());
            assertThat(r.path("validation_state").asString()).as(t + ": " + r).isEqualTo("Invalid");
            assertThat(codes(r.path("failure"))).as(t.toString()).contains(expected.get(t));
            ValidationReport ours = validate(validator, t);
            assertThat(ours.state()).isEqualTo(ValidationState.Invalid);
            assertThat(ours.of(StatusKind.FAILURE).stream().map(ValidationStatus::code)).as(t.toString())
                    .contains(expected.get(t));
        }
    }

    @Test
    void aSignedInputBecomesTheParentIngredient() throws Exception {
        Map<String, JsonNode> reports = ReferencePeer.validate(Trust.testRoots(), List.of(edited, editedTwice));
        for (JsonNode r : reports.values()) {
            assertThat(r.path("validation_state").asString()).as(r.toString()).isEqualTo("Trusted");
            assertThat(r.path("ingredient_failures")).isEmpty();
            assertThat(codes(r.path("digital_source_types")))
                    .contains(DigitalSourceType.COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA.iri());
        }
        C2paValidator validator = Validators.standard(testRoots(List.of()));
        for (Path p : List.of(edited, editedTwice)) {
            ValidationReport ours = validate(validator, p);
            assertThat(ours.state()).as(ours.activeManifest().toString()).isEqualTo(ValidationState.Trusted);
            assertThat(ours.store().manifests()).hasSize(2);
            var ingredients = ours.store().activeManifest().ingredients();
            assertThat(ingredients).hasSize(1);
            assertThat(ingredients.getFirst().relationship()).contains("parentOf");
            assertThat(ours.store().activeManifest().actions().getFirst().actions().stream().map(a -> a.action()))
                    .containsExactly("c2pa.opened", "c2pa.edited");
        }
    }

    /** A generator's KMS/HSM: the key stays in another process (openssl here); the output is still Trusted. */
    @Test
    void aSignerWhoseKeyNeverEntersTheJvm() throws Exception {
        Path s = SharedCorpus.corpus("c2pa/trust/signing");
        List<Path> files = new ArrayList<>();
        for (SigningAlgorithm alg : List.of(SigningAlgorithm.ES256, SigningAlgorithm.PS256)) {
            String name = alg.name().toLowerCase();
            Signer external = new io.assay.c2pa.testing.OpensslSigner(alg, s.resolve(name + "_key.pem"),
                    s.resolve(name + "_chain.pem"));
            SignedAsset out = ManifestBuilder.created(DigitalSourceType.TRAINED_ALGORITHMIC_MEDIA)
                    .softwareAgent("ExampleModel", "2.0").sign(stripped("png", MediaType.PNG), MediaType.PNG, external);
            files.add(Files.write(dir.resolve("external-" + name + ".png"), out.bytes()));
        }
        Map<String, JsonNode> reports = ReferencePeer.validate(Trust.testRoots(), files);
        reports.forEach((f, r) -> assertThat(r.path("validation_state").asString()).as(f + ": " + r).isEqualTo("Trusted"));
        C2paValidator validator = Validators.standard(testRoots(List.of()));
        for (Path f : files) {
            assertThat(validate(validator, f).state()).isEqualTo(ValidationState.Trusted);
        }
    }

    /**
     * IPTC XMP beside the manifest: the digital source type and the provenance link, merged into XMP the input
     * already had (its other properties kept), read back by the metadata analyzer's parser (xmpcore).
     */
    @Test
    void iptcXmpIsMergedAndCarriesTheProvenanceLink() throws Exception {
        // a Photoshop export with a long XMP packet (history, tool, dates)
        byte[] input = Files.readAllBytes(SharedCorpus.corpus("pdq/bridge-mods/blur-a-lot.jpg"));
        SignedAsset out = ManifestBuilder.created(DigitalSourceType.COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA)
                .softwareAgent("ExampleEditor", "1.0").remoteManifestUrl("https://cr.example/m/1.c2pa")
                .sign(input, MediaType.JPEG, signer(SigningAlgorithm.ES256));
        String before = xmp(input);
        String after = xmp(out.bytes());
        var meta = com.adobe.internal.xmp.XMPMetaFactory.parseFromString(after);
        assertThat(meta.getPropertyString(IptcXmp.IPTC_EXT, "DigitalSourceType"))
                .isEqualTo(DigitalSourceType.COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA.iri());
        assertThat(meta.getPropertyString(IptcXmp.DCTERMS, "provenance")).isEqualTo("https://cr.example/m/1.c2pa");
        var old = com.adobe.internal.xmp.XMPMetaFactory.parseFromString(before);
        var it = old.iterator(new com.adobe.internal.xmp.options.IteratorOptions().setJustLeafnodes(true));
        int kept = 0;
        while (it.hasNext()) {
            var p = (com.adobe.internal.xmp.properties.XMPPropertyInfo) it.next();
            if (p.getPath() == null || p.getNamespace() == null || p.getNamespace().isEmpty()
                    || p.getPath().contains("DigitalSourceType")) {
                continue;
            }
            assertThat(meta.getProperty(p.getNamespace(), p.getPath())).as(p.getPath()).isNotNull();
            kept++;
        }
        assertThat(kept).as("the input's other XMP properties").isPositive();
        assertThat(validate(Validators.standard(testRoots(List.of())),
                Files.write(dir.resolve("iptc.jpg"), out.bytes())).state()).isEqualTo(ValidationState.Trusted);
    }

    /** The XMP packet of a JPEG's APP1 segment. */
    static String xmp(byte[] jpeg) {
        String s = new String(jpeg, java.nio.charset.StandardCharsets.ISO_8859_1);
        int start = s.indexOf("<x:xmpmeta");
        int end = s.indexOf("</x:xmpmeta>", start);
        assertThat(start).as("an XMP packet").isNotNegative();
        return new String(jpeg, start, end + "</x:xmpmeta>".length() - start, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void unsupportedFormatsAreRefusedClearly() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ManifestBuilder
                        .created(DigitalSourceType.TRAINED_ALGORITHMIC_MEDIA)
                        .sign(new byte[]{1, 2, 3}, MediaType.PDF, signer(SigningAlgorithm.ES256)))
                .isInstanceOf(C2paException.class).hasMessageContaining("not supported");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ManifestBuilder
                        .created(DigitalSourceType.TRAINED_ALGORITHMIC_MEDIA)
                        .sign("not a jpeg".getBytes(), MediaType.JPEG, signer(SigningAlgorithm.ES256)))
                .isInstanceOf(C2paException.class).hasMessageContaining("cannot be read");
        byte[] truncated = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0x7F, 0x00, 'J', 'F', 'I', 'F'};
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ManifestBuilder
                        .created(DigitalSourceType.TRAINED_ALGORITHMIC_MEDIA).iptc(false)
                        .sign(truncated, MediaType.JPEG, signer(SigningAlgorithm.ES256)))
                .isInstanceOf(C2paException.class).hasMessageContaining("truncated");
    }

    static Signer signer(SigningAlgorithm alg) throws SignerException {
        Path s = SharedCorpus.corpus("c2pa/trust/signing");
        String name = alg.name().toLowerCase();
        return PemSigner.load(s.resolve(name + "_key.pem"), s.resolve(name + "_chain.pem"), alg);
    }

    static byte[] stripped(String ext, MediaType type) throws Exception {
        return Embedders.forType(type).orElseThrow()
                .strip(Files.readAllBytes(SharedCorpus.corpus("c2pa/assets/gen-ai-es256." + ext)));
    }

    static io.assay.c2pa.validation.TrustSettings testRoots(List<Path> tsaAnchors) throws Exception {
        Path t = SharedCorpus.corpus("c2pa/trust");
        List<Path> anchors = new ArrayList<>(List.of(t.resolve("test_cert_root_bundle.pem")));
        anchors.addAll(tsaAnchors);
        return TrustLists.custom(anchors, List.of(t.resolve("test_allowed_list.pem")), t.resolve("test_store.cfg"),
                anchors);
    }

    static ValidationReport validate(C2paValidator validator, Path file) throws Exception {
        return validator.validate(MediaAsset.open(file, AssetLimits.DEFAULT)).orElseThrow();
    }

    static List<String> codes(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    /** A byte of media data outside the manifest: the middle of mdat, early RIFF data, or near the end otherwise. */
    static int tamperOffset(byte[] b, MediaType type) {
        if (type.isBmff()) {
            ByteBuffer buf = ByteBuffer.wrap(b);
            int pos = 0;
            while (pos + 8 <= b.length) {
                long size = Integer.toUnsignedLong(buf.getInt(pos));
                String box = new String(b, pos + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
                if (size == 1) {
                    size = buf.getLong(pos + 8);
                } else if (size == 0) {
                    size = b.length - pos;
                }
                if (box.equals("mdat")) {
                    return (int) (pos + size / 2);
                }
                pos += (int) size;
            }
            throw new IllegalStateException("no mdat");
        }
        return type == MediaType.WAV || type == MediaType.WEBP ? 100 : b.length - 200;
    }
}
