package bt.druk.registry.infrastructure.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Payara's EclipseLink 4.0.7 writes {@link Instant} attributes as serialized bytes. This maps every
 * Instant in the persistence unit to a UTC {@link LocalDateTime} (TIMESTAMP column), independent of
 * the server's time zone.
 */
@Converter(autoApply = true)
public class InstantConverter implements AttributeConverter<Instant, LocalDateTime> {

    @Override
    public LocalDateTime convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    @Override
    public Instant convertToEntityAttribute(LocalDateTime value) {
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    /**
     * A TIMESTAMP column read by a native query, as the driver gives it (EclipseLink runs no
     * converter there): UTC, as this converter stores it.
     */
    static Instant fromColumn(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof LocalDateTime t) {
            return t.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        return null;
    }
}
