package io.assay.hash.bank;

import io.assay.core.analyzer.Analyzer;
import io.assay.core.analyzer.AnalyzerProvider;
import io.assay.core.analyzer.AnalyzerSettings;
import io.assay.core.media.AssetLimits;
import io.assay.hash.pdq.PdqHasher;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * Makes the {@code known-deepfake} analyzer from settings:
 * <ul>
 *   <li>{@code known-deepfake.bank}: comma-separated bank directories or signal-list files (see {@link BankDirectory});
 *   without it the analyzer still reports hashes, and matches nothing;</li>
 *   <li>{@code known-deepfake.pdq-distance} (default 31), {@code known-deepfake.pdq-quality} (default 50),
 *   {@code known-deepfake.dihedral} (default true): thresholds for those banks;</li>
 *   <li>{@code known-deepfake.pdq-preparation}: {@code reference} (default: bit-identical to the C++ hasher) or
 *   {@code full-resolution} (HMA's Python hasher).</li>
 * </ul>
 * The server builds this analyzer itself, over the banks it keeps in PostgreSQL.
 */
public final class KnownDeepfakeAnalyzerProvider implements AnalyzerProvider {

    static final Set<String> KEYS = Set.of("bank", "pdq-distance", "pdq-quality", "dihedral", "pdq-preparation",
            "always");

    @Override
    public String name() {
        return KnownDeepfakeAnalyzer.NAME;
    }

    @Override
    public Analyzer create(AnalyzerSettings settings) throws IOException {
        settings.requireKnown(KnownDeepfakeAnalyzer.NAME, KEYS);
        MediaSignals signals = new MediaSignals(new PdqHasher(preparation(settings), AssetLimits.DEFAULT.maxPixels()));
        SignalBank bank = new SignalBank();
        MatchThresholds t = thresholds(settings);
        BankDirectory loader = new BankDirectory(signals, AssetLimits.DEFAULT);
        for (Path p : settings.paths(KnownDeepfakeAnalyzer.NAME + ".bank")) {
            loader.load(p, bank, t);
        }
        return new KnownDeepfakeAnalyzer(signals, bank, always(settings));
    }

    /** {@code known-deepfake.always}: signal types computed for every upload (default {@code pdq}). */
    public static java.util.Set<io.assay.hash.SignalType> always(AnalyzerSettings s) {
        java.util.Set<io.assay.hash.SignalType> out = java.util.EnumSet.of(io.assay.hash.SignalType.PDQ);
        String v = s.get(KnownDeepfakeAnalyzer.NAME + ".always").orElse("pdq");
        for (String part : v.split(",")) {
            if (!part.isBlank()) {
                out.add(io.assay.hash.SignalType.parse(part.strip()));
            }
        }
        return out;
    }

    static PdqHasher.Preparation preparation(AnalyzerSettings s) {
        String v = s.get(KnownDeepfakeAnalyzer.NAME + ".pdq-preparation").orElse("reference");
        return switch (v) {
            case "reference" -> PdqHasher.Preparation.REFERENCE;
            case "full-resolution" -> PdqHasher.Preparation.FULL_RESOLUTION;
            default -> throw new IllegalArgumentException(KnownDeepfakeAnalyzer.NAME
                    + ".pdq-preparation must be reference or full-resolution, not '" + v + "'");
        };
    }

    static MatchThresholds thresholds(AnalyzerSettings s) {
        MatchThresholds d = MatchThresholds.DEFAULTS;
        int distance = integer(s, "pdq-distance", d.pdqDistance());
        int quality = integer(s, "pdq-quality", d.pdqQuality());
        String dih = s.get(KnownDeepfakeAnalyzer.NAME + ".dihedral").orElse("true");
        if (!dih.equals("true") && !dih.equals("false")) {
            throw new IllegalArgumentException(KnownDeepfakeAnalyzer.NAME + ".dihedral must be true or false, not '" + dih + "'");
        }
        return new MatchThresholds(distance, quality, d.vpdqDistance(), d.vpdqQuality(), d.vpdqQueryPct(),
                d.vpdqTargetPct(), d.audioMaxBer(), Boolean.parseBoolean(dih));
    }

    private static int integer(AnalyzerSettings s, String key, int dflt) {
        String v = s.get(KnownDeepfakeAnalyzer.NAME + "." + key).orElse(null);
        if (v == null) {
            return dflt;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(KnownDeepfakeAnalyzer.NAME + "." + key + " must be a whole number, not '" + v + "'");
        }
    }
}
