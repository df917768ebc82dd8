package bt.druk.registry.application.demo;

import bt.druk.registry.domain.notary.DocumentType;
import bt.druk.registry.domain.notary.NotaryRules;
import bt.druk.registry.domain.shared.StaffMember;
import java.util.List;
import java.util.Objects;

/**
 * A demo notarisation: the document the demo notary clerk registers (a small generated PDF) and
 * where the demo leaves it.
 *
 * @param ref          its name in the plan (its number is only drawn when it is registered)
 * @param daysAgo      notarised this many days before it is registered
 * @param fileName     the name the file is uploaded with (kept off the public record)
 * @param text         the lines the generated PDF prints
 * @param outcome      registered, revoked, or superseded by {@code replacedBy}
 * @param replacedBy   plan reference of the notarisation that supersedes this one, else null
 * @param reason       of the revocation or supersession, else null
 */
public record DemoNotarisation(String ref, StaffMember clerk, DocumentType type, int daysAgo,
                               List<NotaryRules.PartyText> parties, String fileName, List<String> text,
                               Outcome outcome, String replacedBy, String reason) {

    /** Where the demo leaves the notarisation. */
    public enum Outcome {
        REGISTERED,
        REVOKED,
        SUPERSEDED
    }

    public DemoNotarisation {
        Objects.requireNonNull(ref, "ref");
        parties = List.copyOf(parties);
        text = List.copyOf(text);
        if ((outcome == Outcome.SUPERSEDED) != (replacedBy != null)) {
            throw new IllegalArgumentException(ref + ": a superseded notarisation names its replacement, and only then");
        }
        if ((outcome == Outcome.REGISTERED) != (reason == null)) {
            throw new IllegalArgumentException(ref + ": a reason for a revocation or supersession, and only then");
        }
    }

    /** The operations of its versions when the demo is done with it, oldest first. */
    List<String> plannedOperations() {
        return switch (outcome) {
            case REGISTERED -> List.of("REGISTER");
            case REVOKED -> List.of("REGISTER", "REVOKE");
            case SUPERSEDED -> List.of("REGISTER", "SUPERSEDE");
        };
    }
}
