package io.assay.core.policy;

import io.assay.core.evidence.Assurance;
import io.assay.core.evidence.DigitalSourceType;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads a {@link PolicyConfig} from YAML, rejecting unknown keys and values with a message naming the field. */
public final class PolicyLoader {

    public static final String DEFAULT_RESOURCE = "default-policy.yaml";

    private PolicyLoader() {
    }

    /** The documented default policy shipped with Assay. */
    public static PolicyConfig defaults() {
        try (InputStream in = PolicyLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("default policy resource is missing from the jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PolicyConfig load(Path file) throws IOException {
        return parse(Files.readString(file), file.toString());
    }

    public static PolicyConfig parse(String yaml, String origin) {
        Object root;
        try (Reader r = new StringReader(yaml)) {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(10);
            options.setAllowDuplicateKeys(false);
            root = new Yaml(new SafeConstructor(options)).load(r);
        } catch (YAMLException | IOException e) {
            throw new IllegalArgumentException("policy " + origin + " is not valid YAML: " + e.getMessage(), e);
        }
        try {
            return read(map(root, "policy"));
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new IllegalArgumentException("policy " + origin + ": " + e.getMessage(), e);
        }
    }

    private static PolicyConfig read(Map<String, Object> m) {
        known(m, "policy", Set.of("version", "name", "incidentMode", "digitalSourceTypes", "declarations",
                "detectors", "actions", "incident", "elections"));
        Object version = m.getOrDefault("version", 1);
        if (!Integer.valueOf(1).equals(version)) {
            throw new IllegalArgumentException("unsupported policy version " + version + " (this Assay reads version 1)");
        }
        Map<DigitalSourceType, Label> types = new EnumMap<>(DigitalSourceType.class);
        map(m.getOrDefault("digitalSourceTypes", Map.of()), "digitalSourceTypes").forEach((code, label) ->
                types.put(DigitalSourceType.parse(code).orElseThrow(() ->
                                new IllegalArgumentException("digitalSourceTypes: unknown IPTC code '" + code + "'")),
                        Label.of(String.valueOf(label))));
        Map<String, Object> decl = map(m.getOrDefault("declarations", Map.of()), "declarations");
        known(decl, "declarations", Set.of("minimumAssuranceForAi", "minimumAssuranceForCapture"));
        Map<String, Object> det = map(m.getOrDefault("detectors", Map.of()), "detectors");
        known(det, "detectors", Set.of("likelyAiThreshold"));
        Map<String, Object> incident = map(m.getOrDefault("incident", Map.of()), "incident");
        known(incident, "incident", Set.of("actions"));
        var actions = table(map(m.get("actions"), "actions"), "actions");
        var incidentActions = incident.containsKey("actions")
                ? table(map(incident.get("actions"), "incident.actions"), "incident.actions") : actions;
        List<WatchedElection> elections = new ArrayList<>();
        for (Object e : list(m.getOrDefault("elections", List.of()), "elections")) {
            elections.add(election(map(e, "elections[]")));
        }
        return new PolicyConfig(
                String.valueOf(m.getOrDefault("name", "unnamed")),
                bool(m.getOrDefault("incidentMode", false), "incidentMode"),
                types,
                assurance(decl.getOrDefault("minimumAssuranceForAi", "unsigned"), "declarations.minimumAssuranceForAi"),
                assurance(decl.getOrDefault("minimumAssuranceForCapture", "signed-trusted"), "declarations.minimumAssuranceForCapture"),
                ((Number) det.getOrDefault("likelyAiThreshold", 0.8)).doubleValue(),
                actions, incidentActions, elections);
    }

    private static Map<ElectionRisk, Map<Label, Action>> table(Map<String, Object> m, String where) {
        Map<ElectionRisk, Map<Label, Action>> t = new EnumMap<>(ElectionRisk.class);
        m.forEach((risk, row) -> {
            Map<Label, Action> r = new EnumMap<>(Label.class);
            map(row, where + "." + risk).forEach((label, action) -> r.put(Label.of(label), Action.of(String.valueOf(action))));
            t.put(ElectionRisk.of(risk), r);
        });
        return t;
    }

    private static WatchedElection election(Map<String, Object> m) {
        known(m, "elections[]", Set.of("id", "name", "regions", "from", "until", "candidates", "keywords"));
        Object id = m.get("id");
        if (id == null) {
            throw new IllegalArgumentException("elections[]: every election needs an id");
        }
        return new WatchedElection(String.valueOf(id), String.valueOf(m.getOrDefault("name", id)),
                strings(m.get("regions"), "regions"), date(m.get("from"), "from"), date(m.get("until"), "until"),
                strings(m.get("candidates"), "candidates"), strings(m.get("keywords"), "keywords"));
    }

    private static LocalDate date(Object v, String field) {
        if (v == null) {
            return null;
        }
        if (v instanceof Date d) {
            return d.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
        }
        try {
            return LocalDate.parse(String.valueOf(v));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("elections[]." + field + ": not a date (YYYY-MM-DD): " + v);
        }
    }

    private static Assurance assurance(Object v, String where) {
        for (Assurance a : Assurance.values()) {
            if (a.id().equals(String.valueOf(v))) {
                return a;
            }
        }
        throw new IllegalArgumentException(where + ": unknown assurance '" + v + "' (unsigned, signed-invalid, signed, signed-trusted)");
    }

    private static boolean bool(Object v, String where) {
        if (v instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException(where + " must be true or false");
    }

    private static List<String> strings(Object v, String where) {
        List<String> out = new ArrayList<>();
        for (Object o : list(v == null ? List.of() : v, where)) {
            out.add(String.valueOf(o));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object v, String where) {
        if (v instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new IllegalArgumentException(where + " must be a mapping");
    }

    private static List<?> list(Object v, String where) {
        if (v instanceof List<?> l) {
            return l;
        }
        throw new IllegalArgumentException(where + " must be a list");
    }

    private static void known(Map<String, Object> m, String where, Set<String> keys) {
        for (String k : m.keySet()) {
            if (!keys.contains(k)) {
                throw new IllegalArgumentException(where + ": unknown key '" + k + "' (known: " + String.join(", ", new java.util.TreeSet<>(keys)) + ")");
            }
        }
    }
}
