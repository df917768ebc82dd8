package bt.druk.registry.infrastructure.files;

import bt.druk.registry.domain.file.FileRules;
import bt.druk.registry.domain.file.FileType;
import bt.druk.registry.infrastructure.config.PortalPaths;
import bt.druk.registry.infrastructure.config.Setting;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

/**
 * The file store's settings, read like every other portal setting (system property, else the
 * environment variable): {@code druk.files.dir} / {@code DRUK_FILES_DIR},
 * {@code druk.files.maxBytes} / {@code DRUK_FILES_MAXBYTES}, {@code druk.files.types} /
 * {@code DRUK_FILES_TYPES}. A value that cannot be understood stops the store with a message
 * naming the setting, rather than quietly accepting more than was meant.
 */
public final class FileStoreSettings {

    private FileStoreSettings() {
    }

    /** Folder of the stored files; default {@code files} under {@code druk.data.dir}. */
    public static Path dir() {
        return PortalPaths.folder(Setting.FILES_DIR, "files");
    }

    public static FileRules rules() {
        return rules(Setting.FILES_MAX_BYTES.text(), Setting.FILES_TYPES.text());
    }

    /** Size limit in bytes (a plain number, or with KiB/MiB/GiB) and a comma-separated list of kinds, e.g. {@code pdf,png,jpeg}. */
    static FileRules rules(String maxBytes, String types) {
        return new FileRules(parseSize(maxBytes), parseTypes(types));
    }

    static long parseSize(String text) {
        String t = text.trim().replace("_", "").toLowerCase(java.util.Locale.ROOT);
        long unit = 1;
        for (String[] suffix : new String[][] {{"kib", "1024"}, {"mib", "1048576"}, {"gib", "1073741824"}}) {
            if (t.endsWith(suffix[0])) {
                unit = Long.parseLong(suffix[1]);
                t = t.substring(0, t.length() - suffix[0].length()).trim();
                break;
            }
        }
        try {
            long value = Math.multiplyExact(Long.parseLong(t), unit);
            if (value < 1) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalStateException("druk.files.maxBytes must be a positive number of bytes (or e.g. 20MiB), not '" + text + "'");
        }
    }

    static Set<FileType> parseTypes(String text) {
        Set<FileType> accepted = EnumSet.noneOf(FileType.class);
        for (String name : text.split(",")) {
            if (name.isBlank()) {
                continue;
            }
            accepted.add(FileType.bySettingName(name).orElseThrow(() -> new IllegalStateException(
                    "druk.files.types: '" + name.trim() + "' is not a kind of file the store can accept; use some of "
                            + "pdf, png, jpeg, gif, tiff, webp, heic, docx, xlsx, pptx, odt, ods, odp, txt")));
        }
        if (accepted.isEmpty()) {
            throw new IllegalStateException("druk.files.types names no kind of file");
        }
        return accepted;
    }
}
