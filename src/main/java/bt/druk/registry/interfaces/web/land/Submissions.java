package bt.druk.registry.interfaces.web.land;

import bt.druk.registry.domain.record.RecordKey;
import bt.druk.registry.application.record.SubmissionAck;
import bt.druk.registry.interfaces.web.Messages;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/** Land clerks' submissions: after a save, the title's page with a banner for the saved version. */
final class Submissions {

    private Submissions() {
    }

    /** @return the outcome to navigate to after a successful save, or null to stay on the page */
    static String run(Messages messages, String formId, Supplier<SubmissionAck> submission) {
        return bt.druk.registry.interfaces.web.Submissions.run(messages, formId, submission, Submissions::savedOutcome);
    }

    /** "Saved — awaiting ledger": the clerk's record page with a banner for the saved version. */
    static String savedOutcome(SubmissionAck ack) {
        String pin = RecordKey.parse(ack.recordKey()).id();
        return "/clerk/land/title?faces-redirect=true&pin=" + URLEncoder.encode(pin, StandardCharsets.UTF_8)
                + "&saved=" + ack.version();
    }
}
