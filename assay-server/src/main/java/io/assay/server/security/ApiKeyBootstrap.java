package io.assay.server.security;

import io.assay.server.AssayProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes sure the server can be used: registers the configured key ({@code assay.api-key} / {@code ASSAY_API_KEY}),
 * or, on a server with no key at all, creates one and shows it once.
 */
@Component
@Order(0)
public class ApiKeyBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ApiKeyBootstrap.class);

    private final ApiKeys keys;
    private final AssayProperties props;

    public ApiKeyBootstrap(ApiKeys keys, AssayProperties props) {
        this.keys = keys;
        this.props = props;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (props.apiKey() != null && !props.apiKey().isBlank()) {
            keys.register("configured", props.apiKey());
            return;
        }
        if (!keys.anyActive()) {
            String key = keys.create("admin");
            log.warn("""

                    ==> No API key existed, so one was created for this server:
                    ==>     {}
                    ==> Write requests need it (Authorization: Bearer KEY). It is shown only now: only its hash is kept.
                    """, key);
        }
    }
}
