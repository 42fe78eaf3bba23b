package io.assay.exchange.stix;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.assay.exchange.json.StixJson;
import io.assay.exchange.provenance.ObjectSigner;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static io.assay.exchange.stix.Fixtures.FACT_CHECKER;
import static io.assay.exchange.stix.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Everything Assay produces, and what it accepts and writes back, against the OASIS STIX 2.1 JSON schemas
 * (github.com/oasis-open/cti-stix2-json-schemas). The schemas are not on Maven Central, npm or Debian, and this
 * project commits nothing it did not write, so they are supplied from outside: {@code -Dassay.stix.schemas=DIR} or
 * {@code ASSAY_STIX_SCHEMAS=DIR}, DIR being a checkout of that repository (the folder holding {@code schemas/}).
 * Without them the test is skipped and says so; {@link StixValidatorTest} checks the spec's rules in every build.
 */
class OasisSchemaTest {

    private static final String BASE = "http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/";

    static Path root;
    static SchemaRegistry registry;

    @BeforeAll
    static void schemas() {
        String dir = System.getProperty("assay.stix.schemas", System.getenv("ASSAY_STIX_SCHEMAS"));
        Assumptions.assumeTrue(dir != null && Files.isDirectory(Path.of(dir, "schemas")),
                "OASIS STIX 2.1 JSON schemas not supplied (-Dassay.stix.schemas=DIR or ASSAY_STIX_SCHEMAS=DIR)");
        root = Path.of(dir);
        // every schema IRI under the OASIS base is read from the checkout; nothing is fetched
        registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, b -> b.schemas(iri -> {
            if (!iri.startsWith(BASE)) {
                return null;
            }
            try {
                return Files.readString(root.resolve(iri.substring(BASE.length())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
    }

    static List<String> errors(String schema, JsonNode node) {
        Schema s = registry.getSchema(SchemaLocation.of(BASE + "schemas/" + schema));
        List<String> out = new ArrayList<>();
        for (Error e : s.validate(node)) {
            out.add(e.toString());
        }
        return out;
    }

    static String schemaOf(String type) {
        return switch (type) {
            case "marking-definition" -> "common/marking-definition.json";
            case "extension-definition" -> "common/extension-definition.json";
            case "sighting" -> "sros/sighting.json";
            case "relationship" -> "sros/relationship.json";
            default -> "sdos/" + type + ".json";
        };
    }

    /** Every type Assay writes, signed as it leaves a node, each valid under its OASIS schema and in a bundle. */
    @Test
    void everyObjectAssayProducesIsValid() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
        ObjectSigner signer = new ObjectSigner(FACT_CHECKER, "fc-1", g.generateKeyPair().getPrivate());
        Indicator indicator = Fixtures.indicator(Tlp.GREEN);
        List<StixObject> produced = List.of(
                indicator,
                StixSignals.withRecipients(Fixtures.indicator(Tlp.RED), List.of(Fixtures.PLATFORM)),
                StixSignals.sighting(FACT_CHECKER, indicator.id(), Fixtures.PLATFORM, NOW, NOW.plusSeconds(60), 3,
                        12_000L, Tlp.AMBER, NOW),
                StixSignals.debunk(FACT_CHECKER, List.of(indicator.id()), new ClaimReview("Example Fact Check",
                        Timestamp.of(NOW), "https://factcheck.example/1", "False", "The vote moved"), Tlp.CLEAR, NOW),
                StixSignals.campaign(FACT_CHECKER, "Polling date hoax", "voter suppression", NOW, Tlp.GREEN, NOW),
                StixSignals.report(FACT_CHECKER, "Hoax wave", List.of(indicator.id()), Tlp.GREEN, NOW),
                StixSignals.participant("Example Fact Check", "organization", NOW),
                AssayExtension.definition());
        List<JsonNode> all = new ArrayList<>();
        for (StixObject o : produced) {
            ObjectNode json = o instanceof ExtensionDefinition || o instanceof Identity
                    ? StixCodec.write(o) : signer.sign(StixCodec.write(o));
            assertThat(errors(schemaOf(o.type()), json)).as(o.type() + ": " + StixJson.write(json)).isEmpty();
            all.add(json);
        }
        for (Tlp tlp : Tlp.values()) {
            ObjectNode json = StixCodec.write(tlp.markingDefinition());
            assertThat(errors("common/marking-definition.json", json)).as(tlp.name()).isEmpty();
            all.add(json);
        }
        // The OASIS bundle schema lists the types a bundle may hold, and its list lacks note and extension-definition
        // (they then fall to its custom-object branch, which refuses spec type names), although each validates under
        // its own schema above; the bundle is checked with the other types.
        ObjectNode bundle = Bundle.of(all.stream().filter(n -> !Set.of("note", "extension-definition")
                .contains(n.get("type").asString())).map(n -> StixCodec.read((ObjectNode) n)).toList()).toJson();
        assertThat(bundle.get("objects").size()).isGreaterThan(10);
        assertThat(errors("common/bundle.json", bundle)).isEmpty();
    }

    /** The schemas reject what the spec forbids, so the checks above can fail. */
    @Test
    void theSchemasCatchABrokenIndicator() {
        ObjectNode json = StixCodec.write(Fixtures.indicator(Tlp.GREEN));
        json.remove("pattern");
        assertThat(errors("sdos/indicator.json", json)).isNotEmpty();
        ObjectNode badId = StixCodec.write(Fixtures.indicator(Tlp.GREEN));
        badId.put("id", "indicator--not-a-uuid");
        assertThat(errors("sdos/indicator.json", badId)).isNotEmpty();
    }

    /**
     * What Assay accepts keeps its validity: every object of the OASIS repository's examples that is valid under its
     * schema is read by the codec and written back still valid (the codec is lossless).
     */
    @Test
    void acceptedObjectsStayValidThroughTheCodec() throws IOException {
        int checked = 0;
        try (Stream<Path> files = Files.walk(root.resolve("examples"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode doc = StixJson.parse(Files.readString(f));
                List<JsonNode> objects = new ArrayList<>();
                if (doc.has("objects")) {
                    doc.get("objects").forEach(objects::add);
                } else {
                    objects.add(doc);
                }
                for (JsonNode o : objects) {
                    String type = o.path("type").asString("");
                    if (!Files.exists(root.resolve("schemas/" + schemaOf(type))) || !errors(schemaOf(type), o).isEmpty()) {
                        continue; // observables and objects the example itself gets wrong are not ours to judge
                    }
                    ObjectNode back = StixCodec.write(StixCodec.read((ObjectNode) o));
                    assertThat(errors(schemaOf(type), back)).as(f.getFileName() + " " + o.path("id").asString()).isEmpty();
                    assertThat(back).isEqualTo(o);
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(10);
    }

}
