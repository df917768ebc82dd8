package bt.druk.registry.interfaces.web;

import bt.druk.registry.domain.shared.FieldError;
import bt.druk.registry.domain.shared.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.EditableValueHolder;
import jakarta.faces.component.UIComponent;
import jakarta.faces.convert.Converter;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Page messages from the {@code messages} bundle, and application validation errors placed next to
 * the field they belong to.
 */
@ApplicationScoped
public class Messages {

    public static final String BUNDLE = "bt.druk.registry.interfaces.web.messages";
    private static final Pattern INDEXED = Pattern.compile("\\[(\\d+)]\\.?");

    public String text(String key, Object... args) {
        ResourceBundle bundle = bundle();
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale()).format(args);
    }

    public void error(String clientId, String key, Object... args) {
        add(clientId, FacesMessage.SEVERITY_ERROR, text(key, args));
    }

    public void info(String clientId, String key, Object... args) {
        add(clientId, FacesMessage.SEVERITY_INFO, text(key, args));
    }

    public void warn(String clientId, String key, Object... args) {
        add(clientId, FacesMessage.SEVERITY_WARN, text(key, args));
    }

    /** Adds a literal message (e.g. a chaincode reason) without bundle lookup. */
    public void raw(String clientId, FacesMessage.Severity severity, String text) {
        add(clientId, severity, text);
    }

    /**
     * Shows each application validation error next to its field. A field name such as
     * {@code owners[1].cid} is looked up as the component {@code <formId>:owners:1:cid}; then as
     * {@code <formId>:owners}; errors of the record as a whole (field "") or of fields the page has
     * no component for become global messages.
     */
    public void show(ValidationException e, String formId) {
        FacesContext faces = FacesContext.getCurrentInstance();
        for (FieldError error : e.errors()) {
            String text = errorText(error);
            String clientId = null;
            if (!error.field().isEmpty()) {
                String candidate = formId + ":" + toComponentPath(error.field());
                if (markInvalid(faces, candidate)) {
                    clientId = candidate;
                } else {
                    String base = formId + ":" + error.field().replaceAll("\\[.*$", "");
                    if (markInvalid(faces, base)) {
                        clientId = base;
                    }
                }
            }
            add(clientId, FacesMessage.SEVERITY_ERROR, text);
        }
        faces.validationFailed();
    }

    static String toComponentPath(String field) {
        Matcher m = INDEXED.matcher(field);
        String path = m.replaceAll(":$1:");
        if (path.endsWith(":")) {
            path = path.substring(0, path.length() - 1);
        }
        return path.replace('.', ':');
    }

    /** A field error in the page's language: the translation of its code with its arguments, else its English text. */
    public String errorText(FieldError error) {
        String key = "error." + error.code();
        String text = text(key, error.arguments().toArray());
        return text.equals(key) ? error.message() : text;
    }

    /**
     * An application error in the page's language: a translation of its stable code wins; otherwise its
     * English text, which is also what a translation that needs the error's arguments ({@code {0}}),
     * not known here, gives way to.
     */
    public String errorText(String code, String englishMessage) {
        String key = "error." + code;
        String text = text(key);
        return text.equals(key) || text.contains("{0}") ? englishMessage : text;
    }

    /**
     * Whether the page has a component {@code clientId}; an input is marked invalid too, so that it is
     * rendered as a field in error (aria-invalid) like one its own validators refused.
     */
    private static boolean markInvalid(FacesContext faces, String clientId) {
        if (faces.getViewRoot() == null) {
            return false;
        }
        boolean[] found = {false};
        try {
            faces.getViewRoot().invokeOnComponent(faces, clientId, (ctx, component) -> {
                found[0] = true;
                if (component instanceof EditableValueHolder input) {
                    input.setValid(false);
                    showAsTyped(ctx, component, input);
                }
            });
        } catch (RuntimeException ignored) {
            return false;
        }
        return found[0];
    }

    /**
     * An input the service refused after the model took its value is left with an empty submitted
     * value, which an invalid input renders in place of its value: the clerk would find the field
     * blank beside its message. Its value goes back as the submitted text, as the converter would
     * write it, so the field shows what was typed.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void showAsTyped(FacesContext faces, UIComponent component, EditableValueHolder input) {
        Object submitted = input.getSubmittedValue();
        Object value = submitted == null || "".equals(submitted) ? input.getValue() : null;
        if (value == null) {
            return;
        }
        Converter converter = input.getConverter() != null ? input.getConverter()
                : faces.getApplication().createConverter(value.getClass());
        input.setSubmittedValue(converter == null ? value.toString() : converter.getAsString(faces, component, value));
    }

    private static void add(String clientId, FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(severity, text, text));
    }

    /** The locale of the page being rendered (English outside a request). */
    public Locale currentLocale() {
        return locale();
    }

    private static Locale locale() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces != null && faces.getViewRoot() != null ? faces.getViewRoot().getLocale() : Locale.ENGLISH;
    }

    private static ResourceBundle bundle() {
        return ResourceBundle.getBundle(BUNDLE, locale(), Thread.currentThread().getContextClassLoader());
    }

}
