package bt.druk.registry.infrastructure.files;

import bt.druk.registry.domain.file.FileType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Decides what a file is from its bytes: magic numbers at the start, and for ZIP containers the part
 * that names the document kind (ODF's {@code mimetype} entry, OOXML's {@code [Content_Types].xml}).
 * Works on a complete file on disk so that a ZIP's central directory (at its end) can be read.
 * Nothing is decompressed beyond those two small entries.
 */
public final class FileSniffer {

    private static final int HEAD = 8192;
    private static final int MAX_ENTRY = 256 * 1024;
    private static final Set<String> HEIF_BRANDS = Set.of("heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1");

    private FileSniffer() {
    }

    public static FileType sniff(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD);
        }
        if (startsWith(head, "%PDF-")) {
            return FileType.PDF;
        }
        if (startsWith(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return FileType.PNG;
        }
        if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
            return FileType.JPEG;
        }
        if (startsWith(head, "GIF87a") || startsWith(head, "GIF89a")) {
            return FileType.GIF;
        }
        if (startsWith(head, 'I', 'I', 0x2A, 0x00) || startsWith(head, 'M', 'M', 0x00, 0x2A)) {
            return FileType.TIFF;
        }
        if (startsWith(head, "RIFF") && head.length >= 12 && ascii(head, 8, 4).equals("WEBP")) {
            return FileType.WEBP;
        }
        if (head.length >= 12 && ascii(head, 4, 4).equals("ftyp")) {
            return HEIF_BRANDS.contains(ascii(head, 8, 4)) ? FileType.HEIC : FileType.VIDEO;
        }
        if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return FileType.OFFICE_97;
        }
        if (startsWith(head, 'P', 'K', 3, 4)) {
            return zipKind(file);
        }
        if (startsWith(head, 'P', 'K', 5, 6) || startsWith(head, 'P', 'K', 7, 8)) {
            return FileType.ZIP;
        }
        if (startsWith(head, 'R', 'a', 'r', '!', 0x1A, 0x07)) {
            return FileType.RAR;
        }
        if (startsWith(head, '7', 'z', 0xBC, 0xAF, 0x27, 0x1C)) {
            return FileType.SEVEN_ZIP;
        }
        if (startsWith(head, 0x1F, 0x8B)) {
            return FileType.GZIP;
        }
        if (startsWith(head, "MZ") || startsWith(head, 0x7F, 'E', 'L', 'F') || startsWith(head, 0xCA, 0xFE, 0xBA, 0xBE)
                || startsWith(head, 0xFE, 0xED, 0xFA, 0xCE) || startsWith(head, 0xFE, 0xED, 0xFA, 0xCF)
                || startsWith(head, 0xCE, 0xFA, 0xED, 0xFE) || startsWith(head, 0xCF, 0xFA, 0xED, 0xFE)) {
            return FileType.PROGRAM;
        }
        if (startsWith(head, "{\\rtf")) {
            return FileType.RTF;
        }
        return textKind(file, head);
    }

    /** OOXML and ODF documents are ZIP files; anything else in a ZIP is just an archive. */
    private static FileType zipKind(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry mimetype = zip.getEntry("mimetype");
            if (mimetype != null) {
                String odf = entryText(zip, mimetype).trim();
                switch (odf) {
                    case "application/vnd.oasis.opendocument.text":
                        return FileType.ODT;
                    case "application/vnd.oasis.opendocument.spreadsheet":
                        return FileType.ODS;
                    case "application/vnd.oasis.opendocument.presentation":
                        return FileType.ODP;
                    default:
                        return FileType.ZIP;
                }
            }
            ZipEntry contentTypes = zip.getEntry("[Content_Types].xml");
            if (contentTypes != null) {
                String types = entryText(zip, contentTypes).toLowerCase(Locale.ROOT);
                if (types.contains("macroenabled") || zip.getEntry("word/vbaProject.bin") != null
                        || zip.getEntry("xl/vbaProject.bin") != null || zip.getEntry("ppt/vbaProject.bin") != null) {
                    return FileType.OFFICE_MACROS;
                }
                if (types.contains("wordprocessingml.document.main+xml")) {
                    return FileType.DOCX;
                }
                if (types.contains("spreadsheetml.sheet.main+xml")) {
                    return FileType.XLSX;
                }
                if (types.contains("presentationml.presentation.main+xml")) {
                    return FileType.PPTX;
                }
            }
            return FileType.ZIP;
        } catch (ZipException damaged) {
            return FileType.ZIP;
        }
    }

    private static String entryText(ZipFile zip, ZipEntry entry) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            return new String(in.readNBytes(MAX_ENTRY), StandardCharsets.UTF_8);
        } catch (ZipException damaged) {
            return "";
        }
    }

    /**
     * UTF-8 text without control characters (other than tab, line feed, form feed, carriage
     * return) is plain text, unless it starts like something a browser or a shell would run.
     * The whole file is checked, not only its head.
     */
    private static FileType textKind(Path file, byte[] head) throws IOException {
        if (!isText(file)) {
            return FileType.UNKNOWN;
        }
        String start = new String(head, StandardCharsets.UTF_8);
        if (start.startsWith("\uFEFF")) {
            start = start.substring(1);
        }
        start = start.stripLeading().toLowerCase(Locale.ROOT);
        if (start.startsWith("#!")) {
            return FileType.PROGRAM;
        }
        for (String tag : new String[] {"<!doctype html", "<html", "<head", "<body", "<script", "<iframe", "<!--"}) {
            if (start.startsWith(tag)) {
                return FileType.HTML;
            }
        }
        if (start.startsWith("<svg") || (start.startsWith("<?xml") && start.contains("<svg"))) {
            return FileType.SVG;
        }
        if (start.startsWith("<?xml")) {
            return FileType.XML;
        }
        return FileType.TEXT;
    }

    private static boolean isText(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            byte[] carry = new byte[0];
            int n;
            while ((n = in.read(buffer)) != -1) {
                byte[] chunk = Arrays.copyOf(carry, carry.length + n);
                System.arraycopy(buffer, 0, chunk, carry.length, n);
                int complete = completeUtf8Length(chunk);
                for (int i = 0; i < complete; i++) {
                    int b = chunk[i] & 0xFF;
                    if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') || b == 0x7F) {
                        return false;
                    }
                }
                decoder.reset();
                decoder.decode(ByteBuffer.wrap(chunk, 0, complete));
                carry = Arrays.copyOfRange(chunk, complete, chunk.length);
            }
            return carry.length == 0;
        } catch (CharacterCodingException notUtf8) {
            return false;
        }
    }

    /** Length of the prefix that does not end inside a multi-byte UTF-8 sequence. */
    private static int completeUtf8Length(byte[] bytes) {
        int end = bytes.length;
        for (int back = 1; back <= 3 && end - back >= 0; back++) {
            int b = bytes[end - back] & 0xFF;
            if ((b & 0xC0) == 0x80) {
                continue;
            }
            int length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return length > back ? end - back : end;
        }
        return end;
    }

    private static boolean startsWith(byte[] head, String ascii) {
        return head.length >= ascii.length() && ascii(head, 0, ascii.length()).equals(ascii);
    }

    private static boolean startsWith(byte[] head, int... magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static String ascii(byte[] bytes, int offset, int length) {
        return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
    }
}
