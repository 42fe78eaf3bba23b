package io.assay.c2pa;

import io.assay.c2pa.container.Extractors;
import io.assay.c2pa.manifest.Action;
import io.assay.c2pa.manifest.Actions;
import io.assay.c2pa.manifest.Manifest;
import io.assay.c2pa.manifest.ManifestStore;
import io.assay.c2pa.signature.SignerInfo;
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
 * Reports what an asset's C2PA manifest store says: that a store is present and who claims to have signed it, each
 * digital source type the active manifest's actions declare, and any remote manifest reference.
 *
 * <p>Signatures are not validated yet, so every declaration carries {@link Assurance#UNSIGNED} and
 * {@code "validated": false}: until the signature, the certificate chain and the hash binding are checked, a C2PA
 * declaration is no stronger than any other metadata. Stateless, hence thread-safe.
 */
public final class C2paAnalyzer implements Analyzer {

    public static final String NAME = "c2pa";
    static final double DECLARATION_CONFIDENCE = 0.9;

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
        if (contents.store().isPresent()) {
            evidence.addAll(storeEvidence(contents.store().get()));
        }
        for (String url : contents.remoteManifestUrls()) {
            evidence.add(Evidence.observation(NAME, "C2PA remote manifest referenced at " + url + " (not fetched)",
                    Map.of("remoteManifestUrl", url, "fetched", false)));
        }
        return evidence;
    }

    private static List<Evidence> storeEvidence(ManifestStore store) throws C2paException {
        Manifest active = store.activeManifest();
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
        details.put("validated", false);
        List<Evidence> out = new ArrayList<>();
        out.add(Evidence.observation(NAME, "C2PA manifest store: " + store.manifests().size() + " manifest(s); active manifest "
                + active.label() + " from " + generator + ", signed by " + signedBy + " (signature not validated)", details));

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
            out.add(declaration(e.getKey(), e.getValue(), assertionOf.get(e.getKey()), active, generator, signedBy));
        }
        return out;
    }

    private static Evidence declaration(String iri, Action action, String assertionLabel, Manifest active,
                                        String generator, String signedBy) {
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
        details.put("validated", false);
        String finding = "C2PA action " + action.action() + " declares " + name + " (claim generator " + generator
                + "; signature not yet validated)";
        return type.map(t -> Evidence.declaration(NAME, finding, DECLARATION_CONFIDENCE, t, Assurance.UNSIGNED, details))
                .orElseGet(() -> new Evidence(NAME, EvidenceKind.DECLARATION, finding, DECLARATION_CONFIDENCE, iri,
                        Assurance.UNSIGNED, details));
    }
}
