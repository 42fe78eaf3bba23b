package io.assay.c2pa.validation;

import io.assay.c2pa.C2paContents;
import io.assay.c2pa.manifest.Manifest;

import java.util.List;

/**
 * Validates the ingredients of a manifest, recursively: each ingredient's manifest in the store gets the credential
 * and hashed-URI checks, and its statuses are reported as an ingredient delta; problems of the ingredient references
 * themselves go to the parent's log.
 */
public interface IngredientCheck {

    List<IngredientDelta> check(C2paContents contents, Manifest manifest, TrustSettings trust, ValidationLog parentLog);
}
