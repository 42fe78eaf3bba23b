package io.assay.c2pa;

import io.assay.c2pa.manifest.Ingredient;
import io.assay.c2pa.manifest.Manifest;
import io.assay.c2pa.manifest.ManifestStore;
import io.assay.core.evidence.Assurance;
import io.assay.core.evidence.DigitalSourceType;
import io.assay.core.evidence.Evidence;
import io.assay.core.evidence.EvidenceKind;
import io.assay.c2pa.validation.TrustSettings;
import io.assay.c2pa.validation.credential.TrustLists;
import io.assay.core.media.AssetLimits;
import io.assay.core.media.MediaAsset;
import io.assay.core.media.MediaType;
import io.assay.core.scan.ScanContext;
import io.assay.core.testing.SharedCorpus;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class C2paAnalyzerTest {

    private final C2paAnalyzer analyzer = new C2paAnalyzer();

    static MediaAsset asset(String name) throws Exception {
        Path p = SharedCorpus.corpus("c2pa/assets").resolve(name);
        return MediaAsset.open(p, AssetLimits.DEFAULT);
    }

    /** The c2pa-rs test PKI: what the corpus's generated files are signed under. */
    static TrustSettings testRoot() throws Exception {
        Path trust = SharedCorpus.corpus("c2pa/trust");
        return TrustLists.of(trust.resolve("test_cert_root_bundle.pem"), trust.resolve("test_allowed_list.pem"),
                trust.resolve("test_store.cfg"), null);
    }

    @Test
    void aTrustedManifestGivesASignedTrustedDeclaration() throws Exception {
        List<Evidence> evidence = new C2paAnalyzer(testRoot()).analyze(asset("gen-ai-es256.jpg"), ScanContext.NONE);

        assertThat(evidence).hasSize(2);
        Evidence store = evidence.getFirst();
        assertThat(store.kind()).isEqualTo(EvidenceKind.OBSERVATION);
        assertThat(store.finding()).startsWith("C2PA manifest store: 1 manifest(s); active manifest urn:c2pa:")
                .contains("from research-c2pa-fixture-gen").endsWith("Content Credentials valid, signer trusted");
        assertThat(store.details()).containsEntry("manifestCount", 1).containsEntry("claimVersion", 2)
                .containsEntry("alg", "ES256").containsEntry("validationState", "Trusted");
        Evidence declaration = evidence.get(1);
        assertThat(declaration.kind()).isEqualTo(EvidenceKind.DECLARATION);
        assertThat(declaration.sourceType()).contains(DigitalSourceType.TRAINED_ALGORITHMIC_MEDIA);
        assertThat(declaration.assurance()).isEqualTo(Assurance.SIGNED_TRUSTED);
        assertThat(declaration.confidence()).isEqualTo(0.9);
        assertThat(declaration.finding()).startsWith("C2PA action c2pa.created declares trainedAlgorithmicMedia (signed by ");
        assertThat(declaration.details()).containsEntry("action", "c2pa.created");
    }

    @Test
    void aSignerOnNoConfiguredListIsSignedButNotTrusted() throws Exception {
        // The shipped default lists do not include the c2pa-rs test PKI.
        List<Evidence> evidence = analyzer.analyze(asset("gen-ai-es256.jpg"), ScanContext.NONE);
        assertThat(evidence.get(1).assurance()).isEqualTo(Assurance.SIGNED);
        assertThat(evidence.getFirst().details()).containsEntry("validationState", "Valid");
    }

    @Test
    void aTamperedFileGivesASignedInvalidDeclarationCitingTheFailure() throws Exception {
        List<Evidence> evidence = new C2paAnalyzer(testRoot()).analyze(asset("gen-tampered-ai-es256.jpg"), ScanContext.NONE);
        assertThat(evidence.get(1).assurance()).isEqualTo(Assurance.SIGNED_INVALID);
        assertThat(evidence.get(1).finding()).contains("INVALID: assertion.dataHash.mismatch");
    }

    @Test
    void namesTheClaimedSignerFromTheCertificate() throws Exception {
        Manifest active = C2paReader.read(asset("rs-C.jpg")).orElseThrow().activeManifest();

        assertThat(active.signer().commonName()).contains("C2PA Signer");
        assertThat(active.signer().organization()).contains("C2PA Test Signing Cert");
        assertThat(active.signer().alg()).isEqualTo("PS256");
        assertThat(active.claim().version()).isEqualTo(1);
        assertThat(active.claim().title()).contains("C.jpg");
        assertThat(active.claim().format()).contains("image/jpeg");
    }

    @Test
    void readsAnIngredientChainWithManifestReferences() throws Exception {
        ManifestStore store = C2paReader.read(asset("gen-edit-composite-es256.jpg")).orElseThrow();
        List<Ingredient> ingredients = store.activeManifest().ingredients();

        assertThat(store.manifests()).hasSizeGreaterThan(1);
        assertThat(ingredients).anySatisfy(i -> {
            assertThat(i.relationship()).isEqualTo("parentOf");
            assertThat(i.manifestLabel()).isPresent();
            assertThat(store.manifest(i.manifestLabel().get())).isPresent();
        });
    }

    @Test
    void keepsTheStoredBytesOfClaimAndAssertions() throws Exception {
        Manifest active = C2paReader.read(asset("gen-ai-es256.png")).orElseThrow().activeManifest();

        assertThat(active.claim().cbor().length()).isPositive();
        assertThat(active.assertions()).containsKey("c2pa.actions.v2");
        assertThat(active.assertions().values()).allSatisfy(a -> assertThat(a.box().raw().length()).isPositive());
        assertThat(active.cose().chain()).isNotEmpty();
    }

    @Test
    void reportsARemoteReferenceWithoutFetchingIt() throws Exception {
        List<Evidence> evidence = analyzer.analyze(asset("rs-cloud.jpg"), ScanContext.NONE);

        assertThat(evidence).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EvidenceKind.OBSERVATION);
            assertThat(e.details()).containsEntry("remoteManifestUrl",
                    "https://cai-manifests.adobe.com/manifests/adobe-urn-uuid-5f37e182-3687-462e-a7fb-573462780391");
        });
    }

    @Test
    void saysNothingAboutAFileWithoutManifest() throws Exception {
        assertThat(analyzer.analyze(asset("rs-no_manifest.jpg"), ScanContext.NONE)).isEmpty();
        assertThat(C2paReader.read(asset("rs-sample1.mp3"))).isEmpty();
    }

    @Test
    void rejectsABrokenStoreWithAOneLineMessage() {
        assertThatThrownBy(() -> analyzer.analyze(asset("rs-sample3.svg"), ScanContext.NONE))
                .isInstanceOf(C2paException.class).hasMessageStartingWith("JUMBF");
    }

    @Test
    void supportsEveryContainerThatCanCarryAStore() {
        assertThat(MediaType.values()).allSatisfy(t -> assertThat(analyzer.supports(t)).isTrue());
    }

    @Test
    void oneInstanceServesConcurrentScans() throws Exception {
        List<String> names = List.of("gen-ai-es256.jpg", "gen-ai-es256.mp4", "gen-ai-es256.wav", "rs-CA.jpg",
                "gen-ai-es256.heic", "gen-ai-es256.tif", "gen-ai-es256.gif", "gen-ai-es256.svg");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 32; i++) {
                MediaAsset a = asset(names.get(i % names.size()));
                results.add(pool.submit(() -> analyzer.analyze(a, ScanContext.NONE).size()));
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).isEqualTo(names.get(i % names.size()).equals("rs-CA.jpg") ? 1 : 2);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
