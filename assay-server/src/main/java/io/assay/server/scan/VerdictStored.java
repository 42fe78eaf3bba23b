package io.assay.server.scan;

import io.assay.core.scan.Verdict;

/** Published (Spring application event) after a scan's verdict is stored, for components that pass verdicts on. */
public record VerdictStored(Verdict verdict) {
}
