package novalab.engine.crypto;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;

/** The little of DER (ASN.1) that key files use: SEQUENCE, INTEGER, OCTET STRING, OBJECT IDENTIFIER. */
final class Der {
    static final int INTEGER = 0x02;
    static final int OCTET_STRING = 0x04;
    static final int OID = 0x06;
    static final int SEQUENCE = 0x30;

    private Der() {}

    static byte[] sequence(byte[]... items) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] item : items) content.writeBytes(item);
        return tlv(SEQUENCE, content.toByteArray());
    }

    static byte[] integer(BigInteger value) { return tlv(INTEGER, value.toByteArray()); }

    static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int n = content.length;
        if (n < 0x80) {
            out.write(n);
        } else {
            int bytes = n > 0xffffff ? 4 : n > 0xffff ? 3 : n > 0xff ? 2 : 1;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) out.write(n >>> (8 * i));
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    /** Reads elements one after another; every bound is checked and breaks with {@link MalformedKeyException}. */
    static final class Reader {
        private final byte[] data;
        private final int end;
        private int pos;

        Reader(byte[] data) { this(data, 0, data.length); }

        private Reader(byte[] data, int from, int end) {
            this.data = data;
            this.pos = from;
            this.end = end;
        }

        boolean atEnd() { return pos == end; }

        int peekTag() {
            if (pos >= end) throw new MalformedKeyException("DER: no more elements");
            return data[pos] & 0xff;
        }

        Reader sequence() {
            int length = header(SEQUENCE);
            Reader inner = new Reader(data, pos, pos + length);
            pos += length;
            return inner;
        }

        BigInteger integer() {
            byte[] content = content(INTEGER);
            if (content.length == 0) throw new MalformedKeyException("DER: empty INTEGER");
            return new BigInteger(content);
        }

        byte[] octetString() { return content(OCTET_STRING); }

        byte[] oid() { return content(OID); }

        /** Skips one element whatever its tag. */
        void skip() { pos += header(peekTag()); }

        void expectEnd() {
            if (!atEnd()) throw new MalformedKeyException("DER: trailing bytes");
        }

        private byte[] content(int tag) {
            int length = header(tag);
            byte[] out = new byte[length];
            System.arraycopy(data, pos, out, 0, length);
            pos += length;
            return out;
        }

        /** Consumes tag and length, returns the content length (already checked to fit). */
        private int header(int tag) {
            if (peekTag() != tag) throw new MalformedKeyException("DER: expected tag " + tag + ", found " + peekTag());
            pos++;
            if (pos >= end) throw new MalformedKeyException("DER: missing length");
            int first = data[pos++] & 0xff;
            long length;
            if (first < 0x80) {
                length = first;
            } else {
                int bytes = first & 0x7f;
                if (bytes == 0 || bytes > 4 || end - pos < bytes) throw new MalformedKeyException("DER: bad length");
                length = 0;
                for (int i = 0; i < bytes; i++) length = (length << 8) | (data[pos++] & 0xff);
            }
            if (length > end - pos) throw new MalformedKeyException("DER: element runs past its container");
            return (int) length;
        }
    }
}
