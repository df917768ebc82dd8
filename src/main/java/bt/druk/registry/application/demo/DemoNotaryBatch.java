package bt.druk.registry.application.demo;

import bt.druk.registry.application.notary.BatchAnchorService;
import bt.druk.registry.application.notary.BatchMember;
import bt.druk.registry.application.notary.BatchMembers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The demo's Merkle batch: twelve invented court filings (small PDFs, of which only the hashes are
 * queued, as an issuing court would) notarised through the batch queue by the demo notary clerk,
 * so that the batch page and the verify page show batch members from the first visit. Only where
 * the notary demo registered its notarisations.
 */
@ApplicationScoped
public class DemoNotaryBatch {

    static final String REF = "notary-batch";
    static final int DOCUMENTS = 12;

    private BatchAnchorService batches;
    private BatchMembers members;
    private DemoNotaryRepository demoNotarisations;

    protected DemoNotaryBatch() {
    }

    @Inject
    public DemoNotaryBatch(BatchAnchorService batches, BatchMembers members, DemoNotaryRepository demoNotarisations) {
        this.batches = batches;
        this.members = members;
        this.demoNotarisations = demoNotarisations;
    }

    /** Queues the batch once, then reports whether every filing is anchored. */
    @Transactional
    public DemoProgress advance() {
        if (demoNotarisations.count() == 0) {
            return DemoProgress.skipped(REF, "the notary demo registered nothing here, so no demo batch either");
        }
        List<String> hashes = documentHashes();
        Optional<BatchMember> first = members.find(hashes.get(0));
        if (first.isEmpty()) {
            batches.enqueue(DemoNotaryPlan.NOTARY_CLERK, hashes);
            return DemoProgress.applied(REF, DOCUMENTS + " court filings queued for a Merkle batch");
        }
        boolean anchored = hashes.stream().map(members::find)
                .allMatch(m -> m.isPresent() && m.get().state() == BatchMember.State.ANCHORED);
        return anchored ? DemoProgress.done(REF) : DemoProgress.waiting(REF, "the batch awaits the ledger");
    }

    /** The filings' own bytes, so anyone who regenerates one gets the same SHA-256. */
    static byte[] filing(int number) {
        return DemoPdf.of(List.of("High Court of Bhutan, Thimphu (invented demo document)",
                "Court filing " + number + " of " + DOCUMENTS + ": notice of hearing in civil case DEMO/" + (2026_100 + number),
                "Issued in bulk and notarised in one Merkle batch by the Druk Registry demo."));
    }

    static List<String> documentHashes() {
        return IntStream.rangeClosed(1, DOCUMENTS).mapToObj(n -> sha256(filing(n))).toList();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
