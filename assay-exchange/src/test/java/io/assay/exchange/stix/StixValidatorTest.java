package io.assay.exchange.stix;

import io.assay.exchange.json.StixJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

class StixValidatorTest {

    private static List<ValidationError> broken(Consumer<ObjectNode> change) {
        ObjectNode json = StixCodec.write(Fixtures.indicator(Tlp.GREEN));
        change.accept(json);
        return StixValidator.validate(json);
    }

    private static List<String> properties(List<ValidationError> errors) {
        return errors.stream().map(ValidationError::property).toList();
    }

    @Test
    void aForeignIndicatorWithCustomContentIsValid() {
        assertThat(StixValidator.validate(StixJson.parse(Fixtures.FOREIGN_INDICATOR))).isEmpty();
    }

    @Test
    void requiredPropertiesAreRequired() {
        for (String required : List.of("id", "spec_version", "created", "modified", "pattern", "pattern_type",
                "valid_from")) {
            assertThat(properties(broken(j -> j.remove(required)))).as(required).contains(required);
        }
    }

    @Test
    void idMustCarryItsTypeAndAnRfc4122Uuid() {
        assertThat(properties(broken(j -> j.put("id", "malware--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"))))
                .contains("id");
        assertThat(properties(broken(j -> j.put("id", "indicator--not-a-uuid")))).contains("id");
        assertThat(properties(broken(j -> j.put("id", "indicator--8e2e2d2b-17d4-0cbf-938f-98ee46b3cd3f"))))
                .contains("id");
    }

    @Test
    void specVersionMustBe21() {
        assertThat(properties(broken(j -> j.put("spec_version", "2.0")))).contains("spec_version");
    }

    @Test
    void timestampsMustBeRfc3339UtcWithMillisecondsOnCreatedAndModified() {
        assertThat(properties(broken(j -> j.put("created", "2026-11-25T10:15:30.123+01:00")))).contains("created");
        assertThat(properties(broken(j -> j.put("created", "2026-11-25T10:15:30Z")))).contains("created");
        assertThat(properties(broken(j -> j.put("valid_from", "2026-13-25T10:15:30Z")))).contains("valid_from");
        assertThat(broken(j -> j.put("valid_from", "2026-11-25T10:15:30Z"))).isEmpty();
    }

    @Test
    void modifiedMustNotPrecedeCreated() {
        assertThat(properties(broken(j -> j.put("modified", "2026-11-25T10:15:30.122Z")))).contains("modified");
        assertThat(properties(broken(j -> j.put("valid_until", "2026-11-25T10:15:30.123Z")))).contains("valid_until");
    }

    @Test
    void confidenceIsAnIntegerFrom0To100() {
        assertThat(properties(broken(j -> j.put("confidence", 101)))).contains("confidence");
        assertThat(properties(broken(j -> j.put("confidence", 50.5)))).contains("confidence");
        assertThat(broken(j -> j.put("confidence", 100))).isEmpty();
    }

    @Test
    void referencesMustPointAtTheRightTypes() {
        assertThat(properties(broken(j -> j.putArray("object_marking_refs").add("TLP:RED"))))
                .contains("object_marking_refs");
        assertThat(properties(broken(j -> j.put("created_by_ref", "campaign--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"))))
                .contains("created_by_ref");
        assertThat(properties(broken(j -> j.putArray("labels")))).contains("labels");
    }

    @Test
    void extensionsNeedAnExtensionDefinitionIdAndType() {
        assertThat(properties(broken(j -> ((ObjectNode) j.get("extensions")).putObject("my-ext").put("a", 1))))
                .contains("extensions");
        assertThat(properties(broken(j -> ((ObjectNode) j.get("extensions").get(AssayExtension.ID))
                .remove("extension_type")))).contains("extensions");
        assertThat(properties(broken(j -> ((ObjectNode) j.get("extensions").get(AssayExtension.ID))
                .put("reach", -1)))).anyMatch(p -> p.endsWith("reach"));
    }

