package io.assay.server.scan;

import io.assay.core.analyzer.Analyzer;
import io.assay.hash.bank.KnownDeepfakeAnalyzer;
import io.assay.hash.bank.MediaSignals;
import io.assay.hash.bank.SignalBank;
import io.assay.hash.pdq.PdqHasher;
import java.util.List;

import io.assay.core.analyzer.AnalyzerSettings;
import io.assay.core.media.AssetLimits;
import io.assay.core.policy.PolicyConfig;
import io.assay.core.policy.PolicyLoader;
import io.assay.core.scan.ScanPipeline;
import io.assay.server.AssayProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;

/** The one scan pipeline the server runs: every installed analyzer, and the configured label policy. */
@Configuration(proxyBeanMethods = false)
public class PipelineConfig {

    private static final Logger log = LoggerFactory.getLogger(PipelineConfig.class);

    @Bean
    PolicyConfig policyConfig(AssayProperties props) throws IOException {
        PolicyConfig config = props.policy().file() != null ? PolicyLoader.load(props.policy().file()) : PolicyLoader.defaults();
        if (props.policy().incidentMode() != null) {
            config = config.withIncidentMode(props.policy().incidentMode());
        }
        if (props.demo() && config.elections().isEmpty()) {
            config = config.withElections(io.assay.server.demo.DemoData.ELECTIONS);
        }
        log.info("Label policy '{}' (incident mode {}), {} watched election(s)", config.name(),
                config.incidentMode() ? "on" : "off", config.elections().size());
        return config;
    }

    /** The policy in effect: the configured one, with incident mode as last switched at runtime. */
    @Bean
    LivePolicy livePolicy(PolicyConfig policy, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        return new LivePolicy(policy, jdbc);
    }

    @Bean(destroyMethod = "close")
    ScanPipeline scanPipeline(LivePolicy policy, AssayProperties props, SignalBank banks, MediaSignals signals) {
        // The known-deepfake analyzer matches against the server's live banks (PostgreSQL-backed), not a folder.
        List<Analyzer> analyzers = KnownDeepfakeAnalyzer.installedOver(banks, signals, new AnalyzerSettings(props.analyzers()));
        ScanPipeline pipeline = new ScanPipeline(analyzers, policy, props.analyzerTimeout(), java.time.Clock.systemUTC());
        log.info("Analyzers: {}", pipeline.analyzers().stream().map(a -> a.name()).toList());
        return pipeline;
    }

    /** The in-memory matcher over every bank; {@link io.assay.server.bank.BankService} keeps it in step with the database. */
    @Bean
    SignalBank signalBank() {
        return new SignalBank();
    }

    @Bean
    MediaSignals mediaSignals(AssetLimits limits) {
        return new MediaSignals(new PdqHasher(PdqHasher.Preparation.REFERENCE, limits.maxPixels()));
    }

    @Bean
    AssetLimits assetLimits(AssayProperties props) {
        return new AssetLimits(props.limits().maxUpload().toBytes(), props.limits().maxPixels());
    }
}
