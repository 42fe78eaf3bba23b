package io.assay.c2pa.remote;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Which resolved addresses a remote manifest may be fetched from. A host is refused when ANY of its addresses is
 * refused, so that a name cannot smuggle a private address in beside a public one.
 */
@FunctionalInterface
public interface AddressPolicy {

    /** Why this address is refused, or empty when it may be contacted. */
    Optional<String> refusal(InetAddress address);

    /**
     * Public unicast addresses only: refuses any-local (0.0.0.0, ::), 0.0.0.0/8, loopback (127/8, ::1), link-local
     * (169.254/16, fe80::/10), private (10/8, 172.16/12, 192.168/16, fc00::/7, fec0::/10 site-local), CGNAT
     * (100.64/10), multicast, broadcast, the IETF/documentation/benchmark/reserved IPv4 blocks, and the IPv4-mapped
     * (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::/96), 6to4 (2002::/16) and Teredo (2001::/32)
     * forms of refused IPv4 addresses.
     */
    AddressPolicy PUBLIC_ONLY = AddressPolicy::publicOnly;

    private static Optional<String> publicOnly(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            Optional<byte[]> embedded = embeddedIpv4(b);
            if (embedded.isPresent()) {
                return ipv4(embedded.get()).map(r -> r + " (embedded in IPv6 " + address.getHostAddress() + ")");
            }
            return ipv6(b);
        }
        return ipv4(address.getAddress());
    }

    private static Optional<byte[]> embeddedIpv4(byte[] b) {
        boolean first10Zero = true;
        for (int i = 0; i < 10; i++) {
            first10Zero &= b[i] == 0;
        }
        if (first10Zero && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return Optional.of(new byte[]{b[12], b[13], b[14], b[15]}); // ::ffff:a.b.c.d
        }
        boolean first12Zero = first10Zero && b[10] == 0 && b[11] == 0;
        if (first12Zero && !(b[12] == 0 && b[13] == 0 && b[14] == 0 && (b[15] == 0 || b[15] == 1))) {
            return Optional.of(new byte[]{b[12], b[13], b[14], b[15]}); // ::a.b.c.d (deprecated compatible form)
        }
        if ((b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
            boolean zeros = true;
            for (int i = 4; i < 12; i++) {
                zeros &= b[i] == 0;
            }
            if (zeros) {
                return Optional.of(new byte[]{b[12], b[13], b[14], b[15]}); // 64:ff9b::a.b.c.d NAT64
            }
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            return Optional.of(new byte[]{b[2], b[3], b[4], b[5]}); // 2002:AABB:CCDD::/48 6to4
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && b[2] == 0 && b[3] == 0) {
            // Teredo: the client's IPv4 address is the last 32 bits, inverted
            return Optional.of(new byte[]{(byte) ~b[12], (byte) ~b[13], (byte) ~b[14], (byte) ~b[15]});
        }
        return Optional.empty();
    }

    private static Optional<String> ipv4(byte[] a) {
        int b0 = a[0] & 0xff;
        int b1 = a[1] & 0xff;
        int b2 = a[2] & 0xff;
        String ip = b0 + "." + b1 + "." + b2 + "." + (a[3] & 0xff);
        String why = null;
        if (b0 == 0) {
            why = "an unspecified/\"this network\" address (0.0.0.0/8)";
        } else if (b0 == 127) {
            why = "a loopback address (127.0.0.0/8)";
        } else if (b0 == 10 || (b0 == 172 && (b1 & 0xf0) == 16) || (b0 == 192 && b1 == 168)) {
            why = "a private address (10/8, 172.16/12, 192.168/16)";
        } else if (b0 == 100 && (b1 & 0xc0) == 64) {
            why = "a carrier-grade NAT address (100.64.0.0/10)";
        } else if (b0 == 169 && b1 == 254) {
            why = "a link-local address (169.254.0.0/16)";
        } else if (b0 == 192 && b1 == 0 && (b2 == 0 || b2 == 2)) {
            why = "an IETF-reserved or documentation address (192.0.0.0/24, 192.0.2.0/24)";
        } else if (b0 == 198 && (b1 == 18 || b1 == 19)) {
            why = "a benchmarking address (198.18.0.0/15)";
        } else if ((b0 == 198 && b1 == 51 && b2 == 100) || (b0 == 203 && b1 == 0 && b2 == 113)) {
            why = "a documentation address";
        } else if (b0 >= 224 && b0 <= 239) {
            why = "a multicast address (224.0.0.0/4)";
        } else if (b0 >= 240) {
            why = "a reserved or broadcast address (240.0.0.0/4)";
        }
        return Optional.ofNullable(why).map(w -> ip + " is " + w);
    }

    private static Optional<String> ipv6(byte[] b) {
        String text;
        try {
            text = InetAddress.getByAddress(b).getHostAddress();
        } catch (UnknownHostException e) {
            text = "IPv6 address";
        }
        String ip = text;
        int b0 = b[0] & 0xff;
        int b1 = b[1] & 0xff;
        boolean allZeroButLast = true;
        for (int i = 0; i < 15; i++) {
            allZeroButLast &= b[i] == 0;
        }
        String why = null;
        if (allZeroButLast && b[15] == 0) {
            why = "the unspecified address (::)";
        } else if (allZeroButLast && b[15] == 1) {
            why = "the loopback address (::1)";
        } else if (b0 == 0xfe && (b1 & 0xc0) == 0x80) {
            why = "a link-local address (fe80::/10)";
        } else if (b0 == 0xfe && (b1 & 0xc0) == 0xc0) {
            why = "a site-local address (fec0::/10)";
        } else if ((b0 & 0xfe) == 0xfc) {
            why = "a unique local (private) address (fc00::/7)";
        } else if (b0 == 0xff) {
            why = "a multicast address (ff00::/8)";
        } else if (b0 == 0x20 && b1 == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
            why = "a documentation address (2001:db8::/32)";
        } else if (b0 == 0x01 && b1 == 0 && b[2] == 0 && b[3] == 0 && b[4] == 0 && b[5] == 0 && b[6] == 0 && b[7] == 0) {
            why = "a discard-only address (100::/64)";
        } else if ((b0 & 0xe0) != 0x20) {
            why = "not a global unicast address (2000::/3)";
        }
        return Optional.ofNullable(why).map(w -> ip + " is " + w);
    }
}
