package io.assay.c2pa;

import io.assay.c2pa.container.Extractors;
import io.assay.c2pa.manifest.Action;
import io.assay.c2pa.manifest.Actions;
import io.assay.c2pa.manifest.Manifest;
import io.assay.c2pa.manifest.ManifestStore;
import io.assay.c2pa.signature.SignerInfo;
import io.assay.c2pa.validation.C2paValidator;
import io.assay.c2pa.validation.StatusKind;
import io.assay.c2pa.validation.TrustSettings;
import io.assay.c2pa.validation.ValidationReport;
import io.assay.c2pa.validation.ValidationStatus;
import io.assay.c2pa.validation.Validators;
import io.assay.c2pa.validation.credential.TrustLists;
import io.assay.core.analyzer.Analyzer;
import io.assay.core.evidence.Assurance;
import io.assay.core.evidence.DigitalSourceType;
import io.assay.core.evidence.Evidence;
import io.assay.core.evidence.EvidenceKind;
import io.assay.core.media.MediaAsset;
import io.assay.core.media.MediaType;
import io.assay.core.scan.ScanContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reports what an asset's Content Credentials say and whether they hold: the manifest store, who signed it and the
 * validation state, each digital source type the active manifest's actions declare, and any remote manifest
 * reference. A declaration's assurance follows the validation: {@code signed-trusted} for a Trusted manifest,
 * {@code signed} for a Valid one (signer on no configured trust list), {@code signed-invalid} when a signature,
 * binding or hashed URI failed. Thread-safe.
 */
public final class C2paAnalyzer implements Analyzer {

    public static final String NAME = "c2pa";
    static final double DECLARATION_CONFIDENCE = 0.9;

    private final C2paValidator validator;

    /** Validates against the shipped trust lists (the official C2PA trust list and the interim trust list). */
    public C2paAnalyzer() {
        this(TrustLists.defaults());
    }

    public C2paAnalyzer(TrustSettings trust) {
        this.validator = Validators.standard(trust);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean supports(MediaType type) {
        return Extractors.forType(type).isPresent();
    }

    @Override
    public List<Evidence> analyze(MediaAsset asset, ScanContext context) throws C2paException {
        C2paContents contents = C2paReader.inspect(asset);
        List<Evidence> evidence = new ArrayList<>();
        Optional<ValidationReport> report = validator.validate(contents, asset);
        if (report.isPresent()) {
            evidence.addAll(storeEvidence(report.get()));
        }
        for (String url : contents.remoteManifestUrls()) {
            evidence.add(Evidence.observation(NAME, "C2PA remote manifest referenced at " + url + " (not fetched)",
                    Map.of("remoteManifestUrl", url, "fetched", false)));
        }
        return evidence;
    }

    private static List<Evidence> storeEvidence(ValidationReport report) throws C2paException {
        ManifestStore store = report.store();
        Manifest active = store.activeManifest();
        Assurance assurance = switch (report.state()) {
            case Trusted -> Assurance.SIGNED_TRUSTED;
            case Valid -> Assurance.SIGNED;
            case Invalid -> Assurance.SIGNED_INVALID;
        };
        List<String> failures = report.of(StatusKind.FAILURE).stream().map(ValidationStatus::code).distinct().toList();
        String state = switch (report.state()) {
            case Trusted -> "Content Credentials valid, signer trusted";
            case Valid -> "Content Credentials valid, signer not on a trust list";
            case Invalid -> "Content Credentials INVALID: " + String.join(", ", failures);
        };
        String generator = active.claim().generator();
        Optional<SignerInfo> signer = Optional.empty();
        String signerProblem = null;
        try {
            signer = Optional.of(active.signer());
        } catch (C2paException e) {
            signerProblem = e.getMessage(); // an unreadable signature is for validation to judge, not for reading
        }
        String signedBy = signer.map(SignerInfo::displayName).orElse("an unreadable signer");

        Map<String, Object> details = new LinkedHashMap<>();
        details.put("manifestCount", store.manifests().size());
        details.put("activeManifest", active.label());
        details.put("claimVersion", active.claim().version());
        details.put("claimGenerator", generator);
        active.claim().title().ifPresent(t -> details.put("title", t));
        active.claim().format().ifPresent(f -> details.put("format", f));
        details.put("location", store.location());
        signer.ifPresent(s -> {
            details.put("signerSubject", s.subject());
            details.put("signerIssuer", s.issuer());
            details.put("alg", s.alg());
        });
        if (signerProblem != null) {
            details.put("signerProblem", signerProblem);
        }
        details.put("validationState", report.state().name());
        details.put("failures", failures);
        List<Evidence> out = new ArrayList<>();
        out.add(Evidence.observation(NAME, "C2PA manifest store: " + store.manifests().size() + " manifest(s); active manifest "
                + active.label() + " from " + generator + ", signed by " + signedBy + "; " + state, details));

        Map<String, Action> declared = new LinkedHashMap<>();
        Map<String, String> assertionOf = new LinkedHashMap<>();
        for (Actions actions : active.actions()) {
            for (Action action : actions.actions()) {
                action.digitalSourceType().filter(t -> !declared.containsKey(t)).ifPresent(t -> {
                    declared.put(t, action);
                    assertionOf.put(t, actions.label());
                });
            }
        }
        for (Map.Entry<String, Action> e : declared.entrySet()) {
            out.add(declaration(e.getKey(), e.getValue(), assertionOf.get(e.getKey()), active, generator, signedBy,
                    assurance, state));
        }
        return out;
    }

    private static Evidence declaration(String iri, Action action, String assertionLabel, Manifest active,
                                        String generator, String signedBy, Assurance assurance, String state) {
        Optional<DigitalSourceType> type = DigitalSourceType.parse(iri);
        String name = type.map(DigitalSourceType::code).orElse(iri);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("manifest", active.label());
        details.put("assertion", assertionLabel);
        details.put("action", action.action());
        details.put("digitalSourceType", iri);
        action.softwareAgent().ifPresent(a -> details.put("softwareAgent", a.toString()));
        action.when().ifPresent(w -> details.put("when", w));
        details.put("claimGenerator", generator);
        details.put("signer", signedBy);
        String finding = "C2PA action " + action.action() + " declares " + name + " (signed by " + signedBy + "; "
                + state + ")";
        return type.map(t -> Evidence.declaration(NAME, finding, DECLARATION_CONFIDENCE, t, assurance, details))
                .orElseGet(() -> new Evidence(NAME, EvidenceKind.DECLARATION, finding, DECLARATION_CONFIDENCE, iri,
                        assurance, details));
    }
}
