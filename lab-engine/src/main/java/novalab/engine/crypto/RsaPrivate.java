package novalab.engine.crypto;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;

/** An RSA private key as PKCS#1 (RFC 8017 A.1.2) lists it; {@code qinv} is q^-1 mod p, OpenSSH's iqmp. */
record RsaPrivate(BigInteger n, BigInteger e, BigInteger d, BigInteger p, BigInteger q,
                  BigInteger dp, BigInteger dq, BigInteger qinv) {

    /** A new key drawn from a SHA1PRNG seeded with {@code seed} before first use, so the same seed gives the same key. */
    static RsaPrivate generate(int bits, byte[] seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits, random);
            RSAPrivateCrtKey k = (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
            return new RsaPrivate(k.getModulus(), k.getPublicExponent(), k.getPrivateExponent(), k.getPrimeP(),
                    k.getPrimeQ(), k.getPrimeExponentP(), k.getPrimeExponentQ(), k.getCrtCoefficient());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot generate RSA keys", e);
        }
    }

    /** Reads {@code RSAPrivateKey ::= SEQUENCE { version 0, n, e, d, p, q, dp, dq, qinv }} (two-prime only). */
    static RsaPrivate fromPkcs1(byte[] der) {
        Der.Reader outer = new Der.Reader(der);
        Der.Reader s = outer.sequence();
        outer.expectEnd();
        if (s.integer().signum() != 0) throw new MalformedKeyException("not a two-prime PKCS#1 key");
        RsaPrivate key = new RsaPrivate(s.integer(), s.integer(), s.integer(), s.integer(), s.integer(),
                s.integer(), s.integer(), s.integer());
        s.expectEnd();
        return key.checked();
    }

    /** Reads OpenSSH's private fields after the key type: {@code mpint n, e, d, iqmp, p, q}. */
    static RsaPrivate fromOpenSsh(SshWire.Reader r) {
        BigInteger n = r.mpint(), e = r.mpint(), d = r.mpint(), qinv = r.mpint(), p = r.mpint(), q = r.mpint();
        if (p.signum() == 0 || q.signum() == 0) throw new MalformedKeyException("RSA prime is zero");
        BigInteger one = BigInteger.ONE;
        return new RsaPrivate(n, e, d, p, q, d.mod(p.subtract(one).max(one)), d.mod(q.subtract(one).max(one)), qinv)
                .checked();
    }

    byte[] toPkcs1() {
        return Der.sequence(Der.integer(BigInteger.ZERO), Der.integer(n), Der.integer(e), Der.integer(d),
                Der.integer(p), Der.integer(q), Der.integer(dp), Der.integer(dq), Der.integer(qinv));
    }

    void writeOpenSsh(SshWire.Writer w) {
        w.mpint(n).mpint(e).mpint(d).mpint(qinv).mpint(p).mpint(q);
    }

    byte[] publicBlob() { return KeyBlobs.rsa(e, n); }

    /** Rejects keys whose parts do not belong together (n = pq, positive e), as a truncated or edited file would. */
    private RsaPrivate checked() {
        if (n.signum() <= 0 || e.signum() <= 0 || !p.multiply(q).equals(n)) {
            throw new MalformedKeyException("RSA key parts are inconsistent");
        }
        return this;
    }
}
