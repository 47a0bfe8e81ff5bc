package novalab.engine.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The key pairs {@code openstack keypair create} hands out. Nova generates a fresh RSA-2048 key per
 * request; the lab draws from 48 RSA-2048 keys generated once by {@link SshKeys} and shipped as a
 * resource, so key creation costs nothing in a replay and gives the same bytes on every JDK. The
 * cloud's seeded ids choose the key; a sandbox never hands out the same key twice while it has unused ones.
 */
public final class NovaKeyPool {
    private static final String RESOURCE = "/novalab/keys/rsa-2048-pool.pem";
    private static final String COMMENT = "Generated-by-Nova";
    private static volatile List<String> pems;

    private NovaKeyPool() {}

    private static List<String> pems() {
        List<String> p = pems;
        if (p == null) {
            synchronized (NovaKeyPool.class) {
                if (pems == null) pems = load();
                p = pems;
            }
        }
        return p;
    }

    private static List<String> load() {
        try (InputStream in = NovaKeyPool.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing " + RESOURCE);
            String all = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            List<String> out = new ArrayList<>();
            String end = "-----END RSA PRIVATE KEY-----\n";
            int from = 0;
            while (true) {
                int e = all.indexOf(end, from);
                if (e < 0) break;
                out.add(all.substring(from, e + end.length()));
                from = e + end.length();
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int size() { return pems().size(); }

    /**
     * The key at {@code start} (mod the pool size), or the next one whose MD5 fingerprint is not in
     * {@code taken}.
     */
    public static SshKeyPair pick(int start, Set<String> taken) {
        List<String> all = pems();
        SshKeyPair first = null;
        for (int k = 0; k < all.size(); k++) {
            String pem = all.get(Math.floorMod(start + k, all.size()));
            SshPublicKey pub = SshKeys.publicKeyOfPrivate(pem).orElseThrow().withComment(COMMENT);
            SshKeyPair kp = new SshKeyPair(SshKeys.RSA, pem, pub.line(), pub.blob());
            if (first == null) first = kp;
            if (!taken.contains(kp.md5Fingerprint())) return kp;
        }
        return first;
    }
}
