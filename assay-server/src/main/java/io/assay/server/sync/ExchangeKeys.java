package io.assay.server.sync;

import io.assay.exchange.provenance.KeyRegistry;
import io.assay.exchange.provenance.ObjectSigner;
import io.assay.exchange.provenance.ObjectVerifier;
import io.assay.exchange.provenance.ParticipantKey;
import io.assay.exchange.provenance.PublicKeys;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** This node's signing key and the participants' registered public keys, loaded once from configuration. */
@Component
public class ExchangeKeys {

    private final ObjectVerifier verifier;
    private final Optional<ObjectSigner> signer;

    public ExchangeKeys(ExchangeProperties props) throws IOException {
        List<ParticipantKey> keys = new ArrayList<>();
        for (ExchangeProperties.ParticipantKey k : props.participantKeys()) {
            keys.add(new ParticipantKey(k.identity(), k.kid(), PublicKeys.fromPem(Files.readString(k.key()))));
        }
        this.verifier = new ObjectVerifier(KeyRegistry.of(keys));
        this.signer = props.identity() != null && props.signingKey() != null && props.kid() != null
                ? Optional.of(new ObjectSigner(props.identity(), props.kid(), privateKey(props)))
                : Optional.empty();
    }

    public ObjectVerifier verifier() {
        return verifier;
    }

    /** This node's signer, when an identity, a key and a kid are configured. */
    public Optional<ObjectSigner> signer() {
        return signer;
    }

    private static PrivateKey privateKey(ExchangeProperties p) throws IOException {
        try {
            return io.assay.c2pa.sign.PemSigner.privateKey(Files.readString(p.signingKey())); // PKCS#8, SEC1 or PKCS#1
        } catch (io.assay.c2pa.sign.SignerException e) {
            throw new IOException("assay.exchange.signing-key: " + e.getMessage(), e);
        }
    }
}
