package novalab.engine.crypto;

import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** RFC 7468 text armour: "-----BEGIN label-----", base64 lines, "-----END label-----". */
final class Pem {
    private static final Pattern BEGIN = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----");

    /** One armoured block; {@code encrypted} when RFC 1421 headers say {@code Proc-Type: 4,ENCRYPTED}. */
    record Block(String label, byte[] der, boolean encrypted) {}

    private Pem() {}

    /** The block with base64 lines of {@code lineLength} characters (64 for OpenSSL, 70 for OpenSSH). */
    static String armor(String label, byte[] der, int lineLength) {
        String base64 = Base64.getEncoder().encodeToString(der);
        StringBuilder sb = new StringBuilder(base64.length() + base64.length() / lineLength + 80);
        sb.append("-----BEGIN ").append(label).append("-----\n");
        for (int i = 0; i < base64.length(); i += lineLength) {
            sb.append(base64, i, Math.min(base64.length(), i + lineLength)).append('\n');
        }
        return sb.append("-----END ").append(label).append("-----\n").toString();
    }

    /** The first armoured block in {@code text}; text before it is ignored, as OpenSSL does. */
    static Block dearmor(String text) {
        String[] lines = text.split("\r?\n", -1);
        int i = 0;
        String label = null;
        for (; i < lines.length && label == null; i++) {
            Matcher m = BEGIN.matcher(lines[i].strip());
            if (m.matches()) label = m.group(1);
        }
        if (label == null) throw new MalformedKeyException("no PEM BEGIN line");
        String endLine = "-----END " + label + "-----";
        StringBuilder base64 = new StringBuilder();
        boolean encrypted = false;
        for (; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.equals(endLine)) return new Block(label, decode(base64.toString()), encrypted);
            if (line.contains(":")) {
                encrypted |= line.startsWith("Proc-Type:") && line.contains("ENCRYPTED");
            } else {
                base64.append(line);
            }
        }
        throw new MalformedKeyException("no PEM END line for " + label);
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new MalformedKeyException("bad base64 in PEM body");
        }
    }
}
