package novalab.web.checkpoint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The order a student sees an item's options in: a shuffle seeded from the student's id and the item's id
 * (SHA-256 of {@code "<userId>/<key>"}), so a student always sees the same order and two students usually differ.
 */
public final class Shuffle {
    private Shuffle() {}

    public static <T> List<T> of(long userId, String key, List<T> items) {
        List<T> out = new ArrayList<>(items);
        Collections.shuffle(out, new Random(seed(userId, key)));
        return out;
    }

    static long seed(long userId, String key) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest((userId + "/" + key).getBytes(StandardCharsets.UTF_8));
            long s = 0;
            for (int i = 0; i < 8; i++) s = (s << 8) | (h[i] & 0xff);
            return s;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }
}
