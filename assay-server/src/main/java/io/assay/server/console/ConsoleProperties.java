package io.assay.server.console;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The analyst console's settings ({@code assay.console.*}).
 *
 * @param adminUser     the first admin's user name (default {@code admin}), made at start when no console user exists
 * @param adminPassword the first admin's password ({@code ASSAY_CONSOLE_ADMIN_PASSWORD}); when empty, one is made and
 *                      shown once in the log, as API keys are
 * @param fetchUrls     let "Check a file" fetch a file from a URL given by an analyst (off by default: the server then
 *                      makes requests on someone's behalf)
 */
@ConfigurationProperties("assay.console")
public record ConsoleProperties(String adminUser, String adminPassword, boolean fetchUrls) {

    public ConsoleProperties {
        adminUser = adminUser == null || adminUser.isBlank() ? "admin" : adminUser.trim();
    }
}
