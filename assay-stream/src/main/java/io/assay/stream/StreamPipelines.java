package io.assay.stream;

import io.assay.core.analyzer.Analyzer;
import io.assay.core.analyzer.AnalyzerSettings;
import io.assay.core.media.AssetLimits;
import io.assay.core.policy.LabelPolicy;
import io.assay.core.policy.PolicyConfig;
import io.assay.core.scan.ScanPipeline;
import io.assay.hash.bank.KnownDeepfakeAnalyzer;
import io.assay.hash.bank.MediaSignals;
import io.assay.hash.bank.SignalBank;
import io.assay.hash.pdq.PdqHasher;

import java.time.Duration;
import java.util.List;

/**
 * The scan pipeline a stream instance runs: the installed analyzers, as the CLI and the server load them, with the
 * known-deepfake analyzer replaced by one over the instance's live {@link SignalBank} (kept in step with the signals
 * topic), as the server does over its database-backed bank.
 */
public final class StreamPipelines {

    private StreamPipelines() {
    }

    public static ScanPipeline create(AnalyzerSettings settings, PolicyConfig policy, Duration analyzerTimeout,
                                      AssetLimits limits, SignalBank bank) {
        MediaSignals signals = new MediaSignals(new PdqHasher(PdqHasher.Preparation.REFERENCE, limits.maxPixels()));
        List<Analyzer> analyzers = KnownDeepfakeAnalyzer.installedOver(bank, signals, settings);
        return new ScanPipeline(analyzers, new LabelPolicy(policy), analyzerTimeout);
    }
}
