package novalab.engine.crypto;

import java.util.Arrays;

/** PKCS#8 {@code PrivateKeyInfo} (RFC 5208, RFC 8410) for the two algorithms the lab knows: rsaEncryption and Ed25519. */
final class Pkcs8 {
    /** 1.2.840.113549.1.1.1 */
    private static final byte[] RSA_ENCRYPTION = {0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01};
    /** 1.3.101.112 */
    private static final byte[] ED25519 = {0x2b, 0x65, 0x70};
    private static final int NULL = 0x05;

    private Pkcs8() {}

    /** {@code SEQUENCE { 0, SEQUENCE { rsaEncryption, NULL }, OCTET STRING { RSAPrivateKey } }}. */
    static byte[] wrapRsa(byte[] pkcs1) {
        return Der.sequence(Der.integer(java.math.BigInteger.ZERO),
                Der.sequence(Der.tlv(Der.OID, RSA_ENCRYPTION), Der.tlv(NULL, new byte[0])),
                Der.tlv(Der.OCTET_STRING, pkcs1));
    }

    /** The public key inside a PKCS#8 (v1 or v2) RSA or Ed25519 private key; PKCS#8 carries no comment. */
    static SshPublicKey publicKeyOf(byte[] der) {
        Der.Reader outer = new Der.Reader(der);
        Der.Reader info = outer.sequence();
        outer.expectEnd();
        if (info.integer().bitLength() > 1) throw new MalformedKeyException("unknown PKCS#8 version");
        Der.Reader algorithm = info.sequence();
        byte[] oid = algorithm.oid();
        byte[] privateKey = info.octetString();
        if (Arrays.equals(oid, RSA_ENCRYPTION)) {
            return new SshPublicKey(SshKeys.RSA, RsaPrivate.fromPkcs1(privateKey).publicBlob(), "");
        }
        if (Arrays.equals(oid, ED25519)) {
            Der.Reader curveKey = new Der.Reader(privateKey);
            byte[] seed = curveKey.octetString();
            curveKey.expectEnd();
            return new SshPublicKey(SshKeys.ED25519, KeyBlobs.ed25519(Ed25519.publicKeyOf(seed)), "");
        }
        throw new MalformedKeyException("PKCS#8 key of an algorithm the lab does not know");
    }
}
