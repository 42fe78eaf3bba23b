package io.assay.watermark;

import io.assay.core.analyzer.Analyzer;
import io.assay.core.analyzer.AnalyzerProvider;
import io.assay.core.analyzer.AnalyzerSettings;
import io.assay.watermark.assay.AssayDetector;
import io.assay.watermark.assay.AssayWatermarkKey;
import io.assay.watermark.dwtdct.DwtDctDetector;
import io.assay.watermark.dwtdct.KnownDwtDctMark;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * Makes the {@code watermark} analyzer from settings (all optional):
 * <ul>
 *   <li>{@code watermark.key}: passphrase of the Assay mark's key (default: the public
 *   {@link AssayWatermarkKey#DEFAULT}, which anyone can use);</li>
 *   <li>{@code watermark.min-sync-score}: Assay sync z-score threshold (default 7.0);</li>
 *   <li>{@code watermark.dwtdct-threshold} (default 0.70, for the 136-bit SD 1.x payload) and
 *   {@code watermark.dwtdct-threshold-short} (default 0.80, for the 48-bit SDXL payload): minimum bit accuracy;</li>
 *   <li>{@code watermark.schemes}: {@code assay,dwtDct} (default), or one of them;</li>
 *   <li>{@code watermark.max-pixels}: larger images are refused (default 100,000,000);</li>
 *   <li>{@code watermark.full-decode-pixels}: larger images are decoded subsampled and only checked for the Assay
 *   mark (default 16,777,216).</li>
 * </ul>
 */
public final class WatermarkAnalyzerProvider implements AnalyzerProvider {

    static final Set<String> KEYS = Set.of("key", "min-sync-score", "dwtdct-threshold", "dwtdct-threshold-short",
            "schemes", "max-pixels", "full-decode-pixels");
    public static final long DEFAULT_MAX_PIXELS = 100_000_000L;
    public static final long DEFAULT_FULL_DECODE_PIXELS = 1L << 24;

    @Override
    public String name() {
        return WatermarkAnalyzer.NAME;
    }

    @Override
    public Analyzer create(AnalyzerSettings settings) {
        String p = WatermarkAnalyzer.NAME + ".";
        settings.requireKnown(WatermarkAnalyzer.NAME, KEYS);
        AssayWatermarkKey key = settings.get(p + "key").map(AssayWatermarkKey::fromPassphrase).orElse(AssayWatermarkKey.DEFAULT);
        double sync = number(settings, "min-sync-score", AssayDetector.DEFAULT_MIN_SYNC_SCORE, 3, 100);
        double tLong = number(settings, "dwtdct-threshold", DwtDctDetector.DEFAULT_THRESHOLDS.get(136), 0.5, 1);
        double tShort = number(settings, "dwtdct-threshold-short", DwtDctDetector.DEFAULT_THRESHOLDS.get(48), 0.5, 1);
        long max = (long) number(settings, "max-pixels", DEFAULT_MAX_PIXELS, 65_536, 1e10);
        long full = (long) number(settings, "full-decode-pixels", DEFAULT_FULL_DECODE_PIXELS, 65_536, 1e10);
        Set<String> schemes = settings.get(p + "schemes")
                .map(v -> Set.copyOf(Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                        .map(s -> s.toLowerCase(Locale.ROOT)).toList()))
                .orElse(Set.of("assay", "dwtdct"));
        for (String s : schemes) {
            if (!s.equals("assay") && !s.equals("dwtdct")) {
                throw new IllegalArgumentException(p + "schemes takes assay and/or dwtDct, not '" + s + "'");
            }
        }
        if (schemes.isEmpty()) {
            throw new IllegalArgumentException(p + "schemes is empty");
        }
        WatermarkDetector detector = new WatermarkDetector(new AssayDetector(key, sync),
                new DwtDctDetector(KnownDwtDctMark.DEFAULTS, tLong, tShort));
        return new WatermarkAnalyzer(detector, max, full, schemes.contains("assay"), schemes.contains("dwtdct"));
    }

    private static double number(AnalyzerSettings s, String key, double dflt, double min, double max) {
        String v = s.get(WatermarkAnalyzer.NAME + "." + key).orElse(null);
        if (v == null) {
            return dflt;
        }
        double d;
        try {
            d = Double.parseDouble(v.strip().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(WatermarkAnalyzer.NAME + "." + key + " must be a number, not '" + v + "'");
        }
        if (!(d >= min && d <= max)) {
            throw new IllegalArgumentException(WatermarkAnalyzer.NAME + "." + key + " must be within " + min + ".." + max + ": " + v);
        }
        return d;
    }
}
