package bt.druk.registry.domain.shared;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Input or domain-rule violations, each tied to a field name so pages can show the message next to
 * the field. Nothing has been saved when this is thrown.
 */
public class ValidationException extends RuntimeException {

    private final List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super(summary(errors));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a validation exception needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    public static ValidationException of(String field, String code, String message) {
        return new ValidationException(List.of(new FieldError(field, code, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Field name → first English message for that field (insertion ordered). */
    public Map<String, String> fieldMessages() {
        Map<String, String> messages = new LinkedHashMap<>();
        for (FieldError error : errors) {
            messages.putIfAbsent(error.field(), error.message());
        }
        return Collections.unmodifiableMap(messages);
    }

    private static String summary(List<FieldError> errors) {
        List<String> parts = new ArrayList<>();
        for (FieldError error : errors) {
            parts.add((error.field().isEmpty() ? "" : error.field() + ": ") + error.message());
        }
        return String.join("; ", parts);
    }

    /** Collects errors and throws them together. */
    public static final class Collector {
        private final List<FieldError> errors = new ArrayList<>();

        public Collector add(String field, String code, String message) {
            errors.add(new FieldError(field, code, message));
            return this;
        }

        public Collector add(FieldError error) {
            errors.add(error);
            return this;
        }

        public boolean hasErrors() {
            return !errors.isEmpty();
        }

        /** The errors collected so far, in order. */
        public List<FieldError> errors() {
            return List.copyOf(errors);
        }

        public void throwIfAny() {
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
        }
    }
}
