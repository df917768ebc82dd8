package bt.druk.registry.domain.shared;

import java.util.Objects;

/**
 * One validation problem.
 *
 * @param field   name of the command field it belongs to, e.g. {@code owners[1].cid}, or
 *                {@code ""} for a problem with the record as a whole
 * @param code    stable message key for translations, e.g. {@code cid.format}
 * @param message English message to show next to the field
 */
public record FieldError(String field, String code, String message) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
