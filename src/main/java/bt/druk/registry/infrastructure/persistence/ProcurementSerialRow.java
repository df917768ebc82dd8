package bt.druk.registry.infrastructure.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The last OCID / tender number serial handed out in a year. */
@Entity
@Table(name = "procurement_serial")
public class ProcurementSerialRow {

    @Id
    @Column(name = "serial_year")
    private int year;

    @Column(name = "last_serial", nullable = false)
    private int lastSerial;

    protected ProcurementSerialRow() {
    }

    ProcurementSerialRow(int year) {
        this.year = year;
    }

    int next() {
        return ++lastSerial;
    }
}
