package io.assay.core.analyzer;

/** An analyzer that could not finish; the verdict is built from the others and names this one. */
public record AnalyzerFailure(String analyzer, String message) {
}
