package io.assay.c2pa.validation.credential;

import io.assay.c2pa.validation.TrustSettings;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds {@link TrustSettings} from trust lists: PEM certificate bundles (trust anchors, allowed end-entity
 * certificates, time-stamping-authority anchors) and an EKU configuration in the reference's {@code store.cfg} format
 * (one dotted OID per line, {@code //} comments). {@link #defaults()} uses the bundled official C2PA trust list, C2PA
 * TSA trust list and the Interim Trust List (see the resource folder's README for sources and licences).
 */
public final class TrustLists {

    private static final String RESOURCES = "/io/assay/c2pa/trust/";
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]*?)-----END CERTIFICATE-----");
    private static final Pattern OID = Pattern.compile("[0-2](\\.[0-9]+)+");
    private static final int MAX_CERTS = 10_000;

    private TrustLists() {
    }

    /** Every certificate of a PEM bundle (a JSON-escaped bundle, with literal "\n", is accepted too). */
    public static List<X509Certificate> readPem(String pem) {
        String text = pem.replace("\\n", "\n");
        List<X509Certificate> out = new ArrayList<>();
        Matcher m = PEM.matcher(text);
        CertificateFactory factory;
        try {
            factory = CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException("no X.509 support", e);
        }
        while (m.find()) {
            if (out.size() >= MAX_CERTS) {
                throw new IllegalArgumentException("trust list has more than " + MAX_CERTS + " certificates");
            }
            byte[] der;
            try {
                der = Base64.getMimeDecoder().decode(m.group(1));
                out.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
            } catch (IllegalArgumentException | CertificateException e) {
                throw new IllegalArgumentException("trust list: certificate " + (out.size() + 1)
                        + " is not a readable X.509 certificate: " + e.getMessage(), e);
            }
        }
        return out;
    }

    public static List<X509Certificate> readPem(Path file) throws IOException {
        return readPem(Files.readString(file, StandardCharsets.US_ASCII));
    }

    public static List<X509Certificate> readPem(InputStream in) throws IOException {
        return readPem(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
    }

    /** The EKU OIDs of a {@code store.cfg}-style file: one OID per line, blank lines and {@code //} comments ignored. */
    public static Set<String> readEkuConfig(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            int comment = line.indexOf("//");
            if (comment >= 0) {
                line = line.substring(0, comment).strip();
            }
            if (OID.matcher(line).matches()) {
                out.add(line);
            }
        }
        return out;
    }

    public static Set<String> readEkuConfig(Path file) throws IOException {
        return readEkuConfig(Files.readString(file, StandardCharsets.UTF_8));
    }

    /**
     * Trust settings from files; any of them may be null (no anchors, no allowed list, the C2PA default EKUs, no
     * separate TSA anchors). Trust and time-stamp trust are checked; the validation time is the clock.
     */
    /** Trust checked against several PEM bundles of each kind (any list may be empty) and an optional EKU file. */
    public static TrustSettings custom(List<Path> anchors, List<Path> allowed, Path ekuConfig, List<Path> tsaAnchors)
            throws IOException {
        return new TrustSettings(true, true, readAll(anchors), readAll(allowed),
                ekuConfig == null ? Set.of() : readEkuConfig(ekuConfig), readAll(tsaAnchors), null);
    }

    private static List<X509Certificate> readAll(List<Path> pems) throws IOException {
        List<X509Certificate> out = new ArrayList<>();
        for (Path p : pems) {
            out.addAll(readPem(p));
        }
        return out;
    }

    public static TrustSettings of(Path anchors, Path allowed, Path ekuConfig, Path tsaAnchors) throws IOException {
        return new TrustSettings(true, true,
                anchors == null ? List.of() : readPem(anchors),
                allowed == null ? List.of() : readPem(allowed),
                ekuConfig == null ? Set.of() : readEkuConfig(ekuConfig),
                tsaAnchors == null ? List.of() : readPem(tsaAnchors),
                null);
    }

    /**
     * The product defaults: anchors = official C2PA trust list + Interim Trust List roots, allowed list = Interim
     * Trust List end-entity certificates, TSA anchors = official C2PA TSA trust list, the C2PA default EKUs.
     */
    public static TrustSettings defaults() {
        return Defaults.SETTINGS;
    }

    /** Parsed once per JVM, on first use: about 200 certificates, and TrustSettings is immutable. */
    private static final class Defaults {
        static final TrustSettings SETTINGS = load();
    }

    private static TrustSettings load() {
        List<X509Certificate> anchors = new ArrayList<>(resource("C2PA-TRUST-LIST.pem"));
        anchors.addAll(resource("ITL-anchors.pem"));
        return new TrustSettings(true, true, anchors, resource("ITL-allowed.pem"), Set.of(),
                resource("C2PA-TSA-TRUST-LIST.pem"), null);
    }

    private static List<X509Certificate> resource(String name) {
        try (InputStream in = TrustLists.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("bundled trust list " + name + " is missing");
            }
            return readPem(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled trust list " + name, e);
        }
    }
}
