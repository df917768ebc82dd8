package bt.druk.registry.domain.land;

import java.util.List;
import java.util.Objects;

/**
 * One row of a {@link ThramImport}: its cells as read (so registration needs no second upload and a
 * restart needs no file), and its outcome.
 *
 * @param rowNo     the row's number in the file, the header being row 1 (as a spreadsheet numbers it)
 * @param cells     column name to the cell's text, in the header's order
 * @param errors    for a BAD row, what is wrong, by column
 * @param recordKey the title's record key once REGISTERED
 */
public record ThramImportRow(long importId, int rowNo, String pin, List<Cell> cells, Outcome outcome,
                             List<CellError> errors, String recordKey) {

    /** GOOD: passed every check, waiting to be registered; BAD: refused; ALREADY_REGISTERED: its PIN has a title. */
    public enum Outcome { GOOD, BAD, ALREADY_REGISTERED, REGISTERED }

    /** One cell: column name and text. */
    public record Cell(String column, String value) {
    }

    /**
     * One problem of a row.
     *
     * @param column  the CSV column it belongs to, or "" for the row as a whole
     * @param code    the stable code the form's message has (e.g. {@code cid.format}), for translation
     * @param message the English message, the same the form gives
     */
    public record CellError(String column, String code, String message) {
        public CellError {
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }

    public ThramImportRow {
        cells = List.copyOf(cells);
        errors = List.copyOf(errors);
        Objects.requireNonNull(outcome, "outcome");
    }

    public ThramImportRow withImportId(long id) {
        return new ThramImportRow(id, rowNo, pin, cells, outcome, errors, recordKey);
    }

    public ThramImportRow registered(String key) {
        return new ThramImportRow(importId, rowNo, pin, cells, Outcome.REGISTERED, List.of(), key);
    }

    public ThramImportRow foundRegistered() {
        return new ThramImportRow(importId, rowNo, pin, cells, Outcome.ALREADY_REGISTERED, errors, recordKey);
    }

    /** A good row that the registration refused after all (a boundary overlapping a parcel registered since the check). */
    public ThramImportRow refused(List<CellError> why) {
        return new ThramImportRow(importId, rowNo, pin, cells, Outcome.BAD, why, null);
    }

    /** The cell of a column, or null when the row has none. */
    public String cell(String column) {
        return cells.stream().filter(c -> c.column().equals(column)).map(Cell::value).findFirst().orElse(null);
    }
}
