package novalab.jshell.sdk;

import java.util.Map;
import novalab.jshell.sdk.wire.Wire;

/** Sends one request over the wire and turns an error answer into a {@link CloudException} with the service's message. */
final class Api {
    private Api() {}

    static Object get(String path) { return call("GET", path, ""); }

    static Object post(String path, String body) { return call("POST", path, body); }

    static Object delete(String path) { return call("DELETE", path, ""); }

    static Object call(String method, String path, String body) {
        String[] reply = Wire.call(method, path, body);
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
