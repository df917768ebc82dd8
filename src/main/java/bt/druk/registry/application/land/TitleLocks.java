package bt.druk.registry.application.land;

import bt.druk.registry.application.record.RecordPipeline;
import bt.druk.registry.domain.land.LandTitle;
import bt.druk.registry.domain.record.RecordVersion;
import bt.druk.registry.domain.shared.AccessDeniedException;
import bt.druk.registry.domain.shared.ConcurrentUpdateException;
import bt.druk.registry.domain.shared.RecordNotFoundException;
import bt.druk.registry.domain.shared.StaffMember;
import java.util.Locale;

/** A title's current version locked for a change by a clerk of the office that keeps it, at the version the clerk saw. */
final class TitleLocks {

    private TitleLocks() {
    }

    /**
     * @param pin             a normalised, well-formed PIN
     * @param expectedVersion the version the clerk was looking at, or null
     * @param verb            what the clerk does, for the refusal: "change", "subdivide", …
     * @throws RecordNotFoundException   no title with that PIN
     * @throws AccessDeniedException     the title is kept by another office (the chaincode refuses it too, WRONG_OFFICE)
     * @throws ConcurrentUpdateException the title is no longer at {@code expectedVersion}
     */
    static RecordVersion lock(RecordPipeline pipeline, StaffMember actor, String pin, Integer expectedVersion, String verb) {
        RecordVersion current = pipeline.lockCurrent(LandTitle.recordKeyOf(pin))
                .orElseThrow(() -> new RecordNotFoundException("No land title with PIN " + pin));
        if (current.office() != null && !current.office().equals(actor.office())) {
            throw new AccessDeniedException("Title " + pin + " is kept by the " + officeName(current.office())
                    + " office; only its clerks can " + verb + " it (you are of the " + officeName(actor.office()) + " office)");
        }
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new ConcurrentUpdateException("Title " + pin + " is now at version " + current.version()
                    + " (you were looking at version " + expectedVersion + "); reload and try again");
        }
        return current;
    }

    private static String officeName(String office) {
        return office.isEmpty() ? office : office.charAt(0) + office.substring(1).toLowerCase(Locale.ROOT);
    }
}
