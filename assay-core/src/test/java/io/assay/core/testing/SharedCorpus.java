package io.assay.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the shared test corpus, which lives beside the repository as {@code ../shared} (it is not copied into
 * the project). Set {@code ASSAY_SHARED} to use another location.
 */
public final class SharedCorpus {

    private SharedCorpus() {
    }

    /** The repository root: the nearest directory above the working directory that holds {@code .mvn/}. */
    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve(".mvn")) && Files.isRegularFile(p.resolve("mvnw"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the repository root (a directory with .mvn/ and mvnw) above " + dir);
    }

    /** The {@code shared/} folder, failing with a clear message when it is missing. */
    public static Path root() {
        String env = System.getenv("ASSAY_SHARED");
        Path shared = env != null && !env.isBlank() ? Path.of(env) : repositoryRoot().resolveSibling("shared");
        if (!Files.isDirectory(shared.resolve("corpus"))) {
            throw new IllegalStateException("the shared test corpus is missing: expected " + shared.toAbsolutePath().normalize()
                    + "/corpus (the folder 'shared' must sit beside the repository, or set ASSAY_SHARED)");
        }
        return shared;
    }

    /** A folder or file under {@code shared/corpus/}. */
    public static Path corpus(String relative) {
        Path p = root().resolve("corpus").resolve(relative);
        if (!Files.exists(p)) {
            throw new IllegalStateException("missing from the shared corpus: " + p.toAbsolutePath().normalize());
        }
        return p;
    }
}
