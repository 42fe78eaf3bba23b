package io.assay.c2pa.remote;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The URL and address vetting. No test here connects anywhere: only IP literals and {@code localhost} are resolved,
 * and {@link RemoteManifestFetcher#vet} never opens a connection; refused URLs fail before any connect.
 */
class RemoteAddressPolicyTest {

    private final RemoteManifestFetcher fetcher = new RemoteManifestFetcher(RemoteManifestPolicy.enabledWithDefaults());

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            https://127.0.0.1/m.c2pa             | loopback
            https://127.8.9.10/m.c2pa            | loopback
            https://localhost/m.c2pa             | loopback
            https://[::1]/m.c2pa                 | loopback
            https://10.1.2.3/m.c2pa              | private
            https://172.16.0.1/m.c2pa            | private
            https://172.31.255.255/m.c2pa        | private
            https://192.168.1.1/m.c2pa           | private
            https://[fc00::1]/m.c2pa             | unique local
            https://[fd12:3456::1]/m.c2pa        | unique local
            https://[fec0::1]/m.c2pa             | site-local
            https://169.254.169.254/latest/meta  | link-local
            https://[fe80::1]/m.c2pa             | link-local
            https://100.64.0.1/m.c2pa            | carrier-grade NAT
            https://100.127.255.254/m.c2pa       | carrier-grade NAT
            https://0.0.0.0/m.c2pa               | 0.0.0.0/8
            https://0.1.2.3/m.c2pa               | 0.0.0.0/8
            https://[::]/m.c2pa                  | unspecified
            https://224.0.0.1/m.c2pa             | multicast
            https://[ff02::1]/m.c2pa             | multicast
            https://255.255.255.255/m.c2pa       | broadcast
            https://[::ffff:127.0.0.1]/m.c2pa    | loopback
            https://[::ffff:10.0.0.1]/m.c2pa     | private
            https://[::ffff:169.254.169.254]/x   | link-local
            https://[::ffff:100.64.1.1]/x        | carrier-grade NAT
            https://[64:ff9b::a00:1]/x           | private
            https://[2002:c0a8:101::1]/x         | private
            """)
    void nonPublicAddressesAreRefused(String url, String why) {
        assertThatThrownBy(() -> fetcher.vet(url))
                .isInstanceOf(RemoteManifestException.class)
                .hasMessageContaining("refused remote manifest URL " + url)
                .hasMessageContaining(why)
                .hasMessageContaining("only public addresses are contacted");
        assertThatThrownBy(() -> fetcher.fetch(url)).isInstanceOf(RemoteManifestException.class).hasMessageContaining(why);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            http://cai-manifests.adobe.com/manifests/x | not http
            http://localhost:5000/libpng-test.c2pa     | not http
            file:///etc/passwd                         | not file
            ftp://example.com/m.c2pa                   | not ftp
            jar:file:/x.jar!/m.c2pa                    | not jar
            /relative/m.c2pa                           | not (no scheme)
            """)
    void onlyHttpsIsFetched(String url, String scheme) {
        assertThatThrownBy(() -> fetcher.fetch(url))
                .isInstanceOf(RemoteManifestException.class)
                .hasMessageStartingWith("refused remote manifest URL " + url + ": only https is fetched, ")
                .hasMessageContaining(scheme);
    }

    @Test
    void userInfoIsRefused() {
        assertThatThrownBy(() -> fetcher.vet("https://user:pw@example.com/m.c2pa"))
                .hasMessageContaining("user info");
    }

    @Test
    void aHostIsRefusedWhenAnyOfItsAddressesIsNonPublic() throws Exception {
        InetAddress pub = InetAddress.getByName("93.184.216.34");
        InetAddress priv = InetAddress.getByName("10.0.0.7");
        RemoteManifestFetcher rebinding = new RemoteManifestFetcher(RemoteManifestPolicy.enabledWithDefaults(),
                AddressPolicy.PUBLIC_ONLY, javax.net.ssl.SSLContext.getDefault(), h -> new InetAddress[]{pub, priv});
        assertThatThrownBy(() -> rebinding.vet("https://manifests.example/m.c2pa"))
                .hasMessageContaining("host manifests.example resolves to 10.0.0.7 is a private address");
    }

    @Test
    void publicAddressesPassAndThePinnedAddressIsTheVettedOne() throws Exception {
        RemoteManifestFetcher.Target t = fetcher.vet("https://8.8.8.8:8443/m.c2pa?x=1");
        assertThat(t.address().getHostAddress()).isEqualTo("8.8.8.8");
        assertThat(t.port()).isEqualTo(8443);
        assertThat(fetcher.vet("https://[2606:4700:4700::1111]/m").host()).isEqualTo("2606:4700:4700::1111");
        assertThat(AddressPolicy.PUBLIC_ONLY.refusal(InetAddress.getByName("1.1.1.1"))).isEmpty();
        assertThat(AddressPolicy.PUBLIC_ONLY.refusal(InetAddress.getByName("172.32.0.1"))).isEmpty();
        assertThat(AddressPolicy.PUBLIC_ONLY.refusal(InetAddress.getByName("100.128.0.1"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://8.8.8.8/m.c2pa", "http://x/y"})
    void nothingIsFetchedWhenDisabled(String url) {
        RemoteManifestFetcher off = new RemoteManifestFetcher(RemoteManifestPolicy.DISABLED);
        assertThatThrownBy(() -> off.fetch(url)).hasMessage("remote manifest at " + url
                + " not fetched: remote fetching is disabled");
    }

    @Test
    void linkHeaderC2paManifestTargets() {
        String header = "<https://a.example/x.c2pa>; rel=\"c2pa-manifest\", <https://b.example/>; rel=\"preload\", "
                + "</rel/y.c2pa>; title=\"a, b\"; rel=\"alternate c2pa-manifest\"";
        assertThat(LinkHeader.c2paManifestUrls(header, URI.create("https://site.example/img.jpg")))
                .containsExactly("https://a.example/x.c2pa", "https://site.example/rel/y.c2pa");
        assertThat(LinkHeader.c2paManifestUrls(null, null)).isEmpty();
    }
}
