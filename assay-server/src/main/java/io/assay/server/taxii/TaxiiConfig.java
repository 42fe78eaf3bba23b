package io.assay.server.taxii;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(TaxiiProperties.class)
public class TaxiiConfig {

    /** TAXII's filters are named {@code match[id]}, {@code match[type]}, ...: Tomcat must accept the brackets unencoded. */
    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> taxiiQueryBrackets() {
        return factory -> factory.addConnectorCustomizers(c -> c.setProperty("relaxedQueryChars", "[]"));
    }
}
