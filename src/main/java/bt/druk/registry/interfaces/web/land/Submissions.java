package bt.druk.registry.interfaces.web.land;

import bt.druk.registry.domain.record.RecordKey;
import bt.druk.registry.application.record.SubmissionAck;
import bt.druk.registry.domain.shared.AccessDeniedException;
import bt.druk.registry.domain.shared.ConcurrentUpdateException;
import bt.druk.registry.domain.shared.RecordNotFoundException;
import bt.druk.registry.domain.shared.ValidationException;
import bt.druk.registry.interfaces.web.Messages;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/** Runs a clerk submission and turns every expected failure into a message on the page. */
final class Submissions {

    private Submissions() {
    }

    /** @return the outcome to navigate to after a successful save, or null to stay on the page */
    static String run(Messages messages, String formId, Supplier<SubmissionAck> submission) {
        try {
            return savedOutcome(submission.get());
        } catch (ValidationException e) {
            messages.show(e, formId);
        } catch (ConcurrentUpdateException e) {
            messages.error(null, "submit.concurrent");
        } catch (RecordNotFoundException e) {
            messages.error(null, "submit.notFound");
        } catch (AccessDeniedException e) {
            messages.error(null, "submit.denied");
        }
        return null;
    }

    /** "Saved — awaiting ledger": the clerk's record page with a banner for the saved version. */
    static String savedOutcome(SubmissionAck ack) {
        String pin = RecordKey.parse(ack.recordKey()).id();
        return "/clerk/land/title?faces-redirect=true&pin=" + URLEncoder.encode(pin, StandardCharsets.UTF_8)
                + "&saved=" + ack.version();
    }
}
