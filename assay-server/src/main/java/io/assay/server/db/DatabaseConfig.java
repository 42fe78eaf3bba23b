package io.assay.server.db;

import com.zaxxer.hikari.HikariDataSource;
import io.assay.server.AssayProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;

/**
 * PostgreSQL everywhere: an external server when {@code assay.db.url} is set, otherwise the embedded one, whose
 * data lives in {@code assay.data-dir}. Flyway migrates either at start.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfig {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfig.class);

    /** Where to connect; owns the embedded server, if any, and stops it after the pool has closed. */
    public record DatabaseServer(String jdbcUrl, String user, String password, EmbeddedPostgres embedded)
            implements AutoCloseable {
        @Override
        public void close() {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    @Bean(destroyMethod = "close")
    DatabaseServer databaseServer(AssayProperties props) throws IOException {
        if (props.db().external()) {
            log.info("Using the external PostgreSQL at {}", props.db().url());
            return new DatabaseServer(props.db().url(), props.db().user(), props.db().password(), null);
        }
        EmbeddedPostgres pg = EmbeddedPostgres.start(props.dataDir().toAbsolutePath(), props.db().embeddedPort());
        return new DatabaseServer(pg.jdbcUrl(), pg.user(), pg.password(), pg);
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseServer server) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(server.jdbcUrl());
        ds.setUsername(server.user());
        ds.setPassword(server.password());
        ds.setPoolName("assay");
        ds.setMaximumPoolSize(10);
        return ds;
    }
}
