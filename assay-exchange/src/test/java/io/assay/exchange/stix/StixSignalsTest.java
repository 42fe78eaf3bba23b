package io.assay.exchange.stix;

import io.assay.exchange.json.StixJson;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.assay.exchange.stix.Fixtures.FACT_CHECKER;
import static io.assay.exchange.stix.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StixSignalsTest {

    @Test
    void indicatorCarriesStandardHashesInThePatternAndPerceptualOnesInTheExtension() {
        Indicator indicator = Fixtures.indicator(Tlp.AMBER);
        assertThat(indicator.id()).matches("indicator--[0-9a-f-]{36}");
        assertThat(indicator.common().specVersion()).isEqualTo("2.1");
        assertThat(indicator.common().created().text()).isEqualTo("2026-11-25T10:15:30.123Z");
        assertThat(indicator.common().objectMarkingRefs()).containsExactly(Tlp.AMBER.markingId());
        assertThat(indicator.pattern())
                .contains("[file:hashes.'SHA-256' = '" + Fixtures.SHA256 + "']")
                .contains("[file:hashes.MD5 = '" + Fixtures.MD5 + "']")
                .contains("[file:hashes.x_assay_pdq = '" + Fixtures.PDQ + "']");
        var body = indicator.common().extension(AssayExtension.ID);
        assertThat(body.get("extension_type").stringValue()).isEqualTo("property-extension");
        assertThat(body.get("perceptual_hashes")).hasSize(2);
        assertThat(body.get("election").stringValue()).isEqualTo("2026 municipal election");
        assertThat(body.get("candidate").stringValue()).isEqualTo("Jane Doe");
        assertThat(indicator.common().externalUrls("debunk")).containsExactly("https://factcheck.example/debunks/1234");
    }

    @Test
    void signalsComeBackOutOfTheIndicatorEvenAfterTransport() {
        Indicator indicator = Fixtures.indicator(Tlp.GREEN);
        Indicator received = (Indicator) StixCodec.read(StixCodec.writeString(indicator));
        assertThat(StixSignals.signals(received)).containsExactlyInAnyOrderElementsOf(Fixtures.signals());
    }

    @Test
    void signalsOfAForeignIndicatorComeFromItsPattern() {
        Indicator foreign = (Indicator) StixCodec.read(Fixtures.FOREIGN_INDICATOR);
        assertThat(StixSignals.signals(foreign)).containsExactly(
                MediaSignal.of("sha256", Fixtures.SHA256), MediaSignal.of("md5", Fixtures.MD5));
    }

    @Test
    void malformedSignalsAreRefusedOrSkipped() {
        assertThatThrownBy(() -> MediaSignal.of("sha256", "abc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MediaSignal("pdq", "ff", 101)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StixSignals.indicator(FACT_CHECKER, List.of(), Fixtures.flag(), Tlp.CLEAR, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        Indicator odd = StixSignals.edit(Fixtures.indicator(Tlp.CLEAR), json -> {
            json.put("pattern", "[file:hashes.'SHA-256' = 'abcd']");
            ((tools.jackson.databind.node.ObjectNode) json.get("extensions").get(AssayExtension.ID))
                    .putArray("perceptual_hashes").addObject().put("algorithm", 7);
            return json;
        });
        assertThat(StixSignals.signals(odd)).isEmpty();
    }

    @Test
    void sightingCarriesPlatformWindowCountAndReach() {
        Sighting s = StixSignals.sighting(Fixtures.PLATFORM, "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
                Fixtures.PLATFORM, NOW, NOW.plusSeconds(3600), 42, 1_500_000L, Tlp.GREEN, NOW);
        assertThat(s.whereSightedRefs()).containsExactly(Fixtures.PLATFORM);
        assertThat(s.count()).isEqualTo(42);
        assertThat(StixSignals.reach(s)).hasValue(1_500_000L);
        assertThat(StixSignals.reach((Sighting) StixCodec.read(StixCodec.writeString(s)))).hasValue(1_500_000L);
    }

    @Test
    void debunkNoteCarriesTheClaimReview() {
        ClaimReview review = new ClaimReview("Example Fact Check", Timestamp.of(NOW), "https://factcheck.example/1",
                "False", "Polls close a day early");
        Note note = StixSignals.debunk(FACT_CHECKER, List.of("indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"),
                review, Tlp.CLEAR, NOW);
        assertThat(note.content()).contains("False").contains("Example Fact Check");
        assertThat(StixSignals.claimReview((Note) StixCodec.read(StixCodec.writeString(note)))).hasValue(review);
    }

    @Test
    void everythingAssayProducesPassesTheValidatorAsOneBundle() {
        Indicator indicator = Fixtures.indicator(Tlp.AMBER_STRICT);
        Identity me = StixSignals.participant("Example Fact Check", "organization", NOW);
        List<StixObject> objects = new java.util.ArrayList<>(List.of(
                AssayExtension.author(), AssayExtension.definition(), me, indicator,
                StixSignals.withRecipients(StixSignals.sighting(FACT_CHECKER, indicator.id(), Fixtures.PLATFORM, NOW,
                        NOW, 1, 10L, Tlp.RED, NOW), List.of(Fixtures.AUTHORITY)),
                StixSignals.debunk(FACT_CHECKER, List.of(indicator.id()), new ClaimReview("X", Timestamp.of(NOW),
                        "https://x.example", "False", "claim"), Tlp.CLEAR, NOW),
                StixSignals.campaign(FACT_CHECKER, "Hoax", null, NOW, Tlp.GREEN, NOW),
                StixSignals.report(FACT_CHECKER, "Report", List.of(indicator.id()), Tlp.GREEN, NOW)));
        for (Tlp tlp : Tlp.values()) {
            objects.add(tlp.markingDefinition());
        }
        Bundle bundle = Bundle.of(objects);
        assertThat(StixValidator.validate(bundle)).isEmpty();
        for (StixObject o : objects) {
            assertThat(StixValidator.validate(o)).as(o.type()).isEmpty();
        }
        assertThat(StixValidator.validateBundle(StixJson.parse(StixJson.write(bundle.toJson())))).isEmpty();
    }

    @Test
    void tlpMarkingDefinitionsAreThePublishedOnes() {
        MarkingDefinition red = Tlp.RED.markingDefinition();
        assertThat(red.id()).isEqualTo("marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1");
        assertThat(red.name()).isEqualTo("TLP:RED");
        assertThat(red.common().created().text()).isEqualTo("2022-10-01T00:00:00.000Z");
        assertThat(red.common().extension(Tlp.TLP2_EXTENSION_ID).get("tlp_2_0").stringValue()).isEqualTo("red");
        assertThat(Tlp.ofMarkingId("marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9")).hasValue(Tlp.CLEAR);
        assertThat(Tlp.ofMarkingId("marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003"))
                .hasValue(Tlp.AMBER_STRICT);
    }
}
