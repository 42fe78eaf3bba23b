package io.assay.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.Map;

/** The Assay server: REST API, persistence and (later) the console. {@code assay serve} starts it. */
@SpringBootApplication
@EnableConfigurationProperties(AssayProperties.class)
public class AssayServer {

    public static void main(String[] args) {
        SpringApplication.run(AssayServer.class, args);
    }

    /** Starts the server with properties set programmatically (by the CLI), on top of the usual sources. */
    public static ConfigurableApplicationContext start(Map<String, Object> properties, String... args) {
        SpringApplication app = new SpringApplication(AssayServer.class);
        app.setDefaultProperties(properties);
        return app.run(args);
    }
}
