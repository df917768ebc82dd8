package bt.druk.registry.domain.land;

import java.util.List;
import java.util.Optional;

/** Bulk imports of thrams and their rows. */
public interface ThramImportRepository {

    /** Stores a checked import with all its rows; returns it with its number. */
    ThramImport add(ThramImport thramImport, List<ThramImportRow> rows);

    Optional<ThramImport> find(long id);

    /** The import of this file by this office, if it was imported before. */
    Optional<ThramImport> findByContent(String office, String contentHash);

    /** Reads the import locked for change until the transaction ends, so two runners never register the same chunk. */
    Optional<ThramImport> lock(long id);

    void update(ThramImport thramImport);

    void updateRow(ThramImportRow row);

    /** Rows after {@code afterRowNo} with this outcome, in row order, at most {@code limit}. */
    List<ThramImportRow> rows(long importId, ThramImportRow.Outcome outcome, int afterRowNo, int limit);

    /** Imports still registering (to resume after a restart). */
    List<ThramImport> registering();

    /** The import's most recent imports of an office, newest first. */
    List<ThramImport> recent(String office, int limit);

    /** How many of the import's registered titles have their first version committed on the ledger. */
    int committedOnLedger(long importId);
}
