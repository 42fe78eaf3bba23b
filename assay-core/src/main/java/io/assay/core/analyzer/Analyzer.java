package io.assay.core.analyzer;

import io.assay.core.evidence.Evidence;
import io.assay.core.media.MediaAsset;
import io.assay.core.media.MediaType;
import io.assay.core.scan.ScanContext;

import java.util.List;

/**
 * A source of signals about an asset. Analyzers only report evidence; they never decide a label (that is the
 * label policy's job alone). An analyzer must be thread-safe: one instance serves concurrent scans.
 *
 * <p>Implementations must bound their own memory by the asset's structure, not its size, and may be interrupted
 * when the pipeline's time budget runs out.
 */
public interface Analyzer {

    /** A short stable name, used as {@link Evidence#source()} and in timings (e.g. {@code metadata}). */
    String name();

    /** Whether this analyzer has anything to say about assets of this type. */
    boolean supports(MediaType type);

    /**
     * Examines the asset. Throwing is allowed and is reported as an {@link AnalyzerFailure} in the verdict; the
     * other analyzers' evidence is kept.
     */
    List<Evidence> analyze(MediaAsset asset, ScanContext context) throws Exception;
}
