package io.assay.c2pa.report;

import io.assay.c2pa.C2paException;
import io.assay.c2pa.manifest.Assertion;
import io.assay.c2pa.manifest.Cbor;
import io.assay.c2pa.manifest.GeneratorInfo;
import io.assay.c2pa.manifest.Ingredient;
import io.assay.c2pa.manifest.Manifest;
import io.assay.c2pa.signature.SignerInfo;
import io.assay.c2pa.validation.IngredientDelta;
import io.assay.c2pa.validation.StatusKind;
import io.assay.c2pa.validation.ValidationReport;
import io.assay.c2pa.validation.ValidationStatus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validation report as a tree of maps and lists with the shape and field names of the reference SDK's reader JSON
 * ({@code active_manifest}, {@code manifests}, {@code validation_results.activeManifest.{success,informational,
 * failure}}, {@code validation_results.ingredientDeltas}, {@code validation_state}), so that tools written for the
 * reference can read it. Serialise it with any JSON library.
 */
public final class ReaderReport {

    private ReaderReport() {
    }

    public static Map<String, Object> of(ValidationReport report) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("active_manifest", report.store().activeManifest().label());
        Map<String, Object> manifests = new LinkedHashMap<>();
        for (Manifest m : report.store().manifests()) {
            manifests.put(m.label(), manifest(m));
        }
        root.put("manifests", manifests);
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("activeManifest", lists(report.activeManifest()));
        List<Object> deltas = new ArrayList<>();
        for (IngredientDelta d : report.ingredientDeltas()) {
            Map<String, Object> delta = new LinkedHashMap<>();
            delta.put("ingredientAssertionURI", d.ingredientAssertionUri());
            delta.put("validationDeltas", lists(d.statuses()));
            deltas.add(delta);
        }
        results.put("ingredientDeltas", deltas);
        root.put("validation_results", results);
        root.put("validation_state", report.state().name());
        return root;
    }

    private static Map<String, Object> manifest(Manifest m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.claim().claimGenerator().ifPresent(g -> out.put("claim_generator", g));
        if (!m.claim().generatorInfo().isEmpty()) {
            List<Object> infos = new ArrayList<>();
            for (GeneratorInfo g : m.claim().generatorInfo()) {
                Map<String, Object> info = new LinkedHashMap<>();
                info.put("name", g.name());
                g.version().ifPresent(v -> info.put("version", v));
                infos.add(info);
            }
            out.put("claim_generator_info", infos);
        }
        m.claim().title().ifPresent(t -> out.put("title", t));
        m.claim().format().ifPresent(f -> out.put("format", f));
        m.claim().instanceId().ifPresent(i -> out.put("instance_id", i));
        try {
            List<Object> ingredients = new ArrayList<>();
            for (Ingredient i : m.ingredients()) {
                Map<String, Object> ing = new LinkedHashMap<>();
                i.title().ifPresent(t -> ing.put("title", t));
                i.format().ifPresent(f -> ing.put("format", f));
                i.instanceId().ifPresent(id -> ing.put("instance_id", id));
                ing.put("relationship", i.relationship());
                i.manifest().flatMap(h -> h.manifestLabel()).ifPresent(l -> ing.put("active_manifest", l));
                ing.put("label", i.label());
                ingredients.add(ing);
            }
            out.put("ingredients", ingredients);
        } catch (C2paException e) {
            out.put("ingredients_error", e.getMessage());
        }
        List<Object> assertions = new ArrayList<>();
        for (Assertion a : m.assertions().values()) {
            if (a.baseLabel().startsWith("c2pa.ingredient") || a.baseLabel().startsWith("c2pa.hash.")
                    || a.baseLabel().startsWith("c2pa.thumbnail")) {
                continue; // reported elsewhere (ingredients), or bindings and binary data the reference leaves out too
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("label", a.label());
            try {
                a.data().ifPresent(d -> entry.put("data", Cbor.toJava(d)));
            } catch (C2paException e) {
                entry.put("data_error", e.getMessage());
            }
            if (a.kind() == Assertion.Kind.JSON) {
                entry.put("kind", "Json");
            }
            assertions.add(entry);
        }
        out.put("assertions", assertions);
        try {
            SignerInfo s = m.signer();
            Map<String, Object> sig = new LinkedHashMap<>();
            sig.put("alg", s.alg());
            s.organization().ifPresent(o -> sig.put("issuer", o));
            s.commonName().ifPresent(cn -> sig.put("common_name", cn));
            sig.put("cert_serial_number", s.serialNumber());
            out.put("signature_info", sig);
        } catch (C2paException e) {
            out.put("signature_info_error", e.getMessage());
        }
        out.put("label", m.label());
        out.put("claim_version", m.claim().version());
        return out;
    }

    private static Map<String, Object> lists(List<ValidationStatus> statuses) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("success", entries(statuses, StatusKind.SUCCESS));
        out.put("informational", entries(statuses, StatusKind.INFORMATIONAL));
        out.put("failure", entries(statuses, StatusKind.FAILURE));
        return out;
    }

    private static List<Object> entries(List<ValidationStatus> statuses, StatusKind kind) {
        List<Object> out = new ArrayList<>();
        for (ValidationStatus s : statuses) {
            if (s.kind() != kind) {
                continue;
            }
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("code", s.code());
            if (s.url() != null) {
                e.put("url", s.url());
            }
            if (s.explanation() != null) {
                e.put("explanation", s.explanation());
            }
            out.add(e);
        }
        return out;
    }
}
