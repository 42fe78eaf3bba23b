package io.assay.core.analyzer;

/**
 * Makes an analyzer from settings. A module whose analyzer needs configuration (trust lists, thresholds) registers a
 * provider in {@code META-INF/services/io.assay.core.analyzer.AnalyzerProvider}; one that needs none may register the
 * analyzer itself in {@code META-INF/services/io.assay.core.analyzer.Analyzer}.
 */
public interface AnalyzerProvider {

    /** The name of the analyzer it makes, which is also its settings prefix. */
    String name();

    Analyzer create(AnalyzerSettings settings) throws Exception;
}
