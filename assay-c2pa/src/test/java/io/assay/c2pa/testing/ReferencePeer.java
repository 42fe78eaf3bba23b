package io.assay.c2pa.testing;

import io.assay.core.testing.SharedCorpus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The C2PA reference implementation (c2pa-rs as WebAssembly, {@code ../shared/peers/c2pa-reference}) run as a
 * separate process. The shared folder is read-only, so the peer's package files are copied to
 * {@code target/c2pa-reference} and installed there with {@code npm ci} once per build.
 */
public final class ReferencePeer {

    private static final String[] FILES = {"package.json", "package-lock.json", "validate.mjs", "sign.mjs"};
    private static Path installed;

    private ReferencePeer() {
    }

    /** Installs the peer (once) and returns its folder; fails with a clear message when Node.js is missing. */
    public static synchronized Path install() throws IOException, InterruptedException {
        if (installed != null) {
            return installed;
        }
        Path source = SharedCorpus.root().resolve("peers/c2pa-reference");
        if (!Files.isDirectory(source)) {
            throw new IllegalStateException("the reference peer is missing: " + source);
        }
        Path dir = SharedCorpus.repositoryRoot().resolve("assay-c2pa/target/c2pa-reference");
        Files.createDirectories(dir);
        boolean fresh = !Files.isDirectory(dir.resolve("node_modules/@contentauth/c2pa-wasm"));
        for (String f : FILES) {
            Path target = dir.resolve(f);
            if (!Files.exists(target) || Files.mismatch(source.resolve(f), target) != -1) {
                Files.copy(source.resolve(f), target, StandardCopyOption.REPLACE_EXISTING);
                fresh = true;
            }
        }
        if (fresh) {
            Run r = run(dir, Map.of(), List.of("npm", "ci", "--no-audit", "--no-fund"), 300);
            if (r.exit != 0) {
                throw new IllegalStateException("npm ci of the reference peer failed (is Node.js 18+ with npm "
                        + "installed?):\n" + r.output);
            }
        }
        installed = dir;
        return dir;
    }

    /** The reference's compact report per file name, validated in the given trust mode. */
    public static Map<String, JsonNode> validate(Trust trust, List<Path> files) throws IOException, InterruptedException {
        Path dir = install();
        List<String> cmd = new ArrayList<>(List.of("node", "validate.mjs"));
        files.forEach(f -> cmd.add(f.toAbsolutePath().toString()));
        Run r = run(dir, trust.environment(), cmd, 600);
        if (r.exit != 0) {
            throw new IllegalStateException("the reference validator failed:\n" + r.output);
        }
        Map<String, JsonNode> out = new LinkedHashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : r.output.split("\n")) {
            if (line.startsWith("{")) {
                JsonNode n = json.readTree(line);
                out.put(n.get("file").asString(), n);
            }
        }
        return out;
    }

    /** Trust configurations of the reference, as its README names them. */
    public record Trust(List<Path> anchors, Path allowed, Path ekuConfig) {

        public static Trust none() {
            return new Trust(List.of(), null, null);
        }

        /** The test roots of the corpus, plus any extra anchors (for instance a test TSA's root). */
        public static Trust testRoots(Path... extraAnchors) {
            Path t = SharedCorpus.corpus("c2pa/trust");
            List<Path> anchors = new ArrayList<>(List.of(t.resolve("test_cert_root_bundle.pem")));
            anchors.addAll(List.of(extraAnchors));
            return new Trust(anchors, t.resolve("test_allowed_list.pem"), t.resolve("test_store.cfg"));
        }

        Map<String, String> environment() {
            Map<String, String> env = new LinkedHashMap<>();
            if (!anchors.isEmpty()) {
                env.put("TRUST_PEM", String.join(",", anchors.stream().map(p -> p.toAbsolutePath().toString()).toList()));
            }
            if (allowed != null) {
                env.put("ALLOWED_PEM", allowed.toAbsolutePath().toString());
            }
            if (ekuConfig != null) {
                env.put("TRUST_CONFIG", ekuConfig.toAbsolutePath().toString());
            }
            return env;
        }
    }

    private record Run(int exit, String output) {
    }

    private static Run run(Path dir, Map<String, String> env, List<String> cmd, int seconds)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + cmd.getFirst() + " (Node.js 18+ with npm is needed for "
                    + "the reference peer): " + e.getMessage(), e);
        }
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(cmd + " did not finish in " + seconds + " s");
        }
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
