package bt.druk.registry.domain.file;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A file that is in the store, as its caller stored it. The store keeps one copy per content, so
 * the same bytes stored under two names give two descriptions with the same hash; the name belongs
 * to whoever stored the file (a tender document, a notarisation) and is kept by that record, not by
 * the store.
 *
 * @param sha256       SHA-256 of the bytes, 64 lowercase hex digits: the file's name in the store
 *                     and what goes into a record's hashed JSON
 * @param size         length in bytes, at least 1
 * @param type         what the bytes are, decided by reading them
 * @param originalName the name the file was given when stored, without folders; see {@link #cleanName}
 */
public record StoredFile(String sha256, long size, FileType type, String originalName) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final int MAX_NAME = 255;

    public StoredFile {
        if (!isSha256(sha256)) {
            throw new IllegalArgumentException("not a lowercase SHA-256 hex: " + sha256);
        }
        if (size < 1) {
            throw new IllegalArgumentException("a stored file has at least one byte");
        }
        Objects.requireNonNull(type, "type");
        originalName = cleanName(originalName);
    }

    /** The content type to serve the file with. */
    public String mediaType() {
        return type.mediaType();
    }

    /** Whether the text is 64 lowercase hex digits. */
    public static boolean isSha256(String text) {
        return text != null && SHA256.matcher(text).matches();
    }

    /**
     * The name as given, reduced to what is safe to show and to offer as a download name: the part
     * after the last {@code /} or {@code \} (some browsers send {@code C:\fakepath\…}), without
     * control characters or the bidirectional overrides that make {@code gpj.exe} look like
     * {@code exe.jpg}, trimmed, at most 255 characters; {@code "file"} when nothing is left.
     */
    public static String cleanName(String declared) {
        if (declared == null) {
            return "file";
        }
        String name = declared.substring(Math.max(declared.lastIndexOf('/'), declared.lastIndexOf('\\')) + 1);
        StringBuilder kept = new StringBuilder(name.length());
        name.codePoints().filter(cp -> !Character.isISOControl(cp) && !isBidiControl(cp)).forEach(kept::appendCodePoint);
        String cleaned = kept.toString().strip();
        if (cleaned.codePointCount(0, cleaned.length()) > MAX_NAME) {
            cleaned = cleaned.substring(0, cleaned.offsetByCodePoints(0, MAX_NAME));
        }
        return cleaned.isEmpty() || cleaned.equals(".") || cleaned.equals("..") ? "file" : cleaned;
    }

    private static boolean isBidiControl(int cp) {
        return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
    }
}
