package novalab.engine.crypto;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/** SSH's wire encoding (RFC 4251 section 5): uint32, string and mpint, as key blobs and OpenSSH key files use it. */
final class SshWire {
    private SshWire() {}

    static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Writer uint32(int value) {
            out.write(value >>> 24);
            out.write(value >>> 16);
            out.write(value >>> 8);
            out.write(value);
            return this;
        }

        Writer string(byte[] bytes) { return uint32(bytes.length).raw(bytes); }

        Writer string(String text) { return string(text.getBytes(StandardCharsets.UTF_8)); }

        /** Two's-complement big-endian, minimal, a leading zero when the top bit is set, empty for zero. */
        Writer mpint(BigInteger value) {
            return string(value.signum() == 0 ? new byte[0] : value.toByteArray());
        }

        Writer raw(byte[] bytes) {
            out.writeBytes(bytes);
            return this;
        }

        int size() { return out.size(); }

        byte[] toByteArray() { return out.toByteArray(); }
    }

    /** Reads fields one after another; running out of bytes breaks with {@link MalformedKeyException}. */
    static final class Reader {
        private final byte[] data;
        private int pos;

        Reader(byte[] data) { this.data = data; }

        int uint32() {
            need(4);
            int v = ((data[pos] & 0xff) << 24) | ((data[pos + 1] & 0xff) << 16) | ((data[pos + 2] & 0xff) << 8)
                    | (data[pos + 3] & 0xff);
            pos += 4;
            return v;
        }

        byte[] string() {
            long length = uint32() & 0xffffffffL;
            if (length > data.length - pos) throw new MalformedKeyException("SSH string runs past the end");
            return raw((int) length);
        }

        String utf8() { return new String(string(), StandardCharsets.UTF_8); }

        BigInteger mpint() {
            byte[] bytes = string();
            if (bytes.length == 0) return BigInteger.ZERO;
            BigInteger value = new BigInteger(bytes);
            if (value.signum() < 0) throw new MalformedKeyException("negative mpint");
            return value;
        }

        byte[] raw(int length) {
            need(length);
            byte[] out = new byte[length];
            System.arraycopy(data, pos, out, 0, length);
            pos += length;
            return out;
        }

        int remaining() { return data.length - pos; }

        void expectEnd() {
            if (remaining() != 0) throw new MalformedKeyException("trailing bytes after the key");
        }

        private void need(int n) {
            if (n < 0 || n > data.length - pos) throw new MalformedKeyException("truncated SSH data");
        }
    }
}
