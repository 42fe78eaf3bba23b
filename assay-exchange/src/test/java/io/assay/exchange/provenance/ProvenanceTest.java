package io.assay.exchange.provenance;

import io.assay.exchange.json.StixJson;
import io.assay.exchange.stix.Fixtures;
import io.assay.exchange.stix.Indicator;
import io.assay.exchange.stix.StixCodec;
import io.assay.exchange.stix.Tlp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.node.ObjectNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;

import static io.assay.exchange.stix.Fixtures.FACT_CHECKER;
import static io.assay.exchange.stix.Fixtures.PLATFORM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProvenanceTest {

    private static final KeyPair ED = generate(JwsAlgorithm.EDDSA);
    private static final KeyPair EC = generate(JwsAlgorithm.ES256);
    private static final KeyPair OTHER_ED = generate(JwsAlgorithm.EDDSA);

    private static final KeyRegistry REGISTRY = KeyRegistry.of(List.of(
            new ParticipantKey(FACT_CHECKER, "fc-ed", ED.getPublic()),
            new ParticipantKey(FACT_CHECKER, "fc-ec", EC.getPublic()),
            new ParticipantKey(PLATFORM, "platform-ed", OTHER_ED.getPublic())));
    private static final ObjectVerifier VERIFIER = new ObjectVerifier(REGISTRY);

    static KeyPair generate(JwsAlgorithm algorithm) {
        try {
            if (algorithm == JwsAlgorithm.EDDSA) {
                return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            }
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectSigner signer(JwsAlgorithm algorithm) {
        return algorithm == JwsAlgorithm.EDDSA ? new ObjectSigner(FACT_CHECKER, "fc-ed", ED.getPrivate())
                : new ObjectSigner(FACT_CHECKER, "fc-ec", EC.getPrivate());
    }

    private static ObjectNode signed(JwsAlgorithm algorithm) {
        return signer(algorithm).sign(StixCodec.write(Fixtures.indicator(Tlp.GREEN)));
    }

    @ParameterizedTest
    @EnumSource(JwsAlgorithm.class)
    void signedObjectsVerify(JwsAlgorithm algorithm) {
        ObjectNode object = signed(algorithm);
        assertThat(object.get(ObjectSignatures.PROPERTY).stringValue()).matches("[A-Za-z0-9_-]+\\.\\.[A-Za-z0-9_-]+");
        Verification v = VERIFIER.verify(object);
        assertThat(v.valid()).as(v.reason()).isTrue();
        assertThat(v.signerIdentity()).isEqualTo(FACT_CHECKER);
    }

    @ParameterizedTest
    @EnumSource(JwsAlgorithm.class)
    void theSignatureSurvivesTransportReorderingAndTheModel(JwsAlgorithm algorithm) {
        ObjectNode object = signed(algorithm);
        String pretty = StixJson.writePretty(object);
        assertThat(VERIFIER.verify(StixJson.parseObject(pretty)).valid()).isTrue();
        Indicator parsed = (Indicator) StixCodec.read(pretty);
        assertThat(VERIFIER.verify(parsed).valid()).isTrue();
        assertThat(signer(algorithm).sign(Fixtures.indicator(Tlp.GREEN))).isInstanceOf(Indicator.class);
    }

    @ParameterizedTest
    @EnumSource(JwsAlgorithm.class)
    void oneChangedPropertyIsRejected(JwsAlgorithm algorithm) {
        ObjectNode object = signed(algorithm);
        object.put("name", "Flagged media: harmless");
        assertThat(VERIFIER.verify(object).reason()).contains("altered or forged");
        ObjectNode extensionChanged = signed(algorithm);
        ((ObjectNode) extensionChanged.get("extensions").get(io.assay.exchange.stix.AssayExtension.ID)).put("candidate", "Someone Else");
        assertThat(VERIFIER.verify(extensionChanged).valid()).isFalse();
        ObjectNode added = signed(algorithm);
        added.put("x_injected", true);
        assertThat(VERIFIER.verify(added).valid()).isFalse();
    }

    @Test
    void aSignatureByAnotherKeyIsRejected() {
        ObjectNode object = signed(JwsAlgorithm.EDDSA);
        // signed with the platform's key but claiming the fact-checker's kid
        ObjectNode forged = new ObjectSigner(FACT_CHECKER, "fc-ed", OTHER_ED.getPrivate())
                .sign(StixCodec.write(Fixtures.indicator(Tlp.GREEN)));
        assertThat(VERIFIER.verify(forged).reason()).contains("altered or forged");
        // a genuine signature from another participant's key does not vouch for the fact-checker's object
        ObjectNode platformSigned = object.deepCopy();
        platformSigned.put(ObjectSignatures.PROPERTY, jws("{\"alg\":\"EdDSA\",\"kid\":\"platform-ed\"}",
                new byte[64]));
        assertThat(VERIFIER.verify(platformSigned).reason()).contains("created_by_ref");
        assertThat(new ObjectVerifier(kid -> java.util.Optional.empty()).verify(object).reason())
                .contains("unknown key");
    }

    @Test
    void algNoneIsRejected() {
        ObjectNode object = signed(JwsAlgorithm.EDDSA);
        object.put(ObjectSignatures.PROPERTY, Base64Url.encode("{\"alg\":\"none\",\"kid\":\"fc-ed\"}"
                .getBytes(StandardCharsets.UTF_8)) + "..");
        assertThat(VERIFIER.verify(object).valid()).isFalse();
        object.put(ObjectSignatures.PROPERTY, jws("{\"alg\":\"none\",\"kid\":\"fc-ed\"}", new byte[64]));
        assertThat(VERIFIER.verify(object).reason()).contains("none is not accepted");
    }

    @Test
    void hs256WithThePublicKeyAsSecretIsRejected() throws Exception {
        ObjectNode object = StixCodec.write(Fixtures.indicator(Tlp.GREEN));
        String header = Base64Url.encode("{\"alg\":\"HS256\",\"kid\":\"fc-ed\"}".getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(ED.getPublic().getEncoded(), "HmacSHA256"));
        byte[] tag = mac.doFinal(ObjectSignatures.signingInput(header, ObjectSignatures.payload(object)));
        object.put(ObjectSignatures.PROPERTY, header + ".." + Base64Url.encode(tag));
        assertThat(VERIFIER.verify(object).reason()).contains("HS256 is not accepted");
    }

    @Test
    void aHeaderNamingTheOtherAcceptedAlgorithmIsRejected() {
        ObjectNode object = signed(JwsAlgorithm.ES256);
        String sig = object.get(ObjectSignatures.PROPERTY).stringValue().split("\\.\\.")[1];
        object.put(ObjectSignatures.PROPERTY, Base64Url.encode("{\"alg\":\"EdDSA\",\"kid\":\"fc-ec\"}"
                .getBytes(StandardCharsets.UTF_8)) + ".." + sig);
        assertThat(VERIFIER.verify(object).reason()).contains("registered for ES256");
    }

    @Test
    void headerMembersThatChangeProcessingAreRejected() {
        ObjectNode object = signed(JwsAlgorithm.EDDSA);
        object.put(ObjectSignatures.PROPERTY, jws("{\"alg\":\"EdDSA\",\"kid\":\"fc-ed\",\"crit\":[\"b64\"],"
                + "\"b64\":false}", new byte[64]));
        assertThat(VERIFIER.verify(object).reason()).contains("not accepted");
        object.put(ObjectSignatures.PROPERTY, jws("{\"alg\":\"EdDSA\",\"kid\":\"fc-ed\",\"jwk\":{}}", new byte[64]));
        assertThat(VERIFIER.verify(object).reason()).contains("jwk");
    }

    @Test
    void algAndKidMustBeStrings() {
        ObjectNode object = signed(JwsAlgorithm.EDDSA);
        object.put(ObjectSignatures.PROPERTY, jws("{\"alg\":[\"EdDSA\"],\"kid\":\"fc-ed\"}", new byte[64]));
        assertThat(VERIFIER.verify(object).reason()).contains("not accepted");
        object.put(ObjectSignatures.PROPERTY, jws("{\"alg\":\"EdDSA\",\"kid\":7}", new byte[64]));
        assertThat(VERIFIER.verify(object).reason()).contains("no kid");
    }

    @Test
    void unsignedAndMalformedSignaturesAreRejectedWithAReason() {
        ObjectNode object = StixCodec.write(Fixtures.indicator(Tlp.GREEN));
        assertThat(VERIFIER.verify(object).reason()).contains("unsigned");
        object.put(ObjectSignatures.PROPERTY, "a.b.c");
        assertThat(VERIFIER.verify(object).reason()).contains("detached");
        object.put(ObjectSignatures.PROPERTY, "e30..AAAA");
        assertThat(VERIFIER.verify(object).valid()).isFalse();
        object.put(ObjectSignatures.PROPERTY, 5);
        assertThat(VERIFIER.verify(object).valid()).isFalse();
    }

    @Test
    void aSignerOnlySignsItsOwnObjects() {
        ObjectSigner platform = new ObjectSigner(PLATFORM, "platform-ed", OTHER_ED.getPrivate());
        assertThatThrownBy(() -> platform.sign(StixCodec.write(Fixtures.indicator(Tlp.GREEN))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("created_by_ref");
    }

    @ParameterizedTest
    @EnumSource(JwsAlgorithm.class)
    void keysLoadFromJwkAndPem(JwsAlgorithm algorithm) {
        KeyPair pair = algorithm == JwsAlgorithm.EDDSA ? ED : EC;
        String jwk = PublicKeys.toJwk(pair.getPublic());
        assertThat(PublicKeys.fromJwk(jwk)).isEqualTo(pair.getPublic());
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(pair.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
        assertThat(PublicKeys.fromPem(pem)).isEqualTo(pair.getPublic());
        KeyRegistry fromJwk = KeyRegistry.of(List.of(new ParticipantKey(FACT_CHECKER,
                algorithm == JwsAlgorithm.EDDSA ? "fc-ed" : "fc-ec", PublicKeys.fromJwk(jwk))));
        assertThat(new ObjectVerifier(fromJwk).verify(signed(algorithm)).valid()).isTrue();
    }

    @Test
    void unusableKeysAreRefused() {
        assertThatThrownBy(() -> PublicKeys.fromJwk("{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"AA\",\"d\":\"AA\"}"))
                .hasMessageContaining("private");
        assertThatThrownBy(() -> PublicKeys.fromJwk("{\"kty\":\"oct\",\"k\":\"AAAA\"}")).hasMessageContaining("kty");
        assertThatThrownBy(() -> PublicKeys.fromJwk("{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\""
                + Base64Url.encode(new byte[32]) + "\",\"y\":\"" + Base64Url.encode(new byte[32]) + "\"}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PublicKeys.fromPem("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String jws(String header, byte[] signature) {
        return Base64Url.encode(header.getBytes(StandardCharsets.UTF_8)) + ".." + Base64Url.encode(signature);
    }
}
