package io.assay.cli;

import io.assay.server.AssayServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code assay serve}: the HTTP API on an embedded PostgreSQL (data in {@code --data-dir}), or on an external
 * PostgreSQL given by {@code --db-url}. Other settings come from {@code application.properties} keys and environment
 * variables (for example {@code ASSAY_API_KEY}).
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run the Assay server (REST API, storage).")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", description = "HTTP port (default: ${DEFAULT-VALUE}).", defaultValue = "8080")
    int port;

    @Option(names = "--bind", description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for all).",
            defaultValue = "127.0.0.1")
    String bind;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where the embedded database lives (default: ~/.assay).")
    Path dataDir;

    @Option(names = "--demo", description = "Load demo data (a fictional election and a few scanned uploads) into an empty database.")
    boolean demo;

    @Option(names = "--db-url", paramLabel = "JDBC_URL", description = "Use this external PostgreSQL instead of the embedded one.")
    String dbUrl;

    @Option(names = "--db-user", description = "User for --db-url.")
    String dbUser;

    @Option(names = "--db-password", description = "Password for --db-url (or set ASSAY_DB_PASSWORD).", interactive = false)
    String dbPassword;

    @Option(names = "--policy", paramLabel = "FILE", description = "Label policy YAML.")
    Path policy;

    @Option(names = "--incident-mode", description = "Start in election incident mode.")
    boolean incidentMode;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Map<String, Object> props = new HashMap<>();
        props.put("server.port", port);
        props.put("server.address", bind);
        props.put("assay.demo", demo);
        if (dataDir != null) {
            props.put("assay.data-dir", dataDir.toAbsolutePath().toString());
        }
        if (dbUrl != null) {
            props.put("assay.db.url", dbUrl);
        }
        if (dbUser != null) {
            props.put("assay.db.user", dbUser);
        }
        if (dbPassword != null) {
            props.put("assay.db.password", dbPassword);
        }
        if (policy != null) {
            props.put("assay.policy.file", policy.toAbsolutePath().toString());
        }
        if (incidentMode) {
            props.put("assay.policy.incident-mode", true);
        }
        // Spring reports start-up failures itself (without stack traces once this logger is quiet); we add one line.
        props.put("logging.level.org.springframework.boot.SpringApplication", "off");
        ConfigurableApplicationContext ctx;
        try {
            ctx = AssayServer.start(props);
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            spec.commandLine().getErr().println("assay: the server could not start: " + root.getMessage());
            return 1;
        }
        CountDownLatch closed = new CountDownLatch(1);
        ctx.addApplicationListener((ApplicationListener<ContextClosedEvent>) e -> closed.countDown());
        String host = "0.0.0.0".equals(bind) ? "localhost" : bind;
        spec.commandLine().getOut().println("Assay is running: open http://" + host + ":" + port + "/  (Ctrl-C stops it)");
        spec.commandLine().getOut().flush();
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
