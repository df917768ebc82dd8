package bt.druk.registry.infrastructure.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The last notarisation number serial handed out in a year. */
@Entity
@Table(name = "notary_serial")
public class NotarySerialRow {

    @Id
    @Column(name = "serial_year")
    private int year;

    @Column(name = "last_serial", nullable = false)
    private int lastSerial;

    protected NotarySerialRow() {
    }

    /** The year's first number will be {@code firstSerial}. */
    NotarySerialRow(int year, int firstSerial) {
        this.year = year;
        this.lastSerial = firstSerial - 1;
    }

    int next() {
        return ++lastSerial;
    }
}
