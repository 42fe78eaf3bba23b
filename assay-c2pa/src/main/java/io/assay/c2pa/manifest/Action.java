package io.assay.c2pa.manifest;

import java.util.Map;
import java.util.Optional;

/**
 * One action of a {@code c2pa.actions} assertion.
 *
 * @param action            the action name, e.g. {@code c2pa.created}
 * @param digitalSourceType the IPTC digital source type IRI the action declares
 * @param softwareAgent     the tool that acted (a string in v1, generator info in v2)
 * @param when              the timestamp, as written
 * @param parameters        the action's parameters, as plain Java values
 */
public record Action(String action, Optional<String> digitalSourceType, Optional<GeneratorInfo> softwareAgent,
                     Optional<String> when, Map<String, Object> parameters) {

    public Action {
        parameters = parameters == null ? Map.of() : parameters;
    }
}
