package io.assay.exchange.provenance;

import io.assay.exchange.json.StixJson;
import io.assay.exchange.stix.Fixtures;
import io.assay.exchange.stix.StixCodec;
import io.assay.exchange.stix.Tlp;
import tools.jackson.databind.node.ObjectNode;

import java.security.KeyPair;
import java.util.List;

/**
 * A rough figure for the README, not a test and not a benchmark: sign + verify of one indicator (parse included),
 * per algorithm, after a warm-up. Run with the test classpath: {@code java -cp ... SignVerifyMeasure}.
 */
public final class SignVerifyMeasure {

    private SignVerifyMeasure() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        for (JwsAlgorithm algorithm : JwsAlgorithm.values()) {
            KeyPair pair = ProvenanceTest.generate(algorithm);
            ObjectSigner signer = new ObjectSigner(Fixtures.FACT_CHECKER, "k", pair.getPrivate());
            ObjectVerifier verifier = new ObjectVerifier(KeyRegistry.of(List.of(
                    new ParticipantKey(Fixtures.FACT_CHECKER, "k", pair.getPublic()))));
            ObjectNode indicator = StixCodec.write(Fixtures.indicator(Tlp.GREEN));
            String wire = StixJson.write(signer.sign(indicator));
            for (int i = 0; i < rounds / 4; i++) {
                run(signer, verifier, indicator);
            }
            long start = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                run(signer, verifier, indicator);
            }
            long signVerify = System.nanoTime() - start;
            start = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                if (!verifier.verify(StixJson.parseObject(wire)).valid()) {
                    throw new IllegalStateException();
                }
            }
            long verifyOnly = System.nanoTime() - start;
            System.out.printf("%s: sign+verify %.1f us/object, parse+verify %.1f us/object (%d rounds, %d bytes)%n",
                    algorithm.jwsName(), signVerify / 1e3 / rounds, verifyOnly / 1e3 / rounds, rounds, wire.length());
        }
    }

    private static void run(ObjectSigner signer, ObjectVerifier verifier, ObjectNode indicator) {
        if (!verifier.verify(StixJson.parseObject(StixJson.write(signer.sign(indicator)))).valid()) {
            throw new IllegalStateException("did not verify");
        }
    }
}
