package io.assay.core.policy;

import io.assay.core.evidence.Assurance;
import io.assay.core.evidence.DigitalSourceType;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A label policy as written in its YAML file (see {@code default-policy.yaml} for every field, documented).
 *
 * @param name                       a name for this policy, shown in verdict reasons
 * @param incidentMode               election incident mode: use {@code incidentActions} instead of {@code actions}
 * @param sourceTypeLabels           the label each digital source type implies (types not listed imply none)
 * @param minimumAssuranceForAi      the least assurance an AI declaration needs to set a label
 * @param minimumAssuranceForCapture the least assurance a capture declaration needs to overrule a detector
 * @param likelyAiThreshold          the detector score from which a detection counts
 * @param actions                    per election risk, the action for each label
 * @param incidentActions            the same table, in force while incident mode is on
 * @param elections                  the election watch list
 */
public record PolicyConfig(
        String name,
        boolean incidentMode,
        Map<DigitalSourceType, Label> sourceTypeLabels,
        Assurance minimumAssuranceForAi,
        Assurance minimumAssuranceForCapture,
        double likelyAiThreshold,
        Map<ElectionRisk, Map<Label, Action>> actions,
        Map<ElectionRisk, Map<Label, Action>> incidentActions,
        List<WatchedElection> elections) {

    public PolicyConfig {
        sourceTypeLabels = Map.copyOf(sourceTypeLabels);
        actions = copyTable(actions, "actions");
        incidentActions = copyTable(incidentActions, "incident.actions");
        elections = List.copyOf(elections);
        if (likelyAiThreshold <= 0 || likelyAiThreshold > 1) {
            throw new IllegalArgumentException("detectors.likelyAiThreshold must be within (0, 1]: " + likelyAiThreshold);
        }
    }

    private static Map<ElectionRisk, Map<Label, Action>> copyTable(Map<ElectionRisk, Map<Label, Action>> table, String what) {
        Map<ElectionRisk, Map<Label, Action>> copy = new EnumMap<>(ElectionRisk.class);
        for (ElectionRisk risk : ElectionRisk.values()) {
            Map<Label, Action> row = table.get(risk);
            if (row == null) {
                throw new IllegalArgumentException(what + " has no row for election risk '" + risk.id() + "'");
            }
            for (Label label : Label.values()) {
                if (!row.containsKey(label)) {
                    throw new IllegalArgumentException(what + "." + risk.id() + " has no action for label '" + label.id() + "'");
                }
            }
            copy.put(risk, Map.copyOf(row));
        }
        return Map.copyOf(copy);
    }

    public PolicyConfig withIncidentMode(boolean on) {
        return new PolicyConfig(name, on, sourceTypeLabels, minimumAssuranceForAi, minimumAssuranceForCapture,
                likelyAiThreshold, actions, incidentActions, elections);
    }

    public PolicyConfig withElections(List<WatchedElection> watch) {
        return new PolicyConfig(name, incidentMode, sourceTypeLabels, minimumAssuranceForAi, minimumAssuranceForCapture,
                likelyAiThreshold, actions, incidentActions, watch);
    }
}
