package bt.druk.registry.domain.shared;

import java.util.List;
import java.util.Objects;

/**
 * One validation problem.
 *
 * @param field   name of the command field it belongs to, e.g. {@code owners[1].cid}, or
 *                {@code ""} for a problem with the record as a whole
 * @param code    stable message key for translations, e.g. {@code cid.format}
 * @param message English message to show next to the field
 * @param arguments what a translation of {@code code} puts in its {@code {0}}, {@code {1}}...: the
 *                  names the English message names (an office, a dzongkhag), empty for most errors
 */
public record FieldError(String field, String code, String message, List<String> arguments) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        arguments = List.copyOf(arguments);
    }

    public FieldError(String field, String code, String message) {
        this(field, code, message, List.of());
    }
}
