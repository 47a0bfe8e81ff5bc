package novalab.engine.network;

import java.util.Optional;

/** Small IPv4 arithmetic for CIDRs and allocation pools. */
public final class Ipv4 {
    private Ipv4() {}

    public static Optional<Long> parse(String ip) {
        String[] p = ip.trim().split("\\.", -1);
        if (p.length != 4) return Optional.empty();
        long v = 0;
        for (String s : p) {
            if (s.isEmpty() || s.length() > 3 || !s.chars().allMatch(Character::isDigit)) return Optional.empty();
            int n = Integer.parseInt(s);
            if (n > 255) return Optional.empty();
            v = (v << 8) | n;
        }
        return Optional.of(v);
    }

    public static String format(long v) {
        return ((v >> 24) & 255) + "." + ((v >> 16) & 255) + "." + ((v >> 8) & 255) + "." + (v & 255);
    }

    /** A parsed CIDR: network address and prefix length. */
    public record Cidr(long network, int prefix) {
        public long mask() { return prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL; }

        public boolean contains(long ip) { return (ip & mask()) == (network & mask()); }

        public String netmask() { return format(mask()); }

        @Override
        public String toString() { return format(network) + "/" + prefix; }
    }

    /** Parses {@code a.b.c.d/n} (a bare address is /32); empty if malformed. */
    public static Optional<Cidr> cidr(String text) {
        String t = text.trim();
        int slash = t.indexOf('/');
        String addr = slash < 0 ? t : t.substring(0, slash);
        int prefix = 32;
        if (slash >= 0) {
            String p = t.substring(slash + 1);
            if (p.isEmpty() || p.length() > 2 || !p.chars().allMatch(Character::isDigit)) return Optional.empty();
            prefix = Integer.parseInt(p);
            if (prefix > 32) return Optional.empty();
        }
        int pf = prefix;
        return parse(addr).map(a -> new Cidr(a, pf));
    }

    public static boolean inCidr(String ip, String cidr) {
        Optional<Long> a = parse(ip);
        Optional<Cidr> c = cidr(cidr);
        return a.isPresent() && c.isPresent() && c.get().contains(a.get());
    }
}
