package bt.druk.registry.interfaces.web.procurement;

import bt.druk.registry.application.record.SubmissionAck;
import bt.druk.registry.domain.procurement.BidKeys;
import bt.druk.registry.domain.record.RecordKey;
import bt.druk.registry.interfaces.web.Messages;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/** Procurement clerks' submissions: after a save, the tender's page. */
final class ProcurementSubmissions {

    private ProcurementSubmissions() {
    }

    /** @return the acknowledgement, or null when a message was shown instead */
    static SubmissionAck run(Messages messages, String formId, Supplier<SubmissionAck> submission) {
        return bt.druk.registry.interfaces.web.Submissions.run(messages, formId, submission, ack -> ack);
    }

    /** The clerk's tender page for a saved tender version (or for the tender of a saved bid). */
    static String clerkTenderPage(SubmissionAck ack) {
        RecordKey key = RecordKey.parse(ack.recordKey());
        String ocid = key.isKind(BidKeys.KIND) ? BidKeys.ocidOf(key) : key.id();
        return "/clerk/procurement/tender?faces-redirect=true&ocid=" + URLEncoder.encode(ocid, StandardCharsets.UTF_8)
                + "&saved=" + URLEncoder.encode(ack.recordKey(), StandardCharsets.UTF_8);
    }
}
