package io.assay.cli;

import io.assay.core.analyzer.InstalledAnalyzers;
import io.assay.core.media.AssetLimits;
import io.assay.core.policy.LabelPolicy;
import io.assay.core.policy.PolicyConfig;
import io.assay.core.policy.PolicyLoader;
import io.assay.core.scan.ScanContext;
import io.assay.core.scan.ScanPipeline;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Policy, limits and request context shared by the commands that scan. */
final class ScanOptions {

    @Option(names = "--policy", paramLabel = "FILE", description = "Label policy YAML (default: the built-in policy).")
    Path policy;

    @Option(names = "--incident-mode", description = "Election incident mode: the policy's stricter actions.")
    boolean incidentMode;

    @Option(names = "--max-bytes", paramLabel = "N", description = "Largest file accepted (default: ${DEFAULT-VALUE}).",
            defaultValue = "2147483648")
    long maxBytes;

    @Option(names = "--max-pixels", paramLabel = "N", description = "Largest image accepted, in pixels (default: ${DEFAULT-VALUE}).",
            defaultValue = "200000000")
    long maxPixels;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Analyzer time budget per file (default: ${DEFAULT-VALUE}).",
            defaultValue = "10")
    int timeoutSeconds;

    @Option(names = "--analyzer-setting", paramLabel = "KEY=VALUE",
            description = "An analyzer setting (repeatable), e.g. c2pa.trust=none, c2pa.trust-anchors=roots.pem.")
    java.util.Map<String, String> analyzerSettings = new java.util.LinkedHashMap<>();

    @Option(names = "--models", paramLabel = "DIR",
            description = "A folder of deepfake-detector models with their model cards (*.card.yaml); "
                    + "same as --analyzer-setting detect.models-dir=DIR.")
    Path models;

    @Option(names = "--bank", paramLabel = "DIR",
            description = "A bank of known deepfakes (repeatable): a folder of media and .tsv signal lists, or one such file.")
    List<Path> banks = new ArrayList<>();

    @Option(names = "--platform", description = "Context: the platform the media was posted on.")
    String platform;
    @Option(names = "--account", description = "Context: the posting account.")
    String account;
    @Option(names = "--post-id", description = "Context: the post's id.")
    String postId;
    @Option(names = "--caption", description = "Context: the text posted with the media.")
    String caption;
    @Option(names = "--election", description = "Context: an election id the post relates to.")
    String election;
    @Option(names = "--region", description = "Context: the audience's region (ISO 3166 code).")
    String region;
    @Option(names = "--candidate", description = "Context: a tagged candidate (repeatable).")
    List<String> candidates = new ArrayList<>();

    AssetLimits limits() {
        return new AssetLimits(maxBytes, maxPixels);
    }

    ScanContext context() {
        return new ScanContext(platform, account, postId, caption, election, region, candidates);
    }

    ScanPipeline pipeline() throws IOException {
        PolicyConfig config = policy != null ? PolicyLoader.load(policy) : PolicyLoader.defaults();
        if (incidentMode) {
            config = config.withIncidentMode(true);
        }
        java.util.Map<String, String> settings = new java.util.LinkedHashMap<>(analyzerSettings);
        if (!banks.isEmpty()) {
            settings.merge("known-deepfake.bank", String.join(",", banks.stream().map(Path::toString).toList()),
                    (a, b) -> a + "," + b);
        }
        if (models != null) {
            String before = settings.putIfAbsent("detect.models-dir", models.toString());
            if (before != null && !before.equals(models.toString())) {
                throw new IllegalArgumentException("--models " + models + " and --analyzer-setting detect.models-dir="
                        + before + " disagree; give one");
            }
        }
        return new ScanPipeline(InstalledAnalyzers.load(new io.assay.core.analyzer.AnalyzerSettings(settings)),
                new LabelPolicy(config), Duration.ofSeconds(timeoutSeconds));
    }
}
