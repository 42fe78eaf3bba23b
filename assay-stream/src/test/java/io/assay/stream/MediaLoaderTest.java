package io.assay.stream;

import io.assay.core.media.AssetLimits;
import io.assay.core.media.MediaAsset;
import io.assay.core.media.MediaType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Media references: inline bytes, files under the media root, and everything that must be refused. */
class MediaLoaderTest {

    static UploadEvent bytes(byte[] b) {
        return new UploadEvent("u", null, b, null, null, null, null);
    }

    static UploadEvent path(String p) {
        return new UploadEvent("u", null, null, p, null, null, null);
    }

    @Test
    void readsInlineBytesAndFilesUnderTheRoot(@TempDir Path dir) throws Exception {
        byte[] png = TestImages.png(3, 32);
        Files.createDirectories(dir.resolve("root/day1"));
        Files.write(dir.resolve("root/day1/a.png"), png);
        MediaLoader loader = new MediaLoader(dir.resolve("root"), AssetLimits.DEFAULT);
        MediaAsset inline = loader.load(bytes(png), "u");
        assertThat(inline.mediaType()).isEqualTo(MediaType.PNG);
        assertThat(inline.name()).isEqualTo("u");
        MediaAsset file = loader.load(path("day1/a.png"), "u");
        assertThat(file.size()).isEqualTo(png.length);
    }

    @Test
    void refusesEscapesUrlsMissingRootsAndOversizedMedia(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("root"));
        Files.write(dir.resolve("secret.png"), TestImages.png(4, 32));
        Files.createSymbolicLink(dir.resolve("root/link.png"), dir.resolve("secret.png"));
        MediaLoader loader = new MediaLoader(dir.resolve("root"), new AssetLimits(100, 1_000_000));
        assertRefused(loader, path("../secret.png"), "outside-media-root", "the path leaves the media root");
        assertRefused(loader, path("link.png"), "outside-media-root", "the path leads out of the media root through a link");
        assertRefused(loader, path("https://example.org/a.png"), "unsupported-reference", "media URLs are not fetched");
        assertRefused(loader, path("nothing.png"), "unreadable", "no such file");
        assertRefused(loader, bytes(TestImages.png(5, 32)), "too-large", "over the limit of 100 bytes");
        assertRefused(loader, new UploadEvent("u", null, new byte[]{1}, "a.png", null, null, null), "bad-event", "not both");
        assertRefused(new MediaLoader(null, AssetLimits.DEFAULT), path("a.png"), "unsupported-reference", "no media root");
    }

    private static void assertRefused(MediaLoader loader, UploadEvent e, String reason, String message) {
        assertThatThrownBy(() -> loader.load(e, "u")).isInstanceOfSatisfying(MediaLoader.Refused.class, r -> {
            assertThat(r.reason()).isEqualTo(reason);
            assertThat(r.getMessage()).contains(message);
        });
    }
}
