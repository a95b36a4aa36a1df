package io.bundlescope.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The backup file: a gzip stream (optional: a reader detects it) of a magic line and then frames, each
 * {@code kind (1 byte) | length (4 bytes, big-endian) | payload}:
 * <pre>
 *   BUNDLESCOPE-BACKUP\n
 *   H {header JSON}                  tables and columns, schema version, created_at, versions
 *   per table, in the header's order:
 *     T {"schema":..,"name":..}       table start
 *     D bytes ... (at most 256 KiB)   COPY ... TO STDOUT text format, split anywhere
 *     E {"rows":..,"bytes":..,"sha256":..}
 *   M {manifest JSON}                 the header plus counts and checksums, sequences, header_sha256
 *   Z (empty)                         end: a file without it is truncated
 * </pre>
 * A reader trusts nothing until the checksums and counts match.
 */
final class BackupFormat {
    static final int VERSION = 1;
    static final byte[] MAGIC = "BUNDLESCOPE-BACKUP\n".getBytes(StandardCharsets.US_ASCII);
    static final byte HEADER = 'H';
    static final byte TABLE = 'T';
    static final byte DATA = 'D';
    static final byte TABLE_END = 'E';
    static final byte MANIFEST = 'M';
    static final byte END = 'Z';
    static final int MAX_DATA_FRAME = 256 * 1024;
    static final int MAX_JSON_FRAME = 64 * 1024 * 1024;

    static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private BackupFormat() {
    }

    record TableStart(String schema, String name) {
    }

    record TableEnd(long rows, long bytes, String sha256) {
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    /** Writes frames; {@link #close} finishes the gzip stream and closes the target. */
    static final class Writer implements AutoCloseable {
        private final DataOutputStream out;

        Writer(OutputStream target, boolean gzip) throws IOException {
            OutputStream o = gzip ? new FastGzip(target) : target;
            this.out = new DataOutputStream(o);
            out.write(MAGIC);
        }

        void frame(byte kind, byte[] payload, int off, int len) throws IOException {
            out.writeByte(kind);
            out.writeInt(len);
            out.write(payload, off, len);
        }

        byte[] json(byte kind, Object value) throws IOException {
            byte[] bytes = JSON.writeValueAsBytes(value);
            frame(kind, bytes, 0, bytes.length);
            return bytes;
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /** gzip at the fastest level: the journal's CBOR payloads barely compress further at higher levels. */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream out) throws IOException {
            super(out, 64 * 1024);
            def.setLevel(1);
        }
    }

    /** Reads frames, turning every malformation into a {@link BackupException} naming the file. */
    static final class Reader implements AutoCloseable {
        private final String name;
        private final DataInputStream in;
        private byte kind;
        private byte[] payload = new byte[0];
        private int length;

        Reader(InputStream source, String name) throws IOException {
            this.name = name;
            BufferedInputStream buffered = new BufferedInputStream(source, 64 * 1024);
            buffered.mark(2);
            int b1 = buffered.read();
            int b2 = buffered.read();
            buffered.reset();
            InputStream raw = b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(buffered, 64 * 1024) : buffered;
            this.in = new DataInputStream(raw);
            byte[] magic = new byte[MAGIC.length];
            try {
                in.readFully(magic);
            } catch (IOException e) {
                throw corrupt("it does not start like a Bundlescope backup", e);
            }
            if (!Arrays.equals(magic, MAGIC)) {
                throw corrupt("it does not start like a Bundlescope backup", null);
            }
        }

        /** Reads the next frame and checks it is of the expected kind. */
        void expect(byte expected) {
            next();
            if (kind != expected) {
                throw corrupt("expected a '" + (char) expected + "' frame, found '" + printable(kind) + "'", null);
            }
        }

        /** Reads the next frame; its kind is {@link #kind()}, its bytes {@link #payload()}[0, {@link #length()}). */
        void next() {
            try {
                kind = in.readByte();
                length = in.readInt();
                int max = kind == DATA ? MAX_DATA_FRAME : MAX_JSON_FRAME;
                if (length < 0 || length > max) {
                    throw corrupt("a '" + printable(kind) + "' frame claims " + length + " bytes", null);
                }
                if (payload.length < length) {
                    payload = new byte[Math.max(length, Math.min(MAX_DATA_FRAME, 2 * payload.length))];
                }
                in.readFully(payload, 0, length);
            } catch (EOFException e) {
                throw corrupt("it is truncated (it ends before its end marker)", e);
            } catch (IOException e) {
                throw corrupt(e.getMessage(), e);
            }
        }

        <T> T json(Class<T> type) {
            try {
                return JSON.readValue(payload, 0, length, type);
            } catch (IOException e) {
                throw corrupt("a '" + printable(kind) + "' frame is not the expected JSON", e);
            }
        }

        /** Reads up to end of stream; anything after the end marker is corruption. */
        void expectEndOfFile() {
            try {
                if (in.read() != -1) {
                    throw corrupt("bytes follow its end marker", null);
                }
            } catch (IOException e) {
                throw corrupt(e.getMessage(), e);
            }
        }

        byte kind() {
            return kind;
        }

        byte[] payload() {
            return payload;
        }

        int length() {
            return length;
        }

        BackupException corrupt(String what, Throwable cause) {
            return new BackupException("backup file " + name + " is corrupt: " + what, cause);
        }

        private static String printable(byte b) {
            return b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : String.format("0x%02x", b);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
