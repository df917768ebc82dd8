package bt.druk.registry.interfaces.web;

import bt.druk.registry.application.record.SubmissionAck;
import bt.druk.registry.domain.shared.AccessDeniedException;
import bt.druk.registry.domain.shared.ConcurrentUpdateException;
import bt.druk.registry.domain.shared.RecordNotFoundException;
import bt.druk.registry.domain.shared.ValidationException;
import bt.druk.registry.infrastructure.persistence.DatabaseOutage;
import java.util.function.Function;
import java.util.function.Supplier;

/** Runs a submission of any register and turns every expected refusal into a message on the page. */
public final class Submissions {

    private Submissions() {
    }

    /**
     * @param onSaved what to answer once the version is stored (e.g. the page to redirect to)
     * @return {@code onSaved}'s answer, or null when a message was shown instead (stay on the page)
     */
    public static <T> T run(Messages messages, String formId, Supplier<SubmissionAck> submission,
                            Function<SubmissionAck, T> onSaved) {
        try {
            return onSaved.apply(submission.get());
        } catch (ValidationException e) {
            messages.show(e, formId);
        } catch (ConcurrentUpdateException e) {
            messages.error(null, "submit.concurrent");
        } catch (RecordNotFoundException e) {
            messages.error(null, "submit.notFound");
        } catch (AccessDeniedException e) {
            messages.error(null, "submit.denied");
        } catch (RuntimeException e) {
            if (DatabaseOutage.unconfirmedCommit(e)) {
                messages.error(null, "submit.unconfirmed");
            } else if (DatabaseOutage.causedBy(e)) {
                // nothing was saved; the form keeps what the clerk typed
                messages.error(null, "submit.databaseDown");
            } else {
                throw e;
            }
        }
        return null;
    }
}
