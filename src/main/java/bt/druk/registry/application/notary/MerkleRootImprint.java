package bt.druk.registry.application.notary;

import bt.druk.registry.domain.notary.BatchAnchor;
import bt.druk.registry.domain.record.LedgerImprint;
import bt.druk.registry.domain.record.RecordDocument;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What the ledger holds for a batch anchor ({@code AnchorBatch}: {@code hash = merkleRoot}): the
 * RFC 9162 root over the anchor's stored leaves, in their order. Recomputed from the leaves, never
 * read from the record's own {@code merkleRoot}, so verification and the commit follower see an
 * edited, added, dropped or reordered leaf as a mismatch with the ledger. No single public text
 * hashes to a root, so {@link #hashedText} stays empty.
 */
@ApplicationScoped
public class MerkleRootImprint implements LedgerImprint {

    public static final String CODE = "merkle-root";

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public String ledgerHash(String canonicalJson) {
        return BatchAnchor.merkleRootOf(RecordDocument.dataOf(canonicalJson));
    }

    @Override
    public String describe(String version) {
        return "The Merkle root of batch anchor " + version + ".";
    }
}
