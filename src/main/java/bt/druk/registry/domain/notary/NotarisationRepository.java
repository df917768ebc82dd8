package bt.druk.registry.domain.notary;

import java.util.List;
import java.util.Optional;

/** The notary register's projection: notarisations by their current versions, and the yearly serial of their numbers. */
public interface NotarisationRepository {

    Optional<NotarisationSummary> findSummary(String recordKey);

    void addSummary(NotarisationSummary summary);

    void removeSummary(String recordKey);

    /** Notarisations of this document (any status), newest first: what the verify page shows for a file. */
    List<NotarisationSummary> findByDocumentHash(String sha256);

    /** Most recently registered first. */
    List<NotarisationSummary> recent(int limit);

    /** Next serial of the year for notarisation numbers; serialised between clerks. */
    int nextSerial(int year);
}
