package io.assay.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code assay stream}'s option checks, which fail before any connection is tried (the stream itself runs against a
 * real broker in assay-stream's StreamClusterTest).
 */
class StreamCommandTest {

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AssayCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new String[]{Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void needsABootstrapServer() {
        String[] r = run("stream");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("Missing required option: '--bootstrap=HOST:PORT'");
    }

    @Test
    void refusesAMissingMediaRootAndFolderBanksInOneLine(@TempDir Path dir) {
        String[] r = run("stream", "--bootstrap", "localhost:1", "--media-root", dir.resolve("nope").toString(),
                "--state-dir", dir.toString(), "--metrics-port", "-1");
        assertThat(r[0]).isEqualTo("1");
        assertThat(r[2].strip()).isEqualTo("assay: --media-root " + dir.resolve("nope") + " is not a folder");

        r = run("stream", "--bootstrap", "localhost:1", "--analyzer-setting", "known-deepfake.bank=" + dir,
                "--state-dir", dir.toString(), "--metrics-port", "-1");
        assertThat(r[0]).isEqualTo("1");
        assertThat(r[2]).contains("banks come from the signals topic").doesNotContain("Exception");
    }

    @Test
    void helpListsTheOperationsOptions() {
        String[] r = run("stream", "--help");
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1]).contains("--bootstrap", "--application-id", "--input-topic", "--verdict-topic",
                "--signals-topic", "--models", "--metrics-port", "--create-topics");
    }
}
