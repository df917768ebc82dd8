package bt.druk.registry.infrastructure.persistence;

import bt.druk.registry.domain.land.ThramImportRow;
import bt.druk.registry.domain.shared.JsonProviders;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.io.StringReader;
import java.util.List;

/** A row of a bulk import of thrams (V211): cells and errors as JSON text. */
@Entity
@Table(name = "land_import_row")
@IdClass(LandImportLineRow.Key.class)
public class LandImportLineRow {

    @Id
    @Column(name = "import_id")
    private long importId;
    @Id
    @Column(name = "row_no")
    private int rowNo;
    @Column(name = "pin")
    private String pin;
    @Column(name = "cells", nullable = false, length = 100000)
    private String cells;
    @Column(name = "outcome", nullable = false)
    private String outcome;
    @Column(name = "errors", nullable = false, length = 100000)
    private String errors;
    @Column(name = "record_key")
    private String recordKey;

    protected LandImportLineRow() {
    }

    LandImportLineRow(ThramImportRow row) {
        this.importId = row.importId();
        this.rowNo = row.rowNo();
        this.pin = row.pin() == null || row.pin().length() > 64 ? null : row.pin();
        JsonArrayBuilder cellArray = JsonProviders.JSON.createArrayBuilder();
        row.cells().forEach(c -> cellArray.add(JsonProviders.JSON.createArrayBuilder().add(c.column()).add(c.value())));
        this.cells = cellArray.build().toString();
        copy(row);
    }

    void copy(ThramImportRow row) {
        this.outcome = row.outcome().name();
        JsonArrayBuilder errorArray = JsonProviders.JSON.createArrayBuilder();
        row.errors().forEach(e -> errorArray.add(JsonProviders.JSON.createObjectBuilder()
                .add("column", e.column()).add("code", e.code()).add("message", e.message())));
        this.errors = errorArray.build().toString();
        this.recordKey = row.recordKey();
    }

    ThramImportRow toRow() {
        List<ThramImportRow.Cell> cellList = array(cells).stream()
                .map(JsonValue::asJsonArray)
                .map(a -> new ThramImportRow.Cell(a.getString(0), a.getString(1)))
                .toList();
        List<ThramImportRow.CellError> errorList = array(errors).stream()
                .map(JsonValue::asJsonObject)
                .map(o -> new ThramImportRow.CellError(o.getString("column"), o.getString("code"), o.getString("message")))
                .toList();
        return new ThramImportRow(importId, rowNo, pin, cellList, ThramImportRow.Outcome.valueOf(outcome), errorList, recordKey);
    }

    private static JsonArray array(String json) {
        try (var reader = JsonProviders.JSON.createReader(new StringReader(json))) {
            return reader.readArray();
        }
    }

    public record Key(long importId, int rowNo) implements Serializable {
        public Key() {
            this(0, 0);
        }
    }
}
