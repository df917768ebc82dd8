package bt.druk.registry.domain.notary.merkle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The claim that the tree of {@code firstSize} leaves with root {@code firstRoot} is the start of
 * the tree of {@code secondSize} leaves with root {@code secondRoot} (RFC 9162 §2.1.4): nothing in
 * it was changed or removed, only leaves added. Hashes are lowercase hex; like
 * {@link InclusionProof} it holds whatever it was given and {@link #verify()} judges it.
 */
public record ConsistencyProof(long firstSize, String firstRoot, long secondSize, String secondRoot, List<String> path) {

    public ConsistencyProof {
        path = path == null ? null : Collections.unmodifiableList(new ArrayList<>(path));
    }

    /** Whether the path shows the first tree to be a prefix of the second; never throws. */
    public MerkleVerification verify() {
        if (!MerkleHashes.isHashHex(firstRoot)) {
            return MerkleVerification.failed("merkle.root.hex", "the first root is not 64 lowercase hex characters: "
                    + MerkleHashes.describe(firstRoot));
        }
        if (!MerkleHashes.isHashHex(secondRoot)) {
            return MerkleVerification.failed("merkle.root.hex", "the second root is not 64 lowercase hex characters: "
                    + MerkleHashes.describe(secondRoot));
        }
        if (path == null) {
            return MerkleVerification.failed("merkle.consistencyPath.missing", "no consistency path");
        }
        List<byte[]> hashes = new ArrayList<>(path.size());
        for (int i = 0; i < path.size(); i++) {
            if (!MerkleHashes.isHashHex(path.get(i))) {
                return MerkleVerification.failed("merkle.consistencyPath.hex", "hash " + i + " of the consistency path"
                        + " is not 64 lowercase hex characters: " + MerkleHashes.describe(path.get(i)));
            }
            hashes.add(MerkleHashes.hashFromHex(path.get(i)));
        }
        return MerkleProofs.verifyConsistency(firstSize, secondSize, hashes,
                MerkleHashes.hashFromHex(firstRoot), MerkleHashes.hashFromHex(secondRoot));
    }
}
