package fr.vigie.deals.imports;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Tells how an exported text file is encoded. A byte-order mark says it; otherwise a file whose
 * bytes are all valid UTF-8 is UTF-8 (text in another encoding almost never is), and one that is
 * not is read as Windows-1252, what Excel writes for "CSV (séparateur: point-virgule)" on a French
 * Windows, and that reading is announced. The mapping may state the encoding instead.
 */
public final class TextEncoding {

    /** Windows-1252: Excel's "ANSI" CSV on Western European Windows. */
    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /**
     * How a file is read: its text, the encoding's name for messages, and what was detected, if
     * anything worth saying.
     */
    public record Opened(Reader reader, String encoding, String note) {}

    private TextEncoding() {}

    /**
     * Opens {@code file} as text in the {@code stated} encoding, or in the detected one when null.
     * Characters that cannot be decoded become U+FFFD, which the CSV reader reports at their cell.
     */
    public static Opened open(Path file, Charset stated) throws IOException {
        Charset charset = stated;
        String note = null;
        if (charset == null) {
            Charset bom = byteOrderMark(file);
            if (bom != null) {
                charset = bom;
            } else if (isUtf8(file)) {
                charset = StandardCharsets.UTF_8;
            } else {
                charset = WINDOWS_1252;
                note =
                        "not UTF-8: read as Windows-1252 (Excel's CSV on a French Windows); state"
                                + " formats: encoding: in the mapping if it is another";
            }
        }
        InputStream in =
                new BufferedInputStream(
                        fr.vigie.deals.input.ReadMeter.counted(
                                file, ExportZip.newInputStream(file)),
                        64 * 1024);
        skipByteOrderMark(in, charset);
        CharsetDecoder decoder =
                charset.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new Opened(new InputStreamReader(in, decoder), displayName(charset), note);
    }

    /** The encoding a byte-order mark announces, or null. */
    private static Charset byteOrderMark(Path file) throws IOException {
        byte[] head = new byte[3];
        int read;
        try (InputStream in = ExportZip.newInputStream(file)) {
            read = in.readNBytes(head, 0, 3);
        }
        if (read >= 3
                && (head[0] & 0xff) == 0xEF
                && (head[1] & 0xff) == 0xBB
                && (head[2] & 0xff) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (read >= 2 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        if (read >= 2 && (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    private static void skipByteOrderMark(InputStream in, Charset charset) throws IOException {
        int length =
                charset.equals(StandardCharsets.UTF_8)
                        ? 3
                        : charset.equals(StandardCharsets.UTF_16LE)
                                        || charset.equals(StandardCharsets.UTF_16BE)
                                ? 2
                                : 0;
        if (length == 0) {
            return;
        }
        in.mark(length);
        byte[] head = in.readNBytes(length);
        boolean bom =
                length == 3
                        ? head.length == 3
                                && (head[0] & 0xff) == 0xEF
                                && (head[1] & 0xff) == 0xBB
                                && (head[2] & 0xff) == 0xBF
                        : head.length == 2
                                && ((head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE
                                        || (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF);
        if (!bom) {
            in.reset();
        }
    }

    /** Whether every byte of the file is valid UTF-8, read once in chunks. */
    private static boolean isUtf8(Path file) throws IOException {
        CharsetDecoder decoder =
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
        CharBuffer chars = CharBuffer.allocate(64 * 1024);
        try (InputStream in = ExportZip.newInputStream(file)) {
            byte[] chunk = new byte[64 * 1024];
            int n;
            while ((n = in.read(chunk, 0, bytes.remaining())) > 0) {
                bytes.put(chunk, 0, n);
                bytes.flip();
                CoderResult result = decoder.decode(bytes, chars, false);
                if (result.isError()) {
                    return false;
                }
                chars.clear();
                bytes.compact();
            }
            bytes.flip();
            CoderResult last = decoder.decode(bytes, chars, true);
            return !last.isError() && !bytes.hasRemaining();
        }
    }

    private static String displayName(Charset charset) {
        return charset.equals(WINDOWS_1252) ? "Windows-1252" : charset.name();
    }

    /**
     * The encoding a mapping names: utf-8, windows-1252 (or cp1252, ansi), iso-8859-1, iso-8859-15,
     * utf-16.
     */
    public static Charset named(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT).replace("_", "-")) {
            case "utf-8", "utf8" -> StandardCharsets.UTF_8;
            case "windows-1252", "cp1252", "ansi" -> WINDOWS_1252;
            case "iso-8859-1", "latin-1", "latin1" -> StandardCharsets.ISO_8859_1;
            case "iso-8859-15", "latin-9", "latin9" -> Charset.forName("ISO-8859-15");
            case "utf-16" -> StandardCharsets.UTF_16;
            default -> null;
        };
    }
}
