package io.assay.server.console;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * People who log in to the console ({@code console_user}): a role of {@code viewer} (reads everything), {@code reviewer}
 * (also decides review items and changes banks) or {@code admin} (also switches incident mode and adds users).
 * Passwords are kept as bcrypt hashes only.
 */
@Service
public class ConsoleUsers implements UserDetailsService {

    public static final List<String> ROLES = List.of("viewer", "reviewer", "admin");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{2,64}");

    /** A console user as the admin page lists them. */
    public record ConsoleUser(String username, String role, Instant createdAt, String createdBy, boolean disabled) {
    }

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;

    public ConsoleUsers(JdbcClient jdbc, PasswordEncoder encoder) {
        this.jdbc = jdbc;
        this.encoder = encoder;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        record Row(String name, String hash, String role, boolean disabled) {
        }
        Row row = jdbc.sql("select username, password_hash, role, disabled_at is not null from console_user where username = :u")
                .param("u", username)
                .query((rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
                .optional().orElseThrow(() -> new UsernameNotFoundException("no such user"));
        return User.withUsername(row.name()).password(row.hash()).disabled(row.disabled())
                .authorities(authorities(row.role()).stream().map(SimpleGrantedAuthority::new).toList()).build();
    }

    /** A role includes the roles below it: an admin may do what a reviewer may, a reviewer what a viewer may. */
    static List<String> authorities(String role) {
        return switch (role) {
            case "admin" -> List.of("ROLE_ADMIN", "ROLE_REVIEWER", "ROLE_VIEWER");
            case "reviewer" -> List.of("ROLE_REVIEWER", "ROLE_VIEWER");
            default -> List.of("ROLE_VIEWER");
        };
    }

    public boolean any() {
        return jdbc.sql("select exists (select 1 from console_user)").query(Boolean.class).single();
    }

    /** Adds a user; refuses a bad name, an unknown role, a short password or a name taken. */
    public ConsoleUser add(String username, String password, String role, String createdBy) {
        String name = username == null ? "" : username.trim();
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a user name has 2 to 64 letters, digits or . _ @ -");
        }
        String r = role == null ? "" : role.trim().toLowerCase(Locale.ROOT);
        if (!ROLES.contains(r)) {
            throw new IllegalArgumentException("the role must be viewer, reviewer or admin");
        }
        if (password == null || password.length() < 12) {
            throw new IllegalArgumentException("a password needs at least 12 characters");
        }
        if (password.length() > 200) {
            throw new IllegalArgumentException("a password has at most 200 characters");
        }
        int n = jdbc.sql("""
                        insert into console_user (username, password_hash, role, created_at, created_by)
                        values (:u, :h, :r, :at, :by) on conflict (username) do nothing""")
                .param("u", name).param("h", encoder.encode(password)).param("r", r)
                .param("at", Timestamp.from(Instant.now())).param("by", createdBy).update();
        if (n == 0) {
            throw new IllegalArgumentException("a user named '" + name + "' exists already");
        }
        return find(name).orElseThrow();
    }

    public Optional<ConsoleUser> find(String username) {
        return jdbc.sql("select username, role, created_at, created_by, disabled_at is not null from console_user where username = :u")
                .param("u", username).query((rs, i) -> new ConsoleUser(rs.getString(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4), rs.getBoolean(5)))
                .optional();
    }

    public List<ConsoleUser> list() {
        return jdbc.sql("select username, role, created_at, created_by, disabled_at is not null from console_user order by username")
                .query((rs, i) -> new ConsoleUser(rs.getString(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4), rs.getBoolean(5)))
                .list();
    }
}
