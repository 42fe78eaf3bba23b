package io.assay.server.security;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * API keys: {@code ak_} followed by 256 random bits. Only their SHA-256 is stored, so a database leak reveals no
 * usable key; a slow password hash would add nothing for keys of this entropy.
 */
@Service
public class ApiKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    public ApiKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Makes a new key and returns it: the only time the key itself is seen. */
    public String create(String name) {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        String key = "ak_" + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        register(name, key);
        return key;
    }

    /** Stores the hash of a key chosen elsewhere (a deployment secret), if it is not stored yet. */
    public void register(String name, String key) {
        if (key.length() < 20) {
            throw new IllegalArgumentException("an API key must have at least 20 characters");
        }
        jdbc.sql("""
                        insert into api_key (id, name, key_hash, created_at) values (:id, :name, :hash, :at)
                        on conflict (key_hash) do nothing""")
                .param("id", UUID.randomUUID()).param("name", name).param("hash", hash(key))
                .param("at", Timestamp.from(Instant.now()))
                .update();
    }

    public boolean anyActive() {
        return jdbc.sql("select exists (select 1 from api_key where revoked_at is null)").query(Boolean.class).single();
    }

    /** The key's id when the presented key is known and not revoked. */
    public Optional<UUID> authenticate(String presented) {
        if (presented == null || presented.isBlank() || presented.length() > 200) {
            return Optional.empty();
        }
        Optional<UUID> id = jdbc.sql("select id from api_key where key_hash = :hash and revoked_at is null")
                .param("hash", hash(presented)).query(UUID.class).optional();
        id.ifPresent(k -> jdbc.sql("update api_key set last_used_at = now() where id = :id").param("id", k).update());
        return id;
    }

    /** The name a key was created under (for audit fields such as who banked an entry). */
    public Optional<String> name(UUID id) {
        return id == null ? Optional.empty()
                : jdbc.sql("select name from api_key where id = :id").param("id", id).query(String.class).optional();
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
