package io.assay.hash.audio;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs ffmpeg and fpcalc for tests. They are required, not optional: CI installs both with apt, and a test that
 * needs one fails with a clear message when it is missing instead of skipping.
 */
final class ExternalTools {

    private ExternalTools() {
    }

    /** Runs a command and returns its standard output; fails the test when it cannot run or exits non-zero. */
    static String run(List<String> command) {
        String tool = command.get(0);
        Process p;
        try {
            p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            return fail("this test needs '" + tool + "' on PATH (apt-get install " + (tool.equals("fpcalc")
                    ? "libchromaprint-tools" : tool) + "): " + e.getMessage());
        }
        try {
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return fail(tool + " did not finish within 120 s");
            }
            // fpcalc 1.5.1 with FFmpeg 5 reports a decoding error at end of file and exits 3 after printing a result
            boolean ok = p.exitValue() == 0 || tool.equals("fpcalc") && p.exitValue() == 3 && out.length > 0;
            if (!ok) {
                return fail(String.join(" ", command) + " exited with " + p.exitValue());
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException | InterruptedException e) {
            return fail(tool + " failed: " + e);
        }
    }
}
