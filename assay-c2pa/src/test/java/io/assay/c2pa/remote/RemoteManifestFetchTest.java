package io.assay.c2pa.remote;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.assay.c2pa.C2paContents;
import io.assay.c2pa.C2paReader;
import io.assay.c2pa.validation.C2paValidator;
import io.assay.c2pa.validation.StatusKind;
import io.assay.c2pa.validation.TrustSettings;
import io.assay.c2pa.validation.ValidationReport;
import io.assay.c2pa.validation.ValidationState;
import io.assay.c2pa.validation.ValidationStatus;
import io.assay.c2pa.validation.Validators;
import io.assay.core.media.AssetLimits;
import io.assay.core.media.MediaAsset;
import io.assay.core.testing.SharedCorpus;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * End to end against a real HTTPS server on 127.0.0.1 with a certificate made at test time. The production address
 * policy refuses loopback, so these fetchers are given a loopback-only policy and a TLS context trusting the test
 * certificate; nothing here contacts a non-loopback address.
 */
class RemoteManifestFetchTest {

    static final AddressPolicy LOOPBACK_ONLY = a -> a.isLoopbackAddress() ? Optional.empty()
            : Optional.of(a.getHostAddress() + " is not loopback");

    static HttpsServer server;
    static ExecutorService pool;
    static SSLContext clientTls;
    static byte[] sidecar;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        sidecar = Files.readAllBytes(SharedCorpus.corpus("c2pa/assets/rs-cloud_manifest.c2pa"));
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        KeyPair kp = g.generateKeyPair();
        X500Name name = new X500Name("CN=localhost");
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minusSeconds(3600)), Date.from(now.plusSeconds(86400)), name, kp.getPublic());
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[]{
                new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
        X509Certificate cert = new JcaX509CertificateConverter()
                .getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate())));

        char[] pw = "test".toCharArray();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("server", kp.getPrivate(), pw, new Certificate[]{cert});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, pw);
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(kmf.getKeyManagers(), null, null);

        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", cert);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        clientTls = SSLContext.getInstance("TLS");
        clientTls.init(null, tmf.getTrustManagers(), null);

        server = HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 16);
        server.setHttpsConfigurator(new HttpsConfigurator(serverTls));
        pool = Executors.newCachedThreadPool();
        server.setExecutor(pool);
        server.createContext("/manifests/", ex -> send(ex, 200, "application/c2pa", sidecar, false));
        server.createContext("/chunked/", ex -> send(ex, 200, "application/octet-stream", sidecar, true));
        server.createContext("/html", ex -> send(ex, 200, "text/html", "<html/>".getBytes(), false));
        server.createContext("/missing", ex -> send(ex, 404, "text/plain", "no".getBytes(), false));
        server.createContext("/redirect", ex -> {
            ex.getResponseHeaders().add("Location", "https://10.0.0.1/manifests/m.c2pa");
            send(ex, 302, "text/plain", new byte[0], false);
        });
        server.createContext("/slow", slow());
        server.start();
        base = "https://localhost:" + server.getAddress().getPort();
    }

    static HttpHandler slow() {
        return ex -> {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            send(ex, 200, "application/c2pa", sidecar, false);
        };
    }

    static void send(HttpExchange ex, int status, String type, byte[] body, boolean chunked) {
        try (ex; OutputStream out = ex.getResponseBody()) {
            ex.getResponseHeaders().add("Content-Type", type);
            ex.sendResponseHeaders(status, chunked ? 0 : (body.length == 0 ? -1 : body.length));
            out.write(body);
        } catch (java.io.IOException e) {
            // the client went away (timeouts, over-size refusals)
        }
    }

    @AfterAll
    static void stop() {
        server.stop(0);
        pool.shutdownNow();
    }

    static RemoteManifestFetcher fetcher(RemoteManifestPolicy policy) {
        return new RemoteManifestFetcher(policy, LOOPBACK_ONLY, clientTls, InetAddress::getAllByName);
    }

    static final RemoteManifestPolicy ON = RemoteManifestPolicy.enabledWithDefaults();

    @Test
    void fetchesTheStoreOverHttps() throws Exception {
        assertThat(fetcher(ON).fetch(base + "/manifests/rs-cloud")).isEqualTo(sidecar);
        assertThat(fetcher(ON).fetch(base + "/chunked/rs-cloud")).isEqualTo(sidecar);
        int port = server.getAddress().getPort();
        assertThat(fetcher(ON).fetch("https://127.0.0.1:" + port + "/manifests/x")).isEqualTo(sidecar);
    }

    /**
     * rs-cloud.jpg has no embedded store, only {@code dcterms:provenance}. With its remote manifest the reference
     * (c2pa-rs 0.91.3, fetch answered with the sidecar, no trust checking) reports Valid with
     * {@code assertion.dataHash.match}; the sidecar validated alone is Invalid (its data hash is of the JPEG), and
     * rs-cloudx.jpg with the same manifest is Invalid ({@code assertion.dataHash.mismatch}).
     */
    @Test
    void aRemoteOnlyAssetIsValidatedAgainstItsFetchedManifest() throws Exception {
        C2paValidator validator = Validators.standard(TrustSettings.noTrust(), Optional.of(fetcher(ON)));
        assertThat(validator.fetchesRemoteManifests()).isTrue();

        ValidationReport cloud = validateWithLocalUrl(validator, "rs-cloud.jpg");
        assertThat(cloud.state()).isEqualTo(ValidationState.Valid);
        assertThat(codes(cloud, StatusKind.FAILURE)).isEmpty();
        assertThat(codes(cloud, StatusKind.SUCCESS)).contains("assertion.dataHash.match", "claimSignature.validated",
                "timeStamp.validated");

        ValidationReport cloudx = validateWithLocalUrl(validator, "rs-cloudx.jpg");
        assertThat(cloudx.state()).isEqualTo(ValidationState.Invalid);
        assertThat(codes(cloudx, StatusKind.FAILURE)).containsExactly("assertion.dataHash.mismatch");
    }

    /** The asset's own URL points at cai-manifests.adobe.com; the test serves the same path from 127.0.0.1. */
    private static ValidationReport validateWithLocalUrl(C2paValidator validator, String name) throws Exception {
        MediaAsset asset = MediaAsset.open(SharedCorpus.corpus("c2pa/assets/" + name), AssetLimits.DEFAULT);
        C2paContents embedded = C2paReader.inspect(asset);
        assertThat(embedded.store()).isEmpty();
        String url = embedded.remoteManifestUrls().getFirst();
        assertThat(url).startsWith("https://cai-manifest");
        C2paContents local = new C2paContents(Optional.empty(), List.of(base + java.net.URI.create(url).getPath()));
        C2paContents fetched = validator.withRemoteStore(local);
        assertThat(fetched.store()).isPresent();
        assertThat(fetched.storeRanges()).isEmpty();
        return validator.validate(fetched, asset).orElseThrow();
    }

    @Test
    void disabledByDefault() throws Exception {
        MediaAsset asset = MediaAsset.open(SharedCorpus.corpus("c2pa/assets/rs-cloud.jpg"), AssetLimits.DEFAULT);
        C2paValidator validator = Validators.standard(TrustSettings.noTrust());
        assertThat(validator.fetchesRemoteManifests()).isFalse();
        assertThat(validator.validate(asset)).isEmpty();
        assertThat(Validators.standard(TrustSettings.noTrust(), RemoteManifestPolicy.DISABLED).validate(asset)).isEmpty();
    }

    @Test
    void theProductionPolicyRefusesThisLoopbackServer() {
        RemoteManifestFetcher strict = new RemoteManifestFetcher(ON, AddressPolicy.PUBLIC_ONLY, clientTls, InetAddress::getAllByName);
        assertThatThrownBy(() -> strict.fetch(base + "/manifests/x")).hasMessageContaining("loopback");
    }

    @Test
    void anOverSizeResponseIsRefused() {
        RemoteManifestFetcher small = fetcher(ON.withMaxBytes(1000));
        assertThatThrownBy(() -> small.fetch(base + "/manifests/x"))
                .isInstanceOf(RemoteManifestException.class)
                .hasMessageContaining("response too large (declares " + sidecar.length + " bytes; the limit is 1000 bytes)");
        assertThatThrownBy(() -> small.fetch(base + "/chunked/x"))
                .isInstanceOf(RemoteManifestException.class)
                .hasMessageContaining("response too large (more than 1000 bytes sent");
    }

    @Test
    void aSlowServerTimesOut() {
        RemoteManifestFetcher impatient = fetcher(ON.withTimeout(Duration.ofMillis(500)));
        long start = System.nanoTime();
        assertThatThrownBy(() -> impatient.fetch(base + "/slow"))
                .isInstanceOf(RemoteManifestException.class)
                .hasMessage("remote manifest at " + base + "/slow: timed out after 500 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void redirectsAreNotFollowed() {
        assertThatThrownBy(() -> fetcher(ON).fetch(base + "/redirect"))
                .isInstanceOf(RemoteManifestException.class)
                .hasMessageContaining("refused redirect (HTTP 302) to https://10.0.0.1/manifests/m.c2pa; redirects are not followed");
    }

    @Test
    void otherContentTypesAndStatusesAreErrors() {
        assertThatThrownBy(() -> fetcher(ON).fetch(base + "/html")).hasMessageContaining("unexpected content type 'text/html'");
        assertThatThrownBy(() -> fetcher(ON).fetch(base + "/missing")).hasMessageEndingWith(": HTTP 404");
    }

    @Test
    void theServerCertificateMustMatchTheHost() {
        // trusted TLS context, but the JDK default trust store does not know the test certificate
        RemoteManifestFetcher defaultTrust = new RemoteManifestFetcher(ON, LOOPBACK_ONLY, defaultTls(), InetAddress::getAllByName);
        assertThatThrownBy(() -> defaultTrust.fetch(base + "/manifests/x")).isInstanceOf(RemoteManifestException.class)
                .hasMessageContaining("SSLHandshakeException");
    }

    private static SSLContext defaultTls() {
        try {
            return SSLContext.getDefault();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> codes(ValidationReport r, StatusKind kind) {
        return r.activeManifest().stream().filter(s -> s.kind() == kind).map(ValidationStatus::code).toList();
    }
}
