package bt.druk.registry.interfaces.web.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A copy of files a portal wrote, taken at one moment, then searched for text: what an insider who
 * can read the disk would have had at that moment. Text is looked for as its UTF-8 bytes, anywhere
 * in a file, binary or not. Nothing is decoded first: no decompression (gzip, zip, jar), no UTF-16,
 * base64 or hex, no numbers a database keeps in binary; a caller says what that leaves out.
 */
final class DiskSnapshot {

    /** Where a text was found: the copy, the file it was copied from, the byte offset and the bytes around it. */
    record Hit(String text, Path original, long offset, String around) {
        @Override
        public String toString() {
            return "'" + text + "' in " + original + " at byte " + offset + ": ..." + around + "...";
        }
    }

    private final Map<Path, Path> originalOfCopy;

    private DiskSnapshot(Map<Path, Path> originalOfCopy) {
        this.originalOfCopy = originalOfCopy;
    }

    /**
     * Copies every regular file of {@code places} (files or folders, walked whole) into the empty
     * or absent folder {@code into}; a place that does not exist is skipped, as is a file that
     * disappears while the folder is walked (a store's temporary file renamed meanwhile).
     */
    static DiskSnapshot take(Path into, Collection<Path> places) throws IOException {
        Files.createDirectories(into);
        Map<Path, Path> copies = new LinkedHashMap<>();
        int n = 0;
        for (Path place : places) {
            Path target = into.resolve(++n + "-" + (place.getFileName() == null ? "root" : place.getFileName()));
            if (Files.isRegularFile(place)) {
                copy(place, target, copies);
            } else if (Files.isDirectory(place)) {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(place)) {
                    files = walk.filter(Files::isRegularFile).toList();
                }
                for (Path file : files) {
                    copy(file, target.resolve(place.relativize(file).toString()), copies);
                }
            }
        }
        return new DiskSnapshot(copies);
    }

    private static void copy(Path file, Path target, Map<Path, Path> copies) throws IOException {
        Files.createDirectories(target.getParent());
        try {
            Files.copy(file, target);
        } catch (NoSuchFileException gone) {
            return;
        }
        copies.put(target, file.toAbsolutePath().normalize());
    }

    /** The files copied, by the path they were copied from. */
    List<Path> originals() {
        return List.copyOf(originalOfCopy.values());
    }

    /** Bytes copied in all. */
    long bytes() {
        return originalOfCopy.keySet().stream().mapToLong(p -> {
            try {
                return Files.size(p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).sum();
    }

    /** Every file of the copy holding any of {@code texts} (as UTF-8 bytes): its first place per text and file. */
    List<Hit> find(Collection<String> texts) throws IOException {
        List<Hit> hits = new ArrayList<>();
        for (Map.Entry<Path, Path> copy : originalOfCopy.entrySet()) {
            // ISO-8859-1 maps each byte to one char and back: indexOf on these strings is a byte search.
            String bytes = new String(Files.readAllBytes(copy.getKey()), StandardCharsets.ISO_8859_1);
            for (String text : texts) {
                String needle = new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
                int at = bytes.indexOf(needle);
                if (at >= 0) {
                    hits.add(new Hit(text, copy.getValue(), at, printable(bytes.substring(Math.max(0, at - 40),
                            Math.min(bytes.length(), at + needle.length() + 40)))));
                }
            }
        }
        return hits;
    }

    private static String printable(String bytes) {
        StringBuilder out = new StringBuilder(bytes.length());
        bytes.chars().forEach(c -> out.append(c >= 0x20 && c < 0x7f ? (char) c : '.'));
        return out.toString();
    }
}
