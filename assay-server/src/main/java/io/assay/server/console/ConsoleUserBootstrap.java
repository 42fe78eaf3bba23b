package io.assay.server.console;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Makes sure someone can log in to the console: when no console user exists, the first admin is made from
 * {@code assay.console.admin-user} / {@code assay.console.admin-password}, or, without a password, with a random one
 * that is shown once in the log (only its hash is kept), as {@link io.assay.server.security.ApiKeyBootstrap} does for
 * API keys.
 */
@Component
@Order(1)
public class ConsoleUserBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ConsoleUserBootstrap.class);

    private final ConsoleUsers users;
    private final ConsoleProperties props;
    private final AuditLog audit;

    public ConsoleUserBootstrap(ConsoleUsers users, ConsoleProperties props, AuditLog audit) {
        this.users = users;
        this.props = props;
        this.audit = audit;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.any()) {
            return;
        }
        String password = props.adminPassword();
        if (password != null && !password.isBlank()) {
            users.add(props.adminUser(), password, "admin", "configuration");
            audit.record("configuration", "user.add", props.adminUser(), "first admin, from assay.console.admin-password", "role admin");
            return;
        }
        byte[] b = new byte[18];
        new SecureRandom().nextBytes(b);
        String made = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        users.add(props.adminUser(), made, "admin", "bootstrap");
        audit.record("bootstrap", "user.add", props.adminUser(), "first admin, password shown once in the log", "role admin");
        log.warn("""

                ==> No console user existed, so an admin was created for the console at /:
                ==>     user {}  password {}
                ==> It is shown only now: only its hash is kept. Add people on the Users page.
                """, props.adminUser(), made);
    }
}