    @Test
    void aBundleMustDefineTheExtensionsItsObjectsUse() {
        Bundle without = Bundle.of(List.of(Fixtures.indicator(Tlp.GREEN)));
        assertThat(StixValidator.validate(without)).singleElement()
                .satisfies(e -> assertThat(e.message()).contains(AssayExtension.ID).contains("not defined"));
        Bundle with = Bundle.of(List.of(AssayExtension.definition(), Fixtures.indicator(Tlp.GREEN)));
        assertThat(StixValidator.validate(with)).isEmpty();
    }

    @Test
    void customPropertyNamesFollowTheSpec() {
        assertThat(properties(broken(j -> j.put("x-bad-name", 1)))).contains("x-bad-name");
        assertThat(properties(broken(j -> j.put("xy", 1)))).contains("xy");
    }

    @Test
    void sightingReportNoteAndExtensionDefinitionRules() {
        ObjectNode sighting = StixJson.parseObject("""
                {"type":"sighting","spec_version":"2.1","id":"sighting--ee20065d-2555-424f-ad9e-0f8428623c75",
                 "created":"2026-11-25T10:00:00.000Z","modified":"2026-11-25T10:00:00.000Z",
                 "sighting_of_ref":"file--a7928fbf-e7c8-52e1-9d22-c8c4d008ad01",
                 "where_sighted_refs":["indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"],
                 "first_seen":"2026-11-25T11:00:00Z","last_seen":"2026-11-25T10:00:00Z","count":1000000000}
                """);
        assertThat(properties(StixValidator.validate(sighting)))
                .contains("sighting_of_ref", "where_sighted_refs", "last_seen", "count");
        ObjectNode report = StixJson.parseObject("""
                {"type":"report","spec_version":"2.1","id":"report--84e4d88f-44ea-4bcd-bbf3-b2c1c320bcb3",
                 "created":"2026-11-25T10:00:00.000Z","modified":"2026-11-25T10:00:00.000Z","name":"r"}
                """);
        assertThat(properties(StixValidator.validate(report))).contains("published", "object_refs");
        ObjectNode note = StixJson.parseObject("""
                {"type":"note","spec_version":"2.1","id":"note--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061",
                 "created":"2026-11-25T10:00:00.000Z","modified":"2026-11-25T10:00:00.000Z","object_refs":[]}
                """);
        assertThat(properties(StixValidator.validate(note))).contains("content", "object_refs");
        ObjectNode ext = StixCodec.write(AssayExtension.definition());
        ext.remove("created_by_ref");
        ext.putArray("extension_types").add("new-thing");
        assertThat(properties(StixValidator.validate(ext))).contains("created_by_ref", "extension_types");
    }

    @Test
    void aMalformedSightingOfRefIsAnErrorNotACrash() {
        ObjectNode sighting = StixJson.parseObject("""
                {"type":"sighting","spec_version":"2.1","id":"sighting--ee20065d-2555-424f-ad9e-0f8428623c75",
                 "created":"2026-11-25T10:00:00.000Z","modified":"2026-11-25T10:00:00.000Z",
                 "sighting_of_ref":"no-separator"}
                """);
        assertThat(properties(StixValidator.validate(sighting))).containsExactly("sighting_of_ref");
    }

    @Test
    void markingDefinitionRules() {
        ObjectNode marking = StixCodec.write(Tlp.GREEN.markingDefinition());
        marking.remove("extensions");
        assertThat(properties(StixValidator.validate(marking))).contains("definition");
        marking.put("definition_type", "statement").putObject("definition").put("statement", "Copyright Example");
        assertThat(StixValidator.validate(marking)).isEmpty();
        marking.put("modified", "2026-11-25T10:00:00.000Z");
        assertThat(properties(StixValidator.validate(marking))).contains("modified");
    }
}
