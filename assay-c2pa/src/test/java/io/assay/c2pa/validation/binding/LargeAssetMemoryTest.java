package io.assay.c2pa.validation.binding;

import io.assay.core.testing.SharedCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Memory, not time: a ~300 MB MP4 is binding-checked in a child JVM limited to a 64 MB heap. The file is
 * gen-ai-es256.mp4 with its last box (mdat) grown by 300 MB of zeros (a sparse file, so the test costs little disk);
 * growing the mdat breaks the BMFF hash, so the check must stream the whole file and report a mismatch.
 */
class LargeAssetMemoryTest {

    private static final long GROWTH = 300L * 1024 * 1024;

    @Test
    void aLargeMp4IsCheckedWithinASmallHeap(@TempDir Path dir) throws Exception {
        byte[] original = Files.readAllBytes(SharedCorpus.corpus("c2pa/assets").resolve("gen-ai-es256.mp4"));
        ByteBuffer in = ByteBuffer.wrap(original);
        long mdat = -1;
        for (long pos = 0; pos + 8 <= original.length; ) {
            long size = in.getInt((int) pos) & 0xFFFFFFFFL;
            String type = new String(original, (int) pos + 4, 4, StandardCharsets.ISO_8859_1);
            if (size == 1) {
                size = in.getLong((int) pos + 8);
            }
            if (type.equals("mdat")) {
                mdat = pos;
            }
            pos += size;
        }
        assertThat(mdat).as("mdat with a 64-bit size").isPositive();
        assertThat(in.getInt((int) mdat)).isEqualTo(1);
        assertThat(mdat + in.getLong((int) mdat + 8)).isEqualTo(original.length);
        in.putLong((int) mdat + 8, in.getLong((int) mdat + 8) + GROWTH);

        Path big = dir.resolve("big.mp4");
        try (FileChannel ch = FileChannel.open(big, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.SPARSE)) {
            ch.write(ByteBuffer.wrap(original));
            ch.write(ByteBuffer.allocate(1), original.length + GROWTH - 1);
        }
        assertThat(Files.size(big)).isEqualTo(original.length + GROWTH);

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Xmx64m", "-XX:+ExitOnOutOfMemoryError", "-cp",
                System.getProperty("java.class.path"), BindingMemoryProbe.class.getName(), big.toString()))
                .redirectErrorStream(true).start();
        String output;
        try (var stream = p.getInputStream()) {
            output = new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        System.out.println(output);
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("STATUS " + HardBindingCheck.BMFF_HASH_MISMATCH)
                .doesNotContain("STATUS " + HardBindingCheck.BMFF_HASH_MATCH);
    }
}
