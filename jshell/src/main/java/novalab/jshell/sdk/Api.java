package novalab.jshell.sdk;

import java.util.Map;
import novalab.jshell.sdk.wire.Wire;

/** Sends one request over the wire and turns an error answer into a {@link CloudException} with the service's message. */
final class Api {
    private Api() {}

    static Object get(Cloud c, String path) { return call(c, "GET", path, ""); }

    static Object post(Cloud c, String path, String body) { return call(c, "POST", path, body); }

    static Object delete(Cloud c, String path) { return call(c, "DELETE", path, ""); }

    /** {@code /@admin} in front of the path asks the lab to send it with the administrator's credentials. */
    static Object call(Cloud c, String method, String path, String body) {
        String[] reply = Wire.call(method, c.prefix() + path, body);
        int status;
        try {
            status = Integer.parseInt(reply[0].trim());
        } catch (NumberFormatException e) {
            status = 500;
        }
        Object json;
        try {
            json = reply[1].isBlank() ? Map.of() : Json.parse(reply[1]);
        } catch (RuntimeException e) {
            json = Map.of("message", reply[1]);
        }
        if (status >= 400) throw new CloudException(status, message(json, reply[1]));
        return json;
    }

    private static String message(Object json, String raw) {
        if (json instanceof Map<?, ?> m) {
            for (Object v : m.values()) {
                if (v instanceof Map<?, ?> inner && inner.get("message") != null) return inner.get("message").toString();
            }
            if (m.get("message") != null) return m.get("message").toString();
            if (m.get("error") != null) return m.get("error").toString();
        }
        return raw.length() > 300 ? raw.substring(0, 300) : raw;
    }
}
