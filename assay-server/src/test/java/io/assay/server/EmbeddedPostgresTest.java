package io.assay.server;

import io.assay.server.db.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded database keeps its data across restarts, under a password that is not left in the clear elsewhere. */
class EmbeddedPostgresTest {

    @TempDir
    Path dir;

    @Test
    void dataSurvivesARestart() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(dir, 0)) {
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password())) {
                c.createStatement().execute("create table t (v text)");
                c.createStatement().execute("insert into t values ('kept')");
            }
        }
        assertThat(Files.getPosixFilePermissions(dir.resolve("postgres.password")).toString()).isEqualTo("[OWNER_READ, OWNER_WRITE]");
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(dir, 0);
             Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password());
             ResultSet rs = c.createStatement().executeQuery("select v from t")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("kept");
        }
    }

    @Test
    void wrongPasswordIsRefused() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(dir, 0)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> DriverManager.getConnection(pg.jdbcUrl(), pg.user(), "wrong"))
                    .hasMessageContaining("password authentication failed");
        }
    }
}
