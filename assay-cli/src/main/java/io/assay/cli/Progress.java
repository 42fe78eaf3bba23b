package io.assay.cli;

import java.io.PrintWriter;

/** A one-line progress bar on stderr, redrawn in place; silent when stderr is not a terminal. */
final class Progress {

    private final PrintWriter err;
    private final int total;
    private final boolean enabled;
    private int done;

    Progress(PrintWriter err, int total, boolean enabled) {
        this.err = err;
        this.total = total;
        this.enabled = enabled;
    }

    void advance() {
        done++;
        if (!enabled) {
            return;
        }
        int width = 30;
        int filled = total == 0 ? width : (int) ((long) done * width / total);
        err.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + done + "/" + total + " files");
        err.flush();
    }

    void clear() {
        if (enabled && done > 0) {
            err.print("\r" + " ".repeat(60) + "\r");
            err.flush();
        }
    }

    /**
     * Whether stderr is an interactive terminal. Since JDK 22 {@code System.console()} is non-null even when
     * redirected, so {@code Console.isTerminal()} is asked where it exists.
     */
    static boolean stderrIsTerminal() {
        var console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) console.getClass().getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // JDK 21: a console exists only for a terminal
        }
    }
}
