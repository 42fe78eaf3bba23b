package io.assay.core.policy;

import java.util.List;

/** What the label policy concluded from a scan's evidence and context. */
public record Decision(
        Label label,
        String digitalSourceType,
        ElectionRisk electionRisk,
        Action action,
        Priority priority,
        List<String> reasons) {

    public Decision {
        reasons = List.copyOf(reasons);
    }
}
