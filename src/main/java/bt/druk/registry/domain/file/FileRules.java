package bt.druk.registry.domain.file;

import bt.druk.registry.domain.shared.ValidationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the store accepts: a size limit and the kinds of file, decided from the bytes. The refusals
 * are {@link ValidationException}s a clerk can act on, e.g. "The file is 31.2 MB; the limit is
 * 20 MB." (sizes in binary megabytes, written "MB" as file managers do).
 *
 * @param maxBytes largest accepted file in bytes
 * @param accepted kinds accepted; only {@link FileType#acceptable()} ones
 */
public record FileRules(long maxBytes, Set<FileType> accepted) {

    public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;

    /** Tender and bid documents, notarised documents: PDF and scans, and the office formats bidders fill in. */
    public static final Set<FileType> DEFAULT_TYPES = Collections.unmodifiableSet(EnumSet.of(
            FileType.PDF, FileType.PNG, FileType.JPEG, FileType.DOCX, FileType.XLSX, FileType.ODT, FileType.ODS));

    public FileRules {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("the size limit must be at least one byte");
        }
        if (accepted.isEmpty()) {
            throw new IllegalArgumentException("at least one kind of file must be accepted");
        }
        for (FileType type : accepted) {
            if (!type.acceptable()) {
                throw new IllegalArgumentException(type + " can never be accepted");
            }
        }
        accepted = Collections.unmodifiableSet(EnumSet.copyOf(accepted));
    }

    public static FileRules defaults() {
        return new FileRules(DEFAULT_MAX_BYTES, DEFAULT_TYPES);
    }

    /** Refuses an empty file. */
    public void checkNotEmpty(long size, String field) {
        if (size == 0) {
            throw ValidationException.of(field, "file.empty", "The file is empty (0 bytes); choose the document again.");
        }
    }

    /**
     * Refuses a file over the limit.
     *
     * @param size    the size, or what was read before giving up counting
     * @param atLeast true when the file may be even larger than {@code size}
     */
    public void checkSize(long size, boolean atLeast, String field) {
        checkNotEmpty(size, field);
        if (size > maxBytes) {
            throw ValidationException.of(field, "file.tooLarge", "The file is " + (atLeast ? "more than " : "")
                    + sizeText(size) + "; the limit is " + sizeText(maxBytes) + ".");
        }
    }

    /** Refuses a kind that is not accepted, saying what the file looks like. */
    public void checkType(FileType type, String declaredName, String field) {
        if (accepted.contains(type)) {
            return;
        }
        String named = "";
        String extension = extensionOf(declaredName);
        if (!extension.isEmpty() && !type.extensions().contains(extension)) {
            named = " (although its name ends in ." + extension + ")";
        }
        throw ValidationException.of(field, "file.type", "Only " + acceptedText() + " files are accepted; this file looks like "
                + type.looksLike() + named + ".");
    }

    /** The accepted kinds for a sentence: "PDF, PNG or JPEG". */
    public String acceptedText() {
        List<String> labels = new ArrayList<>();
        for (FileType type : accepted) {
            labels.add(type.label());
        }
        if (labels.size() == 1) {
            return labels.get(0);
        }
        return String.join(", ", labels.subList(0, labels.size() - 1)) + " or " + labels.get(labels.size() - 1);
    }

    /** File name extensions of the accepted kinds for an {@code accept} attribute: ".pdf,.png,.jpg,.jpeg". */
    public String acceptAttribute() {
        List<String> extensions = new ArrayList<>();
        for (FileType type : accepted) {
            for (String extension : type.extensions()) {
                extensions.add("." + extension);
            }
        }
        return String.join(",", extensions);
    }

    /** A size as a clerk reads it: "900 bytes", "12.5 KB", "31.2 MB", "20 MB" (binary units). */
    public static String sizeText(long bytes) {
        if (bytes < 1024) {
            return bytes == 1 ? "1 byte" : bytes + " bytes";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = bytes / 1024.0;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        String number = String.format(Locale.ROOT, "%.1f", value);
        if (number.endsWith(".0")) {
            number = number.substring(0, number.length() - 2);
        }
        return number + " " + units[unit];
    }

    private static String extensionOf(String name) {
        String cleaned = StoredFile.cleanName(name);
        int dot = cleaned.lastIndexOf('.');
        return dot <= 0 || dot == cleaned.length() - 1 ? "" : cleaned.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
