package io.assay.cli;

import io.assay.c2pa.C2paContents;
import io.assay.c2pa.C2paException;
import io.assay.c2pa.C2paReader;
import io.assay.c2pa.manifest.Action;
import io.assay.c2pa.manifest.Actions;
import io.assay.c2pa.manifest.Ingredient;
import io.assay.c2pa.manifest.Manifest;
import io.assay.c2pa.remote.RemoteManifestPolicy;
import io.assay.c2pa.report.ReaderReport;
import io.assay.c2pa.signature.SignerInfo;
import io.assay.c2pa.validation.C2paValidator;
import io.assay.c2pa.validation.IngredientDelta;
import io.assay.c2pa.validation.StatusKind;
import io.assay.c2pa.validation.TrustSettings;
import io.assay.c2pa.validation.ValidationReport;
import io.assay.c2pa.validation.ValidationStatus;
import io.assay.c2pa.validation.Validators;
import io.assay.c2pa.validation.credential.TrustLists;
import io.assay.core.evidence.DigitalSourceType;
import io.assay.core.media.AssetLimits;
import io.assay.core.media.AssetRejectedException;
import io.assay.core.media.MediaAsset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code assay inspect}: reads and validates Content Credentials (C2PA). Human-readable by default; {@code --json}
 * prints the reference SDK's reader JSON shape; {@code --compact} one line per file with the fields the reference
 * peer's validate script prints, for side-by-side comparison.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Read and validate the Content Credentials (C2PA) of media files.")
