package io.assay.server.console;

import java.util.List;

/**
 * The console's pages, in menu order. A new page is one line here (its path, its menu title, the least role that
 * sees it), a controller method and a template using the layout fragment.
 */
public final class ConsoleNav {

    /** One menu entry. */
    public record Page(String path, String title, String role) {
    }

    public static final List<Page> PAGES = List.of(
            new Page("/", "Check a file", "VIEWER"),
            new Page("/reviews", "Review queue", "VIEWER"),
            new Page("/banks", "Banks and signals", "VIEWER"),
            new Page("/campaigns", "Campaigns", "VIEWER"),
            new Page("/settings", "Election settings", "VIEWER"),
            new Page("/report", "Transparency report", "VIEWER"),
            new Page("/audit", "Audit log", "VIEWER"),
            new Page("/users", "Users", "ADMIN"));

    private ConsoleNav() {
    }
}
