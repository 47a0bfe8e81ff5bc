package novalab.engine.db;

/** A row of {@code key_pairs}: the public half and its fingerprint, per user (the private key is never stored). */
public record KeyPair(int id, String name, String userId, String type, String publicKey, String fingerprint,
                      String createdAt) {}
