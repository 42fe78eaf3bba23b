package io.assay.core.analyzer;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Settings for analyzers, as flat {@code analyzer.key=value} pairs (for example {@code c2pa.trust-anchors=a.pem,b.pem}),
 * from the server's {@code assay.analyzers.*} properties or the CLI's {@code --analyzer-setting}. Each analyzer reads
 * its own prefix and rejects keys it does not know, so a typo is an error, not a silent default.
 */
public record AnalyzerSettings(Map<String, String> values) {

    public static final AnalyzerSettings NONE = new AnalyzerSettings(Map.of());

    public AnalyzerSettings {
        values = Map.copyOf(values);
    }

    /** The settings under {@code prefix.}, with the prefix removed. */
    public Map<String, String> under(String prefix) {
        Map<String, String> out = new TreeMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(prefix + ".")) {
                out.put(k.substring(prefix.length() + 1), v);
            }
        });
        return out;
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** A comma-separated list of paths; empty when the key is absent. */
    public List<Path> paths(String key) {
        return get(key).map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Path::of).toList())
                .orElse(List.of());
    }

    /** Fails on keys under {@code prefix.} that are not in {@code known}. */
    public void requireKnown(String prefix, java.util.Set<String> known) {
        for (String k : under(prefix).keySet()) {
            if (!known.contains(k)) {
                throw new IllegalArgumentException("unknown analyzer setting '" + prefix + "." + k + "' (known: "
                        + String.join(", ", new java.util.TreeSet<>(known).stream().map(s -> prefix + "." + s).toList()) + ")");
            }
        }
    }
}
