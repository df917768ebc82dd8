package bt.druk.registry.interfaces.web.notary;

import bt.druk.registry.application.notary.BatchAnchorService;
import bt.druk.registry.application.notary.BatchMember;
import bt.druk.registry.application.notary.BatchMembers;
import bt.druk.registry.domain.shared.AccessDeniedException;
import bt.druk.registry.domain.shared.ValidationException;
import bt.druk.registry.interfaces.web.Messages;
import bt.druk.registry.interfaces.web.security.CurrentStaff;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * The notary clerk's batch notarisation ({@code /clerk/notary/batch.xhtml}): the browser hashes
 * the chosen documents and sends only their SHA-256 digests; they are queued for Merkle batches
 * and the page follows them until each one's anchor is committed and its proof can be downloaded.
 */
@Named
@ViewScoped
public class BatchNotarisationBean implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String FORM = "batch";

    @Inject
    transient BatchAnchorService batches;

    @Inject
    transient BatchMembers members;

    @Inject
    transient CurrentStaff staff;

    @Inject
    transient Messages messages;

    /** The digests the browser computed, one per line. */
    private String documentHashes;
    private List<String> queued = List.of();
    private List<BatchMember> states = List.of();

    public void queue() {
        List<String> hashes = documentHashes == null ? List.of()
                : Arrays.stream(documentHashes.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        try {
            states = batches.enqueue(staff.require(), hashes);
            queued = states.stream().map(BatchMember::documentHash).toList();
            documentHashes = null;
            messages.info(null, "notary.batch.queued", queued.size());
        } catch (ValidationException e) {
            messages.show(e, FORM);
        } catch (AccessDeniedException e) {
            messages.error(null, "submit.denied");
        }
    }

    /** Shown until this page queues something: the clerk's last queued documents and where they stand. */
    static final int RECENT = 20;

    /** View action: the clerk's recent documents, so a batch queued earlier (or by the demo) can be followed. */
    public void load() {
        if (queued.isEmpty()) {
            staff.member().ifPresent(m -> {
                states = members.recentOf(m.username(), RECENT);
                queued = states.stream().map(BatchMember::documentHash).toList();
            });
        }
    }

    /** Reads the queued documents' states again (the page polls while any is not anchored). */
    public void refresh() {
        states = queued.stream().map(h -> members.find(h).orElseThrow()).toList();
    }

    public boolean isWaiting() {
        return states.stream().anyMatch(m -> m.state() == BatchMember.State.QUEUED || m.state() == BatchMember.State.ANCHORING);
    }

    public long count(BatchMember.State state) {
        return states.stream().filter(m -> m.state() == state).count();
    }

    public List<BatchMember> getStates() {
        return states;
    }

    public long getWaitingInQueue() {
        return members.waiting();
    }

    public String getDocumentHashes() {
        return documentHashes;
    }

    public void setDocumentHashes(String documentHashes) {
        this.documentHashes = documentHashes;
    }
}
