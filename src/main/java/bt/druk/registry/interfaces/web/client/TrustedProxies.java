package bt.druk.registry.interfaces.web.client;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The reverse proxies whose {@code X-Forwarded-For} and {@code X-Forwarded-Proto} the portal
 * believes: the {@code druk.http.trustedProxies} setting, comma-separated IP addresses and CIDR
 * ranges ({@code 127.0.0.1, 10.0.0.0/8, fd00::/8}). Empty (the default) trusts nobody, so a header
 * that any client can write never changes who the portal thinks it is talking to.
 *
 * <p>Only IP literals are read, here and in the headers, never a host name: a name would cost a
 * DNS lookup per request and could be made to answer anything.
 */
public final class TrustedProxies {

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("(?=[^:]*:)[0-9A-Fa-f:][0-9A-Fa-f:.]*");

    /** No proxy trusted: every request's own connection says who the client is. */
    public static final TrustedProxies NONE = new TrustedProxies(List.of());

    /** An address and how many of its leading bits a peer must share with it. */
    private record Range(byte[] network, int prefixBits) {

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = prefixBits / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefixBits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[whole] & mask) == (network[whole] & mask);
        }
    }

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /**
     * The proxies of a setting's value: addresses and CIDR ranges separated by commas (spaces
     * allowed); null or blank for none.
     *
     * @throws IllegalArgumentException naming the entry that is neither
     */
    public static TrustedProxies parse(String setting) {
        if (setting == null || setting.isBlank()) {
            return NONE;
        }
        List<Range> ranges = new ArrayList<>();
        for (String entry : setting.split(",")) {
            String trimmed = entry.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            ranges.add(range(trimmed));
        }
        return new TrustedProxies(ranges);
    }

    private static Range range(String entry) {
        int slash = entry.indexOf('/');
        String address = slash < 0 ? entry : entry.substring(0, slash);
        byte[] network = literal(address)
                .orElseThrow(() -> new IllegalArgumentException("not an IP address or CIDR range: " + entry))
                .getAddress();
        int bits = network.length * 8;
        if (slash >= 0) {
            String prefix = entry.substring(slash + 1);
            if (!prefix.matches("\\d{1,3}") || Integer.parseInt(prefix) > bits) {
                throw new IllegalArgumentException("not an IP address or CIDR range: " + entry);
            }
            bits = Integer.parseInt(prefix);
        }
        return new Range(network, bits);
    }

    /** Whether any proxy is trusted at all. */
    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** Whether this address (an IP literal; anything else is not trusted) is one of the trusted proxies. */
    public boolean trusts(String address) {
        return !ranges.isEmpty() && literal(address).map(this::trusts).orElse(false);
    }

    boolean trusts(InetAddress address) {
        byte[] bytes = address.getAddress();
        return ranges.stream().anyMatch(r -> r.contains(bytes));
    }

    /**
     * The IP address written in {@code text} (IPv4 dotted quad, IPv6 with or without brackets),
     * without a DNS lookup; empty for anything else, a host name or an address with a port included.
     * An IPv4 address mapped into IPv6 is the IPv4 address.
     */
    public static Optional<InetAddress> literal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip();
        if (s.length() > 2 && s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        if (s.isEmpty() || s.length() > 45) {
            return Optional.empty();
        }
        if (!IPV4.matcher(s).matches() && !IPV6.matcher(s).matches()) {
            return Optional.empty();
        }
        try {
            // Only a literal reaches here (a dotted quad, or a colon and hex digits from the first
            // character on), which InetAddress parses or refuses without asking DNS.
            return Optional.of(InetAddress.getByName(s));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** The address as this portal writes it everywhere (one spelling per address: keys of throttles, the activity log). */
    public static String canonical(InetAddress address) {
        return address.getHostAddress().toLowerCase(Locale.ROOT);
    }
}
