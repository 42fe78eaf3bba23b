package io.assay.server.taxii;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Participants and their tokens: {@code tx_} followed by 256 random bits. Only the SHA-256 of a token is stored (as
 * for API keys), so the token is shown once, when it is made.
 */
@Service
public class Participants {

    /** A STIX identity id: {@code identity--} and a UUID. */
    public static final Pattern IDENTITY = Pattern.compile(
            "identity--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    public Participants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A participant with its token: the only time the token is seen. */
    public record Created(Participant participant, String token) {
    }

    /** Makes a participant; an empty identity gets a fresh {@code identity--<uuid>}. Empty when name or identity is taken. */
    public Optional<Created> create(String name, String identity) {
        String id = identity == null || identity.isBlank() ? "identity--" + UUID.randomUUID() : identity.toLowerCase();
        String token = newToken();
        Participant p = new Participant(UUID.randomUUID(), name, id);
        int rows = jdbc.sql("""
                        insert into taxii_participant (id, name, identity_id, token_hash, created_at)
                        values (:id, :name, :identity, :hash, :at) on conflict do nothing""")
                .param("id", p.id()).param("name", name).param("identity", id).param("hash", hash(token))
                .param("at", OffsetDateTime.now(ZoneOffset.UTC)).update();
        return rows == 1 ? Optional.of(new Created(p, token)) : Optional.empty();
    }

    /** Replaces a participant's token (the old one stops working at once). */
    public Optional<String> rotate(UUID id) {
        String token = newToken();
        int rows = jdbc.sql("update taxii_participant set token_hash = :hash where id = :id and revoked_at is null")
                .param("hash", hash(token)).param("id", id).update();
        return rows == 1 ? Optional.of(token) : Optional.empty();
    }

    /** Revokes a participant: its token stops working at once; its objects and statuses stay. */
    public boolean revoke(UUID id) {
        return jdbc.sql("update taxii_participant set revoked_at = :at where id = :id and revoked_at is null")
                .param("at", OffsetDateTime.now(ZoneOffset.UTC)).param("id", id).update() == 1;
    }

    public List<Participant> list() {
        return jdbc.sql("select id, name, identity_id from taxii_participant where revoked_at is null order by name")
                .query((rs, i) -> new Participant(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3))).list();
    }

    public Optional<Participant> find(UUID id) {
        return jdbc.sql("select id, name, identity_id from taxii_participant where id = :id and revoked_at is null")
                .param("id", id)
                .query((rs, i) -> new Participant(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3))).optional();
    }

    /** The participant whose token this is, if the token is known and the participant not revoked. */
    public Optional<Participant> authenticate(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        return jdbc.sql("select id, name, identity_id from taxii_participant where token_hash = :hash and revoked_at is null")
                .param("hash", hash(token))
                .query((rs, i) -> new Participant(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3))).optional();
    }

    private static String newToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return "tx_" + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
