package io.assay.c2pa.remote;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.IDN;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Fetches a remote C2PA manifest store over HTTPS, under a {@link RemoteManifestPolicy} and an {@link AddressPolicy}.
 *
 * <ul>
 *   <li>Only {@code https} URLs; anything else is refused before any network activity.</li>
 *   <li>The host is resolved once and refused when ANY of its addresses is refused by the address policy.</li>
 *   <li>The connection goes to the vetted address itself (a plain socket to that {@link InetAddress}, then TLS on top
 *       with the URL's host name for SNI and certificate host name verification, and the {@code Host} header): the
 *       name is never resolved a second time, so DNS rebinding cannot swap in another address between check and
 *       connect. This is why a minimal HTTP/1.1 GET is written here rather than using {@code java.net.http.HttpClient},
 *       which resolves names itself and offers no way to pin the address.</li>
 *   <li>Redirects are not followed: a 3xx response is an error naming its {@code Location}.</li>
 *   <li>The response must be {@code 200}, with content type {@code application/c2pa} or
 *       {@code application/octet-stream} (or none); its body is read up to {@code maxBytes} and no further.</li>
 *   <li>The whole exchange (connect, handshake, request, response) must finish within the policy's timeout.</li>
 * </ul>
 * Thread-safe.
 */
public final class RemoteManifestFetcher {

    /** Resolves a host name to all its addresses. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private static final int MAX_HEADER_BYTES = 64 * 1024;

    private final RemoteManifestPolicy policy;
    private final AddressPolicy addresses;
    private final SSLContext tls;
    private final Resolver resolver;

    /** The production fetcher: public addresses only, the JDK's default trust store. */
    public RemoteManifestFetcher(RemoteManifestPolicy policy) {
        this(policy, AddressPolicy.PUBLIC_ONLY, defaultTls(), InetAddress::getAllByName);
    }

    public RemoteManifestFetcher(RemoteManifestPolicy policy, AddressPolicy addresses, SSLContext tls, Resolver resolver) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.addresses = Objects.requireNonNull(addresses, "addresses");
        this.tls = Objects.requireNonNull(tls, "tls");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    public RemoteManifestPolicy policy() {
        return policy;
    }

    private static SSLContext defaultTls() {
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no default TLS context", e);
        }
    }

    /** A vetted target: the URL's parts and the address that passed the address policy. */
    public record Target(URI uri, String host, int port, InetAddress address) {
    }

    /**
     * Checks the URL and resolves and vets its host, without connecting.
     *
     * @throws RemoteManifestException when fetching is disabled, the URL is not https, or an address is refused
     */
    public Target vet(String url) throws RemoteManifestException {
        if (!policy.enabled()) {
            throw new RemoteManifestException("remote manifest at " + url + " not fetched: remote fetching is disabled");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new RemoteManifestException("refused remote manifest URL " + url + ": not a valid URI (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https")) {
            throw new RemoteManifestException("refused remote manifest URL " + url + ": only https is fetched, not "
                    + (scheme.isEmpty() ? "(no scheme)" : scheme));
        }
        if (uri.getRawUserInfo() != null) {
            throw new RemoteManifestException("refused remote manifest URL " + url + ": user info in the URL is not allowed");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new RemoteManifestException("refused remote manifest URL " + url + ": no host");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = uri.getPort() == -1 ? 443 : uri.getPort();
        InetAddress[] all;
        try {
            all = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new RemoteManifestException("remote manifest at " + url + ": cannot resolve host " + host);
        }
        if (all == null || all.length == 0) {
            throw new RemoteManifestException("remote manifest at " + url + ": host " + host + " has no address");
        }
        for (InetAddress a : all) {
            Optional<String> why = addresses.refusal(a);
            if (why.isPresent()) {
                throw new RemoteManifestException("refused remote manifest URL " + url + ": host " + host
                        + " resolves to " + why.get() + "; only public addresses are contacted");
            }
        }
        return new Target(uri, host, port, all[0]);
    }

    /**
     * Fetches the manifest store bytes at {@code url}.
     *
     * @throws RemoteManifestException with a one-line reason when the URL or an address is refused, the exchange
     *                                 fails or times out, the response is not a 200 manifest store, or it is too big
     */
    public byte[] fetch(String url) throws RemoteManifestException {
        Target t = vet(url);
        long deadline = System.nanoTime() + policy.timeout().toNanos();
        String what = "remote manifest at " + url;
        try (Socket raw = new Socket()) {
            raw.connect(new InetSocketAddress(t.address(), t.port()), remainingMillis(deadline, what));
            boolean literal = isIpLiteral(t.host());
            try (SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(raw, t.host(), t.port(), true)) {
                SSLParameters params = ssl.getSSLParameters();
                params.setEndpointIdentificationAlgorithm("HTTPS");
                if (!literal) {
                    params.setServerNames(List.of(new SNIHostName(IDN.toASCII(t.host()))));
                }
                ssl.setSSLParameters(params);
                ssl.setSoTimeout(remainingMillis(deadline, what));
                ssl.startHandshake();
                OutputStream out = ssl.getOutputStream();
                out.write(request(t).getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = new DeadlineInputStream(ssl, ssl.getInputStream(), deadline, what);
                return response(in, url);
            }
        } catch (Refusal e) {
            throw new RemoteManifestException(e.getMessage());
        } catch (SocketTimeoutException e) {
            throw new RemoteManifestException(timeout(what).getMessage());
        } catch (IOException e) {
            throw new RemoteManifestException(what + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        }
    }

    private Refusal timeout(String what) {
        return new Refusal(what + ": timed out after " + policy.timeout().toMillis() + " ms");
    }

    private int remainingMillis(long deadline, String what) throws Refusal {
        long ms = (deadline - System.nanoTime()) / 1_000_000;
        if (ms <= 0) {
            throw timeout(what);
        }
        return (int) Math.min(Integer.MAX_VALUE, ms);
    }

    private static boolean isIpLiteral(String host) {
        return host.contains(":") || host.matches("[0-9.]+");
    }

    private static String request(Target t) {
        String path = t.uri().getRawPath() == null || t.uri().getRawPath().isEmpty() ? "/" : t.uri().getRawPath();
        if (t.uri().getRawQuery() != null) {
            path += "?" + t.uri().getRawQuery();
        }
        String hostHeader = (t.host().contains(":") ? "[" + t.host() + "]" : IDN.toASCII(t.host()))
                + (t.port() == 443 ? "" : ":" + t.port());
        return "GET " + path + " HTTP/1.1\r\n"
                + "Host: " + hostHeader + "\r\n"
                + "Accept: application/c2pa, application/octet-stream\r\n"
                + "Accept-Encoding: identity\r\n"
                + "User-Agent: assay-c2pa\r\n"
                + "Connection: close\r\n\r\n";
    }

    private byte[] response(InputStream in, String url) throws IOException {
        String what = "remote manifest at " + url;
        String statusLine = line(in, what);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new Refusal(what + ": not an HTTP/1.x response");
        }
        int status;
        try {
            status = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new Refusal(what + ": malformed HTTP status line");
        }
        Map<String, String> headers = headers(in, what);
        if (status >= 300 && status < 400) {
            throw new Refusal(what + ": refused redirect (HTTP " + status + ") to "
                    + headers.getOrDefault("location", "(no Location)") + "; redirects are not followed");
        }
        if (status != 200) {
            throw new Refusal(what + ": HTTP " + status);
        }
        String type = headers.getOrDefault("content-type", "application/octet-stream");
        String mime = type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mime.equals("application/c2pa") && !mime.equals("application/octet-stream")) {
            throw new Refusal(what + ": unexpected content type '" + mime
                    + "' (expected application/c2pa or application/octet-stream)");
        }
        String encoding = headers.getOrDefault("content-encoding", "identity").trim().toLowerCase(Locale.ROOT);
        if (!encoding.equals("identity")) {
            throw new Refusal(what + ": unsupported content encoding '" + encoding + "'");
        }
        String te = headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT);
        if (te.contains("chunked")) {
            return chunked(in, what);
        }
        String cl = headers.get("content-length");
        if (cl != null) {
            long length;
            try {
                length = Long.parseLong(cl.trim());
            } catch (NumberFormatException e) {
                throw new Refusal(what + ": malformed Content-Length '" + cl + "'");
            }
            if (length < 0) {
                throw new Refusal(what + ": malformed Content-Length '" + cl + "'");
            }
            if (length > policy.maxBytes()) {
                throw tooBig(what, "declares " + length + " bytes");
            }
            byte[] body = in.readNBytes((int) length);
            if (body.length != length) {
                throw new Refusal(what + ": response ended after " + body.length + " of " + length + " bytes");
            }
            return body;
        }
        return bounded(in, what, new ByteArrayOutputStream(), Long.MAX_VALUE).toByteArray();
    }

    private Refusal tooBig(String what, String detail) {
        return new Refusal(what + ": response too large (" + detail + "; the limit is "
                + policy.maxBytes() + " bytes)");
    }

    /** Copies up to {@code n} bytes (or to the end), failing past maxBytes in all. */
    private ByteArrayOutputStream bounded(InputStream in, String what, ByteArrayOutputStream body, long n) throws IOException {
        byte[] buf = new byte[8192];
        long left = n;
        while (left > 0) {
            int r = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (r < 0) {
                if (n != Long.MAX_VALUE) {
                    throw new Refusal(what + ": response ended inside a chunk");
                }
                break;
            }
            if (body.size() + (long) r > policy.maxBytes()) {
                throw tooBig(what, "more than " + policy.maxBytes() + " bytes sent");
            }
            body.write(buf, 0, r);
            left -= r;
        }
        return body;
    }

    private byte[] chunked(InputStream in, String what) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = line(in, what).split(";", 2)[0].trim();
            long size;
            try {
                size = Long.parseLong(sizeLine, 16);
            } catch (NumberFormatException e) {
                throw new Refusal(what + ": malformed chunk size '" + sizeLine + "'");
            }
            if (size < 0) {
                throw new Refusal(what + ": malformed chunk size '" + sizeLine + "'");
            }
            if (size == 0) {
                headers(in, what); // trailers
                return body.toByteArray();
            }
            if (body.size() + size > policy.maxBytes()) {
                throw tooBig(what, "more than " + policy.maxBytes() + " bytes sent");
            }
            bounded(in, what, body, size);
            line(in, what);
        }
    }

    private static Map<String, String> headers(InputStream in, String what) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        int total = 0;
        while (true) {
            String line = line(in, what);
            total += line.length() + 2;
            if (total > MAX_HEADER_BYTES) {
                throw new Refusal(what + ": response headers too large");
            }
            if (line.isEmpty()) {
                return headers;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = line.substring(colon + 1).trim();
                headers.merge(name, value, (a, b) -> a + ", " + b);
            }
        }
    }

    /** One CRLF- (or LF-) terminated line, ISO-8859-1, at most MAX_HEADER_BYTES. */
    private static String line(InputStream in, String what) throws IOException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new Refusal(what + ": connection closed in the middle of the response headers");
            }
            if (c == '\n') {
                int len = sb.length();
                if (len > 0 && sb.charAt(len - 1) == '\r') {
                    sb.setLength(len - 1);
                }
                return sb.toString();
            }
            if (sb.length() >= MAX_HEADER_BYTES) {
                throw new Refusal(what + ": response header line too long");
            }
            sb.append((char) c);
        }
    }

    /** Reads through a socket, each read bounded by what is left of the overall deadline. */
    private final class DeadlineInputStream extends InputStream {
        private final Socket socket;
        private final InputStream in;
        private final long deadline;
        private final String what;
        private final byte[] one = new byte[1];

        DeadlineInputStream(Socket socket, InputStream in, long deadline, String what) {
            this.socket = socket;
            this.in = in;
            this.deadline = deadline;
            this.what = what;
        }

        @Override
        public int read() throws IOException {
            int r = read(one, 0, 1);
            return r < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            socket.setSoTimeout(remainingMillis(deadline, what));
            try {
                return in.read(b, off, len);
            } catch (SocketTimeoutException e) {
                throw timeout(what);
            }
        }
    }

    /** A reason to stop, carried through the I/O helpers; surfaces as a {@link RemoteManifestException}. */
    private static final class Refusal extends IOException {
        Refusal(String message) {
            super(message);
        }
    }
}
