package bt.druk.registry.interfaces.web.inspect;

import bt.druk.registry.application.audit.TamperWarnings;
import bt.druk.registry.domain.audit.TamperKind;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * For the {@code d:tamperWarning} tag on public record pages: the warning for a record key, read
 * once per request. A failure to read it never breaks the record page (it is logged and no warning shown).
 */
@Named("tamperWarning")
@RequestScoped
public class TamperWarningBean {

    private static final Logger LOG = Logger.getLogger(TamperWarningBean.class.getName());

    @Inject
    TamperWarnings warnings;

    @Inject
    bt.druk.registry.interfaces.web.Messages messages;

    private final Map<String, Optional<TamperWarnings.Warning>> byKey = new HashMap<>();

    /** The warning for the record, or null when the latest tamper report did not flag it. */
    public TamperWarnings.Warning of(String recordKey) {
        return byKey.computeIfAbsent(recordKey == null ? "" : recordKey, key -> {
            try {
                return warnings.of(key);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "tamper warning of " + key + " could not be read", e);
                return Optional.empty();
            }
        }).orElse(null);
    }

    /** What was found, in words, e.g. "a database row edited afterwards; status differs from the ledger". */
    public String kinds(TamperWarnings.Warning warning) {
        return warning == null ? "" : warning.kinds().stream().map(this::kind).collect(Collectors.joining("; "));
    }

    /** The versions concerned, e.g. "1, 2". */
    public String versions(TamperWarnings.Warning warning) {
        return warning == null ? "" : warning.versions().stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    String kind(TamperKind kind) {
        return messages.text("tamper.kind." + kind.name());
    }
}
