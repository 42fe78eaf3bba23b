package io.assay.server;

import io.assay.server.db.DatabaseConfig.DatabaseServer;
import io.assay.server.db.EmbeddedPostgres;
import io.assay.server.scan.ScanRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code assay.db.url} set the server uses that PostgreSQL and starts none of its own. The external server
 * here is a separately started PostgreSQL process (the same binaries), reached only through its JDBC URL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class ExternalDatabaseTest {

    static Path dir;
    static EmbeddedPostgres external;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) throws IOException {
        dir = Files.createTempDirectory("assay-external-db");
        external = EmbeddedPostgres.start(dir.resolve("external"), 0);
        r.add("assay.db.url", external::jdbcUrl);
        r.add("assay.db.user", external::user);
        r.add("assay.db.password", external::password);
        r.add("assay.data-dir", () -> dir.resolve("server").toString());
    }

    @AfterAll
    static void stop() {
        external.close();
    }

    @Autowired
    DatabaseServer server;

    @Autowired
    ScanRepository scans;

    @Test
    void usesTheConfiguredDatabaseAndMigratesIt() {
        assertThat(server.embedded()).isNull();
        assertThat(server.jdbcUrl()).isEqualTo(external.jdbcUrl());
        assertThat(scans.count()).isZero(); // the Flyway schema exists in the external database
        assertThat(dir.resolve("server/pgdata")).doesNotExist();
    }
}
