package io.assay.hash.video;

import io.assay.core.testing.SharedCorpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The shared video corpus ({@code shared/corpus/video}): names, reference hashes, expected pair scores. */
final class VpdqCorpus {

    static final Path ROOT = SharedCorpus.corpus("video");

    static final List<String> VIDEOS = List.of("chair-19-sd-bar", "chair-22-with-large-logo-bar",
            "chair-22-with-small-logo-bar", "chair-orig-22-sd-bar", "pattern-hd-no-bar", "pattern-sd-grey-bar");

    /** One row of expected-vpdq-pairs.csv. */
    record Pair(String query, String target, String queryPct, String targetPct, boolean match,
                String recomputedQueryPct, String recomputedTargetPct, boolean recomputedMatch) {
    }

    private VpdqCorpus() {
    }

    static Path video(String name) {
        return ROOT.resolve("videos").resolve(name + ".mp4");
    }

    static VpdqHash reference(String name) {
        return read(ROOT.resolve("vpdq").resolve(name + ".txt"));
    }

    static VpdqHash recomputed(String name) {
        return read(ROOT.resolve("vpdq-recomputed").resolve(name + ".txt"));
    }

    private static VpdqHash read(Path p) {
        try {
            return VpdqHash.read(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Pair> pairs() {
        try {
            List<String> lines = Files.readAllLines(ROOT.resolve("expected-vpdq-pairs.csv"));
            if (!lines.get(0).equals("query,target,query_pct,target_pct,match,recomputed_query_pct,"
                    + "recomputed_target_pct,recomputed_match")) {
                throw new IllegalStateException("unexpected header: " + lines.get(0));
            }
            return lines.subList(1, lines.size()).stream().filter(l -> !l.isBlank()).map(l -> {
                String[] f = l.split(",");
                return new Pair(f[0], f[1], f[2], f[3], Boolean.parseBoolean(f[4]), f[5], f[6],
                        Boolean.parseBoolean(f[7]));
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What C's {@code printf("%0.2f")} prints: the exact binary value rounded half-even. */
    static String pct(double v) {
        return new BigDecimal(v).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }
}
