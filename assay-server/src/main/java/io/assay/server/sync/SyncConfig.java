package io.assay.server.sync;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code assay.exchange.*}. */
@Configuration
@EnableConfigurationProperties(ExchangeProperties.class)
public class SyncConfig {
}
