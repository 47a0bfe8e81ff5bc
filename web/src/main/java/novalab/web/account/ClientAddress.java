package novalab.web.account;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The address a request came from, for per-client limits. The socket's peer address, except when the peer is this
 * machine (a reverse proxy on it, such as nginx in front of {@code ./lab serve}): then the last address of
 * {@code X-Forwarded-For}, the one that proxy appended. A client far away cannot choose its own key by sending the
 * header, since its connection does not come from loopback.
 */
final class ClientAddress {
    private ClientAddress() {}

    static String of(Context ctx) {
        String peer = ctx.req().getRemoteAddr();
        if (!loopback(peer)) return peer;
        String forwarded = ctx.header("X-Forwarded-For");
        if (forwarded == null) return peer;
        String[] hops = forwarded.split(",");
        String last = hops[hops.length - 1].strip();
        return last.matches("[0-9A-Fa-f.:]{2,45}") ? last : peer;
    }

    private static boolean loopback(String address) {
        if (!address.matches("[0-9A-Fa-f.:]+")) return false; // a literal address only: never a name lookup
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
