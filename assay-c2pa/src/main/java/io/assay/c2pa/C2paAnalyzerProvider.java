package io.assay.c2pa;

import io.assay.c2pa.validation.TrustSettings;
import io.assay.c2pa.validation.credential.TrustLists;
import io.assay.core.analyzer.Analyzer;
import io.assay.core.analyzer.AnalyzerProvider;
import io.assay.core.analyzer.AnalyzerSettings;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Makes the {@code c2pa} analyzer from settings:
 * <ul>
 *   <li>{@code c2pa.trust}: {@code default} (the shipped C2PA and interim trust lists), {@code none} (signatures and
 *       bindings only), or {@code custom} (the lists below); default {@code default}, or {@code custom} when a list
 *       is given;</li>
 *   <li>{@code c2pa.trust-anchors}, {@code c2pa.allowed-list}, {@code c2pa.tsa-trust}: comma-separated PEM files;</li>
 *   <li>{@code c2pa.eku-config}: allowed extended key usages, one OID per line.</li>
 * </ul>
 */
public final class C2paAnalyzerProvider implements AnalyzerProvider {

    static final Set<String> KEYS = Set.of("trust", "trust-anchors", "allowed-list", "tsa-trust", "eku-config");

    @Override
    public String name() {
        return C2paAnalyzer.NAME;
    }

    @Override
    public Analyzer create(AnalyzerSettings settings) throws IOException {
        settings.requireKnown(C2paAnalyzer.NAME, KEYS);
        return new C2paAnalyzer(trust(settings));
    }

    static TrustSettings trust(AnalyzerSettings s) throws IOException {
        List<Path> anchors = s.paths("c2pa.trust-anchors");
        List<Path> allowed = s.paths("c2pa.allowed-list");
        List<Path> tsa = s.paths("c2pa.tsa-trust");
        Path eku = s.get("c2pa.eku-config").map(Path::of).orElse(null);
        boolean lists = !anchors.isEmpty() || !allowed.isEmpty() || !tsa.isEmpty() || eku != null;
        String mode = s.get("c2pa.trust").orElse(lists ? "custom" : "default");
        return switch (mode) {
            case "default" -> {
                if (lists) {
                    throw new IllegalArgumentException("c2pa.trust=default takes no trust lists; use c2pa.trust=custom");
                }
                yield TrustLists.defaults();
            }
            case "none" -> TrustSettings.noTrust();
            case "custom" -> TrustLists.custom(anchors, allowed, eku, tsa);
            default -> throw new IllegalArgumentException("c2pa.trust must be default, none or custom, not '" + mode + "'");
        };
    }
}
