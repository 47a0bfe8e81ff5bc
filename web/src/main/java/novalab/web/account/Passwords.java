package novalab.web.account;

import com.password4j.Password;
import java.security.SecureRandom;

/** Password hashing with Password4j's bcrypt, and the generated passwords that {@code ./lab users add} prints. */
public final class Passwords {
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Passwords() {}

    public static String hash(String plain) {
        return Password.hash(plain).withBcrypt().getResult();
    }

    public static boolean matches(String plain, String hash) {
        try {
            return Password.check(plain, hash).withBcrypt();
        } catch (RuntimeException e) {
            return false; // a malformed stored hash never signs anyone in
        }
    }

    /** Sixteen characters without look-alikes (no 0/O, 1/l/I). */
    public static String generate() {
        StringBuilder b = new StringBuilder(16);
        for (int i = 0; i < 16; i++) b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        return b.toString();
    }
}