final class InspectCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files or folders to inspect.")
    List<Path> inputs;

    @Option(names = "--json", description = "The full report, shaped like the C2PA reference's reader JSON (one per line).")
    boolean json;

    @Option(names = "--compact", description = "One line per file: state and status codes (the reference peer's format).")
    boolean compact;

    @Option(names = "--trust-anchors", paramLabel = "PEM", description = "Trust anchors (repeatable). Default: the shipped C2PA trust list and interim trust list.")
    List<Path> anchors = new ArrayList<>();

    @Option(names = "--allowed-list", paramLabel = "PEM", description = "Allowed end-entity certificates (repeatable).")
    List<Path> allowed = new ArrayList<>();

    @Option(names = "--tsa-trust", paramLabel = "PEM", description = "Time-stamp authority trust anchors (repeatable).")
    List<Path> tsa = new ArrayList<>();

    @Option(names = "--eku-config", paramLabel = "FILE", description = "Allowed extended key usages, one OID per line.")
    Path ekuConfig;

    @Option(names = "--no-trust", description = "Check signatures and bindings, not trust (like the reference with trust checking off).")
    boolean noTrust;

    @Option(names = "--max-bytes", paramLabel = "N", defaultValue = "4294967296", description = "Largest file accepted (default: ${DEFAULT-VALUE}).")
    long maxBytes;

    @Option(names = "--fetch-remote", description = "Fetch a remote manifest (XMP dcterms:provenance) when a file has no embedded one: https only, public addresses only, no redirects. Off by default.")
    boolean fetchRemote;

    @Option(names = "--remote-max-bytes", paramLabel = "N", defaultValue = "16777216", description = "Largest remote manifest fetched (default: ${DEFAULT-VALUE}).")
    long remoteMaxBytes;

    @Option(names = "--remote-timeout", paramLabel = "SECONDS", defaultValue = "10", description = "Time allowed for one remote manifest fetch, connection included (default: ${DEFAULT-VALUE}).")
    double remoteTimeout;

    @Option(names = "--threads", paramLabel = "N", description = "Files validated at once (default: number of cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (remoteMaxBytes <= 0 || !(remoteTimeout > 0)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--remote-max-bytes and --remote-timeout must be positive");
        }
        RemoteManifestPolicy remote = new RemoteManifestPolicy(fetchRemote, remoteMaxBytes,
                Duration.ofMillis(Math.max(1, Math.round(remoteTimeout * 1000))));
        C2paValidator validator = Validators.standard(trust(), remote);
        JsonMapper mapper = JsonMapper.builder().build();
        AssetLimits limits = AssetLimits.DEFAULT.withMaxBytes(maxBytes);
        int[] failed = {0};
        try {
            InputOrder.forEach(ScanCommand.expand(inputs), threads, file -> inspect(validator, file, limits),
                    t -> new Outcome(null, "cannot read: " + InputOrder.describe(t), true), (file, o) -> {
                String name = file.getFileName().toString();
                if (o.error() != null) {
                    failed[0] += o.counts() ? 1 : 0;
                    error(out, mapper, file, name, o.error());
                    return;
                }
                ValidationReport r = o.report();
                if (compact) {
                    out.println(mapper.writeValueAsString(compactLine(name, r)));
                } else if (json) {
                    out.println(mapper.writeValueAsString(ReaderReport.of(r)));
                } else {
                    human(out, name, r);
                }
                out.flush();
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        return failed[0] == 0 ? 0 : 1;
    }

    /** A report, or why there is none; {@code counts} says whether it makes the exit code non-zero. */
    private record Outcome(ValidationReport report, String error, boolean counts) {
    }

    private static Outcome inspect(C2paValidator validator, Path file, AssetLimits limits) {
        try {
            // Damaged containers are still inspected: what they claim is reported, and their bindings fail.
            MediaAsset asset = MediaAsset.openDamaged(file, limits);
            C2paContents contents = validator.withRemoteStore(C2paReader.inspect(asset));
            Optional<ValidationReport> report = validator.validate(contents, asset);
            if (report.isPresent()) {
                return new Outcome(report.get(), null, false);
            }
            if (!contents.remoteManifestUrls().isEmpty()) {
                return new Outcome(null, "no embedded C2PA manifest; remote manifest at "
                        + contents.remoteManifestUrls().getFirst() + " not fetched (use --fetch-remote)", false);
            }
            return new Outcome(null, "no embedded C2PA manifest (JumbfNotFound)", false);
        } catch (AssetRejectedException | C2paException e) {
            return new Outcome(null, e.getMessage(), true);
        } catch (RuntimeException e) {
            return new Outcome(null, "cannot read: " + InputOrder.describe(e), true);
        }
    }

    private TrustSettings trust() throws IOException {
        if (noTrust) {
            return TrustSettings.noTrust();
        }
        if (anchors.isEmpty() && allowed.isEmpty() && tsa.isEmpty() && ekuConfig == null) {
            return TrustLists.defaults();
        }
        return TrustLists.custom(anchors, allowed, ekuConfig, tsa);
    }

    private void error(PrintWriter out, JsonMapper mapper, Path file, String name, String message) {
        if (compact || json) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("file", compact ? name : file.toString());
            line.put("error", message);
            out.println(mapper.writeValueAsString(line));
        } else {
            out.println(name + ": " + message);
            out.println();
        }
        out.flush();
    }

    static Map<String, Object> compactLine(String name, ValidationReport r) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("file", name);
        line.put("validation_state", r.state().name());
        line.put("failure", codes(r.activeManifest(), StatusKind.FAILURE));
        line.put("informational", codes(r.activeManifest(), StatusKind.INFORMATIONAL));
        line.put("success", codes(r.activeManifest(), StatusKind.SUCCESS));
        List<String> ingredientFailures = new ArrayList<>();
        for (IngredientDelta d : r.ingredientDeltas()) {
            d.failures().forEach(s -> ingredientFailures.add(s.code()));
        }
        line.put("ingredient_failures", ingredientFailures);
        Set<String> types = new LinkedHashSet<>();
        try {
            types.addAll(r.store().activeManifest().digitalSourceTypes());
        } catch (C2paException e) {
            // reported by the validation statuses already
        }
        line.put("digital_source_types", List.copyOf(types));
        return line;
    }

    private static List<String> codes(List<ValidationStatus> statuses, StatusKind kind) {
        return statuses.stream().filter(s -> s.kind() == kind).map(ValidationStatus::code).toList();
    }

    private static void human(PrintWriter out, String name, ValidationReport r) {
        Manifest m = r.store().activeManifest();
        out.println(name + ": Content Credentials " + r.state().name().toUpperCase()
                + " (" + r.store().manifests().size() + " manifest" + (r.store().manifests().size() == 1 ? "" : "s") + ")");
        try {
            SignerInfo s = m.signer();
            out.println("  signed by:   " + s.commonName().orElse(s.subject()) + s.organization().map(o -> " (" + o + ")").orElse("")
                    + ", " + s.alg() + ", issued by " + s.issuerCommonName().orElse(s.issuer()));
        } catch (C2paException e) {
            out.println("  signed by:   unreadable signature (" + e.getMessage() + ")");
        }
        out.println("  made with:   " + m.claim().generator());
        m.claim().title().ifPresent(t -> out.println("  title:       " + t));
        try {
            for (Actions actions : m.actions()) {
                for (Action a : actions.actions()) {
                    String dst = a.digitalSourceType().map(t -> " — " + DigitalSourceType.parse(t).map(DigitalSourceType::code).orElse(t)
                            + aiNote(t)).orElse("");
                    out.println("  action:      " + a.action() + dst);
                }
            }
            List<Ingredient> ingredients = m.ingredients();
            for (Ingredient i : ingredients) {
                out.println("  ingredient:  " + i.title().orElse("(untitled)") + " [" + i.relationship() + "]"
                        + i.manifest().flatMap(h -> h.manifestLabel()).map(l -> " with manifest " + l).orElse(" without provenance"));
            }
        } catch (C2paException e) {
            out.println("  assertions:  unreadable (" + e.getMessage() + ")");
        }
        long ok = r.activeManifest().stream().filter(s -> s.kind() == StatusKind.SUCCESS).count();
        out.println("  checks:      " + ok + " passed");
        for (ValidationStatus s : r.activeManifest()) {
            if (s.kind() != StatusKind.SUCCESS) {
                out.println("  " + (s.kind() == StatusKind.FAILURE ? "FAILED" : "note  ") + "       " + s.code()
                        + (s.explanation() == null ? "" : ": " + s.explanation()));
            }
        }
        for (IngredientDelta d : r.ingredientDeltas()) {
            for (ValidationStatus s : d.failures()) {
                out.println("  ingredient   " + s.code() + (s.explanation() == null ? "" : ": " + s.explanation()));
            }
        }
        out.println();
    }

    private static String aiNote(String iri) {
        return DigitalSourceType.parse(iri).map(t -> switch (t) {
            case TRAINED_ALGORITHMIC_MEDIA -> " (AI-generated)";
            case COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA -> " (edited with AI)";
            default -> "";
        }).orElse("");
    }
}
