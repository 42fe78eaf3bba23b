package io.assay.exchange;

import io.assay.exchange.json.StixJson;
import io.assay.exchange.provenance.KeyRegistry;
import io.assay.exchange.provenance.ObjectSigner;
import io.assay.exchange.provenance.ObjectVerifier;
import io.assay.exchange.provenance.ParticipantKey;
import io.assay.exchange.provenance.PublicKeys;
import io.assay.exchange.provenance.Verification;
import io.assay.exchange.stix.AssayExtension;
import io.assay.exchange.stix.Bundle;
import io.assay.exchange.stix.DeepfakeFlag;
import io.assay.exchange.stix.Fixtures;
import io.assay.exchange.stix.Indicator;
import io.assay.exchange.stix.MediaSignal;
import io.assay.exchange.stix.StixCodec;
import io.assay.exchange.stix.StixObject;
import io.assay.exchange.stix.StixSignals;
import io.assay.exchange.stix.StixValidator;
import io.assay.exchange.stix.Tlp;
import io.assay.exchange.stix.ValidationError;
import io.assay.exchange.tlp.Reader;
import io.assay.exchange.tlp.TlpPolicy;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's example, end to end: flag, sign, bundle, send; at the peer read, verify, check access, match. */
class ReadmeExampleTest {

    @Test
    void flagSignShareVerifyAndMatch() throws Exception {
        String myIdentityId = Fixtures.FACT_CHECKER;
        String peerId = Fixtures.PLATFORM;
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String sha256Hex = Fixtures.SHA256;
        String pdqHex = Fixtures.PDQ;

        Instant now = Instant.now();
        Indicator flagged = StixSignals.indicator(myIdentityId,
                List.of(MediaSignal.of("sha256", sha256Hex), new MediaSignal("pdq", pdqHex, 100)),
                new DeepfakeFlag("deepfake", "Synthetic voice announcing a false polling date",
                        "https://factcheck.example/debunks/1234", "2026 municipal election", "Jane Doe"),
                Tlp.AMBER, now);
        ObjectNode signed = new ObjectSigner(myIdentityId, "fc-2026-1", keys.getPrivate()).sign(StixCodec.write(flagged));
        List<ValidationError> errors = StixValidator.validate(signed);
        assertThat(errors).isEmpty();
        String wire = StixJson.write(Bundle.of(List.of(AssayExtension.definition(), StixCodec.read(signed))).toJson());

        // at the peer, which registered the fact-checker's public JWK
        ObjectVerifier verifier = new ObjectVerifier(KeyRegistry.of(List.of(
                new ParticipantKey(myIdentityId, "fc-2026-1", PublicKeys.fromJwk(PublicKeys.toJwk(keys.getPublic()))))));
        List<MediaSignal> matched = new ArrayList<>();
        Bundle received = Bundle.read(wire);
        assertThat(StixValidator.validate(received)).isEmpty();
        for (StixObject o : received.objects()) {
            Verification v = verifier.verify(o);
            if (v.valid() && o instanceof Indicator i && TlpPolicy.mayRead(i, new Reader(peerId, true))) {
                matched.addAll(StixSignals.signals(i));
            }
        }
        assertThat(matched).containsExactlyInAnyOrder(MediaSignal.of("sha256", sha256Hex),
                new MediaSignal("pdq", pdqHex, 100));
    }
}
