package io.assay.server.console;

import io.assay.c2pa.C2paReader;
import io.assay.core.media.AssetLimits;
import io.assay.core.media.MediaAsset;
import io.assay.core.testing.SharedCorpus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Content Credentials tree the console draws, read from real signed files of the shared corpus. */
class ManifestTreeTest {

    static final AssetLimits LIMITS = new AssetLimits(64L << 20, 200_000_000L);

    @Test
    void anAiImageIsOneManifestWithItsCreatedAction() throws Exception {
        MediaAsset asset = MediaAsset.open(SharedCorpus.corpus("c2pa/assets/gen-ai-es256.jpg"), "gen-ai-es256.jpg", LIMITS);
        ManifestTree.Node root = ManifestTree.of(C2paReader.read(asset).orElseThrow());
        assertThat(root.actions()).anySatisfy(a -> assertThat(a).startsWith("c2pa.created").contains("trainedAlgorithmicMedia"));
        assertThat(root.signer()).isNotBlank();
        assertThat(root.children()).isEmpty();
    }

    @Test
    void anEditShowsItsParentIngredientWithItsOwnManifest() throws Exception {
        MediaAsset asset = MediaAsset.open(SharedCorpus.corpus("c2pa/assets/gen-edit-composite-es256.jpg"), "edit.jpg", LIMITS);
        ManifestTree.Node root = ManifestTree.of(C2paReader.read(asset).orElseThrow());
        assertThat(root.actions()).anySatisfy(a -> assertThat(a).contains("compositeWithTrainedAlgorithmicMedia"));
        assertThat(root.children()).isNotEmpty();
        ManifestTree.Node parent = root.children().getFirst();
        assertThat(parent.relationship()).isEqualTo("parentOf");
        assertThat(parent.manifestLabel()).isNotNull();
    }
}
