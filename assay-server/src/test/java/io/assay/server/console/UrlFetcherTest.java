package io.assay.server.console;

import io.assay.core.media.AssetLimits;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** "Check a file" by URL never reaches the server's own network, and speaks only http(s). */
class UrlFetcherTest {

    final UrlFetcher fetcher = new UrlFetcher(new AssetLimits(1 << 20, 1_000_000));

    @Test
    void refusesLocalAndPrivateAddresses() {
        for (String url : new String[]{"http://127.0.0.1:8080/v1/scans", "http://localhost/", "http://10.1.2.3/a.jpg",
                "http://192.168.0.1/a.jpg", "http://169.254.169.254/latest/meta-data/", "http://[::1]/a.jpg",
                "http://0.0.0.0/a.jpg"}) {
            assertThatThrownBy(() -> fetcher.fetch(url)).as(url).isInstanceOf(ConsoleException.class)
                    .hasMessageContaining("local or private");
        }
    }

    @Test
    void refusesOtherSchemes() {
        for (String url : new String[]{"file:///etc/passwd", "ftp://example.org/a.jpg", "gopher://x/", "not a url"}) {
            assertThatThrownBy(() -> fetcher.fetch(url)).as(url).isInstanceOf(ConsoleException.class);
        }
    }
}
