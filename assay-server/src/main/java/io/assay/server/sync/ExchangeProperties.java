package io.assay.server.sync;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * This node's part in the signal exchange ({@code assay.exchange.*}).
 *
 * @param identity          this node's STIX identity ({@code identity--<uuid>}); the exchange is off without it
 * @param signingKey        PEM PKCS#8 private key (Ed25519 or P-256) that signs what this node publishes
 * @param kid               the key id peers registered for {@code signingKey}
 * @param publishCollection title of the local TAXII collection this node publishes into (created at start if missing)
 * @param publishBanks      banks whose new entries are published as signed indicators (none by default)
 * @param participantKeys   the public keys of the participants whose signals this node accepts
 * @param peers             TAXII collections this node polls
 */
@ConfigurationProperties("assay.exchange")
public record ExchangeProperties(String identity, Path signingKey, String kid, String publishCollection,
                                 List<String> publishBanks, List<ParticipantKey> participantKeys, List<Peer> peers) {

    public ExchangeProperties {
        publishCollection = publishCollection != null ? publishCollection : "signals";
        publishBanks = publishBanks != null ? List.copyOf(publishBanks) : List.of();
        participantKeys = participantKeys != null ? List.copyOf(participantKeys) : List.of();
        peers = peers != null ? List.copyOf(peers) : List.of();
    }

    public boolean publishing() {
        return identity != null && signingKey != null && kid != null && !publishBanks.isEmpty();
    }

    /** A participant's registered public key (PEM SubjectPublicKeyInfo file). */
    public record ParticipantKey(String identity, String kid, Path key) {
    }

    /**
     * A peer's TAXII collection.
     *
     * @param url          the collection's objects URL ({@code .../collections/{id}/objects/})
     * @param token        the bearer token this node presents (from configuration or the environment, never stored)
     * @param interval     time between polls (default 2 s); doubled after each failure, up to 5 minutes
     * @param bank         the local bank the peer's signals go into (created if missing)
     * @param allowPrivate let the URL be on a private or loopback address (a peer on your own network)
     * @param shareSightings post this node's signed sightings of the peer's signals back to the peer's collection
     *                       (needs write rights there and this node's identity and signing key)
     * @param push         also follow the collection's event stream (an Assay peer's push extension), so new signals
     *                     are fetched the moment they are added rather than at the next poll
     */
    public record Peer(String name, URI url, String token, Duration interval, String bank, boolean allowPrivate,
                       boolean shareSightings, boolean push) {
        public Peer {
            interval = interval != null ? interval : Duration.ofSeconds(2);
            bank = bank != null ? bank : "exchange-" + name;
        }
    }
}
