package io.assay.exchange.stix;

import io.assay.exchange.json.StixJson;
import io.assay.exchange.json.StixJsonException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

import static io.assay.exchange.stix.Fixtures.FACT_CHECKER;
import static io.assay.exchange.stix.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StixCodecTest {

    @Test
    void everyProducedTypeRoundTrips() {
        Indicator indicator = Fixtures.indicator(Tlp.GREEN);
        List<StixObject> objects = List.of(
                indicator,
                StixSignals.sighting(FACT_CHECKER, indicator.id(), Fixtures.PLATFORM, NOW, NOW.plusSeconds(60), 3,
                        12_000L, Tlp.AMBER, NOW),
                StixSignals.debunk(FACT_CHECKER, List.of(indicator.id()), new ClaimReview("Example Fact Check",
                        Timestamp.of(NOW), "https://factcheck.example/1", "False", "The vote moved"), Tlp.CLEAR, NOW),
                StixSignals.campaign(FACT_CHECKER, "Polling date hoax", "voter suppression", NOW, Tlp.GREEN, NOW),
                StixSignals.report(FACT_CHECKER, "Hoax wave", List.of(indicator.id()), Tlp.GREEN, NOW),
                StixSignals.participant("Example Fact Check", "organization", NOW),
                Tlp.AMBER_STRICT.markingDefinition(),
                AssayExtension.definition());
        for (StixObject object : objects) {
            ObjectNode json = StixCodec.write(object);
            StixObject back = StixCodec.read(StixJson.write(json));
            assertThat(back).as(object.type()).isEqualTo(object);
            assertThat(StixCodec.write(back)).isEqualTo(json);
        }
    }

    @Test
    void unknownPropertiesAndExtensionsSurviveARoundTrip() {
        ObjectNode original = StixJson.parseObject(Fixtures.FOREIGN_INDICATOR);
        StixObject read = StixCodec.read(original);
        assertThat(read).isInstanceOf(Indicator.class);
        assertThat(read.common().custom().has("kill_chain_phases")).isTrue();
        assertThat(read.common().custom().has("x_peer_score")).isTrue();
        assertThat(read.common().created().text()).isEqualTo("2026-11-24T08:17:27.000123Z");
        assertThat(StixCodec.write(read)).isEqualTo(original);
    }

    @Test
    void unknownObjectTypesSurviveARoundTrip() {
        String json = """
                {"type": "x-deepfake-lab", "spec_version": "2.1", "id": "x-deepfake-lab--4d8c1e0e-2f0b-4f5c-9a6e-3b1c2d4e5f60",
                 "created": "2026-11-24T08:00:00.000Z", "modified": "2026-11-24T08:00:00.000Z",
                 "lab_name": "synth", "models": ["a", "b"], "object_marking_refs": ["marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1"]}
                """;
        StixObject read = StixCodec.read(json);
        assertThat(read).isInstanceOf(UnknownObject.class);
        assertThat(read.common().objectMarkingRefs()).containsExactly(Tlp.RED.markingId());
        assertThat(StixCodec.write(read)).isEqualTo(StixJson.parseObject(json));
    }

    @Test
    void bundlesRoundTripWithUnknownBundleProperties() {
        String json = "{\"type\":\"bundle\",\"id\":\"bundle--44af6c39-c09b-49c5-9de2-394224b04982\",\"x_peer\":1,"
                + "\"objects\":[" + Fixtures.FOREIGN_INDICATOR + "]}";
        Bundle bundle = Bundle.read(json);
        assertThat(bundle.objects()).hasSize(1);
        assertThat(bundle.toJson()).isEqualTo(StixJson.parseObject(json));
    }

    @Test
    void typedPropertiesOfTheWrongTypeAreRefused() {
        assertThatThrownBy(() -> StixCodec.read("{\"type\":\"indicator\",\"name\":5}"))
                .isInstanceOf(StixJsonException.class).hasMessageContaining("name must be a string");
        assertThatThrownBy(() -> StixCodec.read("{\"type\":\"sighting\",\"count\":1.5}"))
                .isInstanceOf(StixJsonException.class).hasMessageContaining("count must be an integer");
        assertThatThrownBy(() -> StixCodec.read("{\"id\":\"x\"}")).isInstanceOf(StixJsonException.class);
        assertThatThrownBy(() -> Bundle.read("{\"type\":\"bundle\",\"objects\":[1]}"))
                .isInstanceOf(StixJsonException.class).hasMessageContaining("bundle object 0");
    }

    @Test
    void newVersionKeepsIdAndCreatedAndMovesModifiedForward() {
        Indicator indicator = Fixtures.indicator(Tlp.GREEN);
        Common next = indicator.common().newVersion(NOW.minusSeconds(10));
        assertThat(next.id()).isEqualTo(indicator.id());
        assertThat(next.created()).isEqualTo(indicator.common().created());
        assertThat(next.modified().instant()).isAfter(indicator.common().modified().instant());
    }

    @Test
    void scoIdsAreUuidV5InTheStixNamespace() {
        // STIX 2.1 §2.9: the UUIDv5 of the canonical id-contributing properties; stable for equal input
        String a = StixIds.sco("file", "{\"hashes\":{\"SHA-256\":\"" + Fixtures.SHA256 + "\"}}");
        String b = StixIds.sco("file", "{\"hashes\":{\"SHA-256\":\"" + Fixtures.SHA256 + "\"}}");
        assertThat(a).isEqualTo(b);
        // the same value computed with Python's uuid.uuid5 (an independent implementation)
        assertThat(a).isEqualTo("file--a7928fbf-e7c8-52e1-9d22-c8c4d008ad01");
        assertThat(StixIds.isValid(a, "file")).isTrue();
    }
}
