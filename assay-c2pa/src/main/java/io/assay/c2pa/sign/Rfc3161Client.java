package io.assay.c2pa.sign;

import io.assay.c2pa.remote.AddressPolicy;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An RFC 3161 client: posts a SHA-256 {@code TimeStampReq} (with a nonce, asking for the TSA's certificate) to a
 * configured URL and checks that the response answers that request.
 *
 * <p>The host is resolved once and refused when any address is refused by the {@link AddressPolicy} (public
 * addresses only by default); the connection goes to the vetted address, so DNS cannot swap in another between check
 * and connect. That is why a small HTTP/1.1 exchange is written here instead of using {@code HttpClient}, which
 * resolves names itself. Responses are bounded in size and time.
 */
public final class Rfc3161Client implements TimeStampAuthority {

    static final int MAX_RESPONSE = 256 * 1024;
    private static final SecureRandom NONCES = new SecureRandom();

    private final URI url;
    private final AddressPolicy addresses;
    private final Duration timeout;
    private final SSLContext tls;

    public Rfc3161Client(URI url) {
        this(url, AddressPolicy.PUBLIC_ONLY, Duration.ofSeconds(10), null);
    }

    /** @param tls the TLS context for {@code https} URLs; null for the JVM default */
    public Rfc3161Client(URI url, AddressPolicy addresses, Duration timeout, SSLContext tls) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw new IllegalArgumentException("a time-stamp authority URL must be http(s)://host/...: " + url);
        }
        this.url = url;
        this.addresses = addresses;
        this.timeout = timeout;
        this.tls = tls;
    }

    @Override
    public byte[] timeStamp(byte[] data) throws SignerException {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(NISTObjectIdentifiers.id_sha256, digest,
                new BigInteger(64, NONCES));
        byte[] body;
        try {
            body = post(request.getEncoded());
        } catch (IOException e) {
            throw new SignerException("time-stamp authority " + url + ": " + e.getMessage(), e);
        }
        try {
            TimeStampResponse response = new TimeStampResponse(body);
            response.validate(request);
            if (response.getTimeStampToken() == null) {
                throw new SignerException("time-stamp authority " + url + " refused: status " + response.getStatus()
                        + Optional.ofNullable(response.getStatusString()).map(s -> " (" + s + ")").orElse(""));
            }
            return response.getTimeStampToken().getEncoded();
        } catch (TSPException | IOException | RuntimeException e) {
            throw new SignerException("time-stamp authority " + url + " sent an invalid response: " + e.getMessage(), e);
        }
    }

    private byte[] post(byte[] request) throws IOException, SignerException {
        String host = url.getHost();
        boolean https = url.getScheme().equalsIgnoreCase("https");
        int port = url.getPort() > 0 ? url.getPort() : https ? 443 : 80;
        InetAddress[] all = InetAddress.getAllByName(host);
        for (InetAddress a : all) {
            Optional<String> why = addresses.refusal(a);
            if (why.isPresent()) {
                throw new SignerException("time-stamp authority " + url + " resolves to " + why.get()
                        + "; not contacted");
            }
        }
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(all[0], port), millis);
            plain.setSoTimeout(millis);
            Socket socket = plain;
            if (https) {
                SSLContext context = tls == null ? SSLContext.getDefault() : tls;
                SSLSocket ssl = (SSLSocket) context.getSocketFactory().createSocket(plain, host, port, true);
                SSLParameters params = ssl.getSSLParameters();
                params.setEndpointIdentificationAlgorithm("HTTPS");
                params.setServerNames(List.of(new SNIHostName(host)));
                ssl.setSSLParameters(params);
                ssl.startHandshake();
                socket = ssl;
            }
            String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
            if (url.getRawQuery() != null) {
                path += "?" + url.getRawQuery();
            }
            String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + (url.getPort() > 0 ? ":" + port : "")
                    + "\r\nContent-Type: application/timestamp-query\r\nAccept: application/timestamp-reply\r\n"
                    + "Content-Length: " + request.length + "\r\nConnection: close\r\nUser-Agent: Assay\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(request);
            out.flush();
            return HttpResponse.read(socket.getInputStream(), MAX_RESPONSE);
        } catch (GeneralSecurityException e) {
            throw new IOException("TLS: " + e.getMessage(), e);
        }
    }

    /** Just enough HTTP/1.1 to read one response body: Content-Length, chunked, or until close. */
    static final class HttpResponse {

        private HttpResponse() {
        }

        static byte[] read(InputStream in, int max) throws IOException {
            String status = line(in);
            String[] parts = status.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                throw new IOException("not an HTTP response");
            }
            int code;
            try {
                code = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                throw new IOException("bad HTTP status line");
            }
            long length = -1;
            boolean chunked = false;
            String type = "";
            for (int i = 0; i < 100; i++) {
                String h = line(in);
                if (h.isEmpty()) {
                    break;
                }
                int colon = h.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = h.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> {
                        try {
                            length = Long.parseLong(value);
                        } catch (NumberFormatException e) {
                            throw new IOException("bad Content-Length");
                        }
                    }
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "content-type" -> type = value.toLowerCase(Locale.ROOT);
                    default -> { }
                }
            }
            if (code != 200) {
                throw new IOException("HTTP " + code);
            }
            if (!type.startsWith("application/timestamp-reply") && !type.startsWith("application/timestamp-response")) {
                throw new IOException("unexpected content type '" + type + "'");
            }
            if (length > max) {
                throw new IOException("response larger than " + max + " bytes");
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (chunked) {
                while (true) {
                    String size = line(in);
                    int semi = size.indexOf(';');
                    long n;
                    try {
                        n = Long.parseLong((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
                    } catch (NumberFormatException e) {
                        throw new IOException("bad chunk size");
                    }
                    if (n == 0) {
                        break;
                    }
                    if (body.size() + n > max) {
                        throw new IOException("response larger than " + max + " bytes");
                    }
                    body.writeBytes(exactly(in, (int) n));
                    line(in);
                }
            } else if (length >= 0) {
                body.writeBytes(exactly(in, (int) length));
            } else {
                byte[] buf = new byte[8192];
                int n;
                while ((n = in.read(buf)) > 0) {
                    if (body.size() + n > max) {
                        throw new IOException("response larger than " + max + " bytes");
                    }
                    body.write(buf, 0, n);
                }
            }
            return body.toByteArray();
        }

        private static byte[] exactly(InputStream in, int n) throws IOException {
            byte[] b = in.readNBytes(n);
            if (b.length != n) {
                throw new IOException("response truncated");
            }
            return b;
        }

        private static String line(InputStream in) throws IOException {
            StringBuilder sb = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0) {
                if (c == '\n') {
                    break;
                }
                if (c != '\r') {
                    sb.append((char) c);
                }
                if (sb.length() > 8192) {
                    throw new IOException("HTTP header line too long");
                }
            }
            if (c < 0 && sb.isEmpty()) {
                throw new IOException("connection closed before a response");
            }
            return sb.toString();
        }
    }
}
