package io.assay.c2pa.validation;

import java.util.List;

/**
 * The validation results of one ingredient's manifest, reported apart from the active manifest's own
 * ({@code validation_results.ingredientDeltas} in the reference).
 *
 * @param ingredientAssertionUri the JUMBF URI of the ingredient assertion
 * @param statuses               the ingredient manifest's statuses
 */
public record IngredientDelta(String ingredientAssertionUri, List<ValidationStatus> statuses) {

    public IngredientDelta {
        statuses = List.copyOf(statuses);
    }

    public List<ValidationStatus> failures() {
        return statuses.stream().filter(s -> s.kind() == StatusKind.FAILURE).toList();
    }
}
