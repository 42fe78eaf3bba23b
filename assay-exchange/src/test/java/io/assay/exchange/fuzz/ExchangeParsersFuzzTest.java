package io.assay.exchange.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.assay.exchange.json.Jcs;
import io.assay.exchange.json.StixJson;
import io.assay.exchange.json.StixJsonException;
import io.assay.exchange.provenance.ObjectVerifier;
import io.assay.exchange.provenance.PublicKeys;
import io.assay.exchange.stix.Bundle;
import io.assay.exchange.stix.Indicator;
import io.assay.exchange.stix.StixCodec;
import io.assay.exchange.stix.StixObject;
import io.assay.exchange.stix.StixSignals;
import io.assay.exchange.stix.StixValidator;
import io.assay.exchange.tlp.Reader;
import io.assay.exchange.tlp.TlpPolicy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.Optional;

/**
 * Coverage-guided fuzzing (Jazzer) of everything that reads a peer's bytes: JSON intake, the STIX codec and bundle
 * reader, the validator, canonicalisation, TLP decisions, the JWS verifier, and key import. Acceptable outcomes are a
 * result or a StixJsonException / IllegalArgumentException with a reason; any other exception, a hang or running out
 * of memory is a finding. In the build it runs for a bounded time (the pom's fuzz execution).
 */
class ExchangeParsersFuzzTest {

    private static final ObjectVerifier VERIFIER = new ObjectVerifier(kid -> Optional.empty());

    @FuzzTest(maxDuration = "30s")
    void parsers(FuzzedDataProvider data) {
        int target = data.consumeInt(0, 3);
        String text = data.consumeRemainingAsString();
        try {
            switch (target) {
                case 0 -> object(text);
                case 1 -> {
                    Bundle bundle = Bundle.read(text);
                    StixValidator.validate(bundle);
                }
                case 2 -> PublicKeys.fromJwk(text);
                default -> {
                    // the signature property takes arbitrary text too
                    ObjectNode o = StixJson.newObject().put("type", "indicator")
                            .put("created_by_ref", "identity--0b1d4a4e-8d55-4c1e-9f0e-2c1a7b9b6f10")
                            .put("x_assay_signature", text);
                    VERIFIER.verify(o);
                }
            }
        } catch (StixJsonException | IllegalArgumentException expected) {
            // a clear refusal is the right answer to malformed input
        }
    }

    private static void object(String text) {
        JsonNode node = StixJson.parse(text);
        StixValidator.validate(node);
        StixValidator.validateBundle(node);
        if (!node.isObject()) {
            return;
        }
        Jcs.canonicalize(node);
        VERIFIER.verify((ObjectNode) node);
        StixObject object = StixCodec.read((ObjectNode) node);
        StixCodec.write(object);
        TlpPolicy.decide(object, new Reader("identity--0b1d4a4e-8d55-4c1e-9f0e-2c1a7b9b6f10", false));
        StixSignals.recipients(object);
        if (object instanceof Indicator indicator) {
            StixSignals.signals(indicator);
        }
    }
}
