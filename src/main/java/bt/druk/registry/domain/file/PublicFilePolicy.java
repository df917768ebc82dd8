package bt.druk.registry.domain.file;

import java.util.Optional;

/**
 * A register's answer to "may anyone download this file?". The download address
 * {@code /files/<sha256>} serves a stored file only if some implementation says it is public, so a
 * file nobody vouches for (a notarised document, a bid before opening, a file stored by mistake) is
 * never served. Tender documents will be public; notarised documents will not.
 *
 * <p>Implement it as an {@code @ApplicationScoped} CDI bean in the register's application package;
 * the download servlet asks every implementation on every request, so answer from an index lookup.
 */
public interface PublicFilePolicy {

    /** Whether a record of this register, visible to the public, refers to the file with this hash. */
    boolean isPublic(String sha256);

    /**
     * The name to offer for the download, e.g. the name the tender document was uploaded with; asked
     * only when {@link #isPublic} said yes. Empty: a name is made from the hash. The extension is
     * corrected to match the file's content either way.
     */
    default Optional<String> downloadName(String sha256) {
        return Optional.empty();
    }
}
