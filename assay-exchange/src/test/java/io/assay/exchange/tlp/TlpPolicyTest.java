package io.assay.exchange.tlp;

import io.assay.exchange.stix.AssayExtension;
import io.assay.exchange.stix.Fixtures;
import io.assay.exchange.stix.Indicator;
import io.assay.exchange.stix.StixSignals;
import io.assay.exchange.stix.Tlp;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.assay.exchange.stix.Fixtures.AUTHORITY;
import static io.assay.exchange.stix.Fixtures.FACT_CHECKER;
import static io.assay.exchange.stix.Fixtures.PLATFORM;
import static org.assertj.core.api.Assertions.assertThat;

class TlpPolicyTest {

    private static final Reader OUTSIDER = new Reader(PLATFORM, false);
    private static final Reader MEMBER = new Reader(PLATFORM, true);

    @Test
    void clearAndGreenAreForEveryParticipant() {
        assertThat(TlpPolicy.mayRead(Fixtures.indicator(Tlp.CLEAR), OUTSIDER)).isTrue();
        assertThat(TlpPolicy.mayRead(Fixtures.indicator(Tlp.GREEN), OUTSIDER)).isTrue();
    }

    @Test
    void amberAndAmberStrictAreForCollectionMembersOnly() {
        for (Tlp tlp : List.of(Tlp.AMBER, Tlp.AMBER_STRICT)) {
            assertThat(TlpPolicy.mayRead(Fixtures.indicator(tlp), MEMBER)).as(tlp.label()).isTrue();
            assertThat(TlpPolicy.decide(Fixtures.indicator(tlp), OUTSIDER).allowed()).as(tlp.label()).isFalse();
        }
    }

    @Test
    void redIsForNamedRecipientsAndTheCreatorOnly() {
        Indicator red = StixSignals.withRecipients(Fixtures.indicator(Tlp.RED), List.of(AUTHORITY));
        assertThat(TlpPolicy.mayRead(red, new Reader(AUTHORITY, false))).isTrue();
        assertThat(TlpPolicy.mayRead(red, MEMBER)).isFalse();
        assertThat(TlpPolicy.mayRead(red, new Reader(FACT_CHECKER, false))).isTrue();
        assertThat(TlpPolicy.decide(red, MEMBER).reason()).contains("does not name the reader");
        assertThat(TlpPolicy.mayRead(Fixtures.indicator(Tlp.RED), new Reader(AUTHORITY, true))).isFalse();
    }

    @Test
    void unmarkedObjectsAreTreatedAsAmber() {
        Indicator unmarked = StixSignals.edit(Fixtures.indicator(Tlp.CLEAR), json -> {
            json.remove("object_marking_refs");
            return json;
        });
        assertThat(TlpPolicy.level(unmarked)).isEmpty();
        assertThat(TlpPolicy.mayRead(unmarked, MEMBER)).isTrue();
        assertThat(TlpPolicy.decide(unmarked, OUTSIDER).reason()).contains("unmarked");
        assertThat(TlpPolicy.mayRead(unmarked, OUTSIDER)).isFalse();
    }

    @Test
    void theMostRestrictiveMarkingWinsGranularOnesIncluded() {
        Indicator mixed = StixSignals.edit(Fixtures.indicator(Tlp.CLEAR), json -> {
            json.putArray("granular_markings").addObject().put("marking_ref", Tlp.AMBER.markingId())
                    .putArray("selectors").add("description");
            return json;
        });
        assertThat(TlpPolicy.level(mixed)).hasValue(Tlp.AMBER);
        assertThat(TlpPolicy.mayRead(mixed, OUTSIDER)).isFalse();
    }

    @Test
    void tlp1IdsFromTheStixSpecAreUnderstood() {
        Indicator legacyRed = StixSignals.edit(Fixtures.indicator(Tlp.CLEAR), json -> {
            json.putArray("object_marking_refs").add("marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed");
            return json;
        });
        assertThat(TlpPolicy.level(legacyRed)).hasValue(Tlp.RED);
        assertThat(TlpPolicy.mayRead(legacyRed, MEMBER)).isFalse();
    }

    @Test
    void definitionsArePublic() {
        assertThat(TlpPolicy.mayRead(AssayExtension.definition(), OUTSIDER)).isTrue();
        assertThat(TlpPolicy.mayRead(Tlp.RED.markingDefinition(), OUTSIDER)).isTrue();
    }
}
