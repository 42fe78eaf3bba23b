package io.assay.detect.eval;

import io.assay.core.media.MediaType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Folder and CSV datasets, and the errors a user sees for bad ones. */
class DatasetTest {

    @TempDir
    Path dir;

    static void png(Path f) throws IOException {
        Files.createDirectories(f.getParent());
        BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        img.setRGB(3, 3, 0xff0000);
        ImageIO.write(img, "png", f.toFile());
    }

    static void wav(Path f) throws IOException {
        Files.createDirectories(f.getParent());
        short[] s = new short[800];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) (1000 * Math.sin(i * 0.3));
        }
        Files.write(f, WavBytes.encode(new io.assay.hash.audio.PcmAudio(s, 8000)));
    }

    @Test
    void folderWithRealAndFakeIsReadRecursivelyInSortedOrder() throws IOException {
        png(dir.resolve("real/b.png"));
        png(dir.resolve("real/sub/a.png"));
        wav(dir.resolve("fake/x.wav"));
        png(dir.resolve("fake/.hidden.png"));
        Files.writeString(dir.resolve("fake/notes.txt"), "not media");
        Dataset d = Dataset.load(dir);
        assertThat(d.items()).extracting(DatasetItem::origin).containsExactly("real/b.png", "real/sub/a.png", "fake/x.wav");
        assertThat(d.items()).extracting(DatasetItem::label).containsExactly(Label.REAL, Label.REAL, Label.FAKE);
        assertThat(d.items()).extracting(DatasetItem::kind).containsExactly(MediaType.Kind.IMAGE, MediaType.Kind.IMAGE,
                MediaType.Kind.AUDIO);
        assertThat(d.notes()).singleElement().asString().startsWith("skipped fake/notes.txt: ");
    }

    @Test
    void authenticAndSyntheticAreAcceptedAsFolderNames() throws IOException {
        png(dir.resolve("authentic/a.png"));
        png(dir.resolve("synthetic/b.png"));
        assertThat(Dataset.load(dir).items()).extracting(DatasetItem::label).containsExactly(Label.REAL, Label.FAKE);
    }

    @Test
    void aFolderWithoutFakeSaysWhatIsMissing() throws IOException {
        png(dir.resolve("real/a.png"));
        assertThatThrownBy(() -> Dataset.load(dir)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("needs the subfolders real/ and fake/").hasMessageEndingWith("missing: fake/");
    }

    @Test
    void aClassWithoutMediaIsAnError() throws IOException {
        png(dir.resolve("real/a.png"));
        Files.createDirectories(dir.resolve("fake"));
        Files.writeString(dir.resolve("fake/readme.txt"), "x");
        assertThatThrownBy(() -> Dataset.load(dir)).hasMessageContaining("needs both real and fake items; it has 1 real and 0 fake")
                .hasMessageContaining("skipped fake/readme.txt");
    }

    @Test
    void csvWithHeaderRelativeAndQuotedPathsAndAllLabelSpellings() throws IOException {
        png(dir.resolve("media/a.png"));
        png(dir.resolve("media/b, c.png"));
        wav(dir.resolve("media/d.wav"));
        png(dir.resolve("media/e.png"));
        Path csv = dir.resolve("list.csv");
        Files.writeString(csv, "file,Class\n# comment\nmedia/a.png,real\n\"media/b, c.png\",FAKE\nmedia/d.wav, 1\n"
                + dir.resolve("media/e.png").toAbsolutePath() + ",authentic\n");
        Dataset d = Dataset.load(csv);
        assertThat(d.items()).extracting(DatasetItem::label).containsExactly(Label.REAL, Label.FAKE, Label.FAKE, Label.REAL);
        assertThat(d.items().get(1).path().getFileName().toString()).isEqualTo("b, c.png");
        assertThat(d.items().get(2).origin()).isEqualTo("list.csv line 5");
        assertThat(d.count(Label.FAKE)).isEqualTo(2);
    }

    @Test
    void csvErrorsNameTheLine() throws IOException {
        png(dir.resolve("a.png"));
        Path csv = dir.resolve("l.csv");
        Files.writeString(csv, "a.png,real\na.png,maybe\n");
        assertThatThrownBy(() -> Dataset.load(csv)).hasMessage("l.csv line 2: unknown label 'maybe' (use real or fake, "
                + "authentic or synthetic, 0 or 1)");
        Files.writeString(csv, "a.png,real\nmissing.png,fake\n");
        assertThatThrownBy(() -> Dataset.load(csv)).hasMessage("l.csv line 2: missing.png: no such file");
        Files.writeString(csv, "a.png,real,extra\n");
        assertThatThrownBy(() -> Dataset.load(csv)).hasMessage("l.csv line 1: expected 2 fields (path,label), found 3");
        Files.writeString(csv, "a.png,real\nl.csv,fake\n");
        assertThatThrownBy(() -> Dataset.load(csv)).hasMessageStartingWith("l.csv line 2: l.csv: unsupported or unknown format");
        Files.writeString(csv, "\"a.png,real\n");
        assertThatThrownBy(() -> Dataset.load(csv)).hasMessage("l.csv line 1: unterminated quote");
        // A header is only a header on the first row.
        Files.writeString(csv, "a.png,real\npath,label\n");
        assertThatThrownBy(() -> Dataset.load(csv)).hasMessageStartingWith("l.csv line 2: unknown label 'label'");
    }

    @Test
    void aMissingDatasetIsNamed() {
        assertThatThrownBy(() -> Dataset.load(dir.resolve("nope"))).isInstanceOf(DatasetException.class)
                .hasMessageContaining("dataset not found: ").hasMessageContaining("nope");
    }
}
