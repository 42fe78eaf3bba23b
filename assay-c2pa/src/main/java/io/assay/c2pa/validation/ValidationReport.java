package io.assay.c2pa.validation;

import io.assay.c2pa.manifest.ManifestStore;

import java.util.List;

/**
 * The validation of an asset's manifest store: the store as read, the active manifest's statuses, the ingredient
 * deltas and the overall state.
 */
public record ValidationReport(ManifestStore store, List<ValidationStatus> activeManifest,
                               List<IngredientDelta> ingredientDeltas, ValidationState state) {

    public ValidationReport {
        activeManifest = List.copyOf(activeManifest);
        ingredientDeltas = List.copyOf(ingredientDeltas);
    }

    public List<ValidationStatus> of(StatusKind kind) {
        return activeManifest.stream().filter(s -> s.kind() == kind).toList();
    }
}
