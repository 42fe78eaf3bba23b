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

    /**
     * Starts the server with settings given programmatically (by the CLI). They are passed as command-line
     * arguments, so they outrank application.properties and environment variables, as an explicit option should.
     */
    public static ConfigurableApplicationContext start(Map<String, Object> properties) {
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new SpringApplication(AssayServer.class).run(args);
    }
}
