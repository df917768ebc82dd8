package bt.druk.registry.infrastructure.fabric;

import bt.druk.registry.domain.ledger.CommittedTransaction;
import bt.druk.registry.domain.ledger.Endorsement;
import bt.druk.registry.domain.ledger.HashIndexHit;
import bt.druk.registry.domain.ledger.Ledger;
import bt.druk.registry.domain.ledger.LedgerBlock;
import bt.druk.registry.domain.ledger.LedgerEntry;
import bt.druk.registry.domain.ledger.LedgerHistoryItem;
import bt.druk.registry.domain.ledger.LedgerIdentity;
import bt.druk.registry.domain.ledger.LedgerRecordPage;
import bt.druk.registry.domain.ledger.LedgerUnavailableException;
import bt.druk.registry.domain.ledger.PostedShares;
import bt.druk.registry.domain.ledger.SubmissionOutcome;
import bt.druk.registry.domain.record.LedgerCall;
import bt.druk.registry.infrastructure.config.Setting;
import com.google.protobuf.InvalidProtocolBufferException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.CommitStatusException;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.GatewayRuntimeException;
import org.hyperledger.fabric.client.Network;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.SubmitException;
import org.hyperledger.fabric.protos.common.Block;

/**
 * The ledger port over Hyperledger Fabric (fabric-gateway), on the connections of
 * {@link FabricConnections}. Writes are signed by the clerk's own identity, so the ledger records
 * who submitted; reads use the portal's reader identity (inspector by default,
 * {@code druk.fabric.reader} to choose another). Every call tells the connections whether the
 * ledger answered, so that failures in a row make them connect afresh; a chaincode refusal is an
 * answer. Nothing is thrown for a write: its outcome says what happened.
 */
@ApplicationScoped
public class FabricLedger implements Ledger {

    private FabricConnections connections;

    protected FabricLedger() {
    }

    @Inject
    public FabricLedger(FabricConnections connections) {
        this.connections = connections;
    }

    @Override
    public Endorsement endorse(LedgerCall call, String identityName) {
        try {
            Contract contract = connections.networkAs(identityName).getContract(connections.currentConfig().chaincode());
            org.hyperledger.fabric.client.Transaction transaction = contract.newProposal(call.function())
                    .addArguments(call.arguments().toArray(String[]::new))
                    .build()
                    .endorse();
            connections.answered();
            return Endorsement.endorsed(new Endorsed(transaction));
        } catch (EndorseException e) {
            return Endorsement.ended(counted(FabricErrors.classify(e)));
        } catch (FabricConnections.UnknownIdentityException e) {
            // Not the ledger's refusal: the signer's identity is not issued yet (its CA was unreachable when the
            // account was made). The write waits, and goes once an administrator has the identity issued.
            return Endorsement.ended(new SubmissionOutcome.Unavailable(e.getMessage()));
        } catch (LedgerUnavailableException e) {
            connections.failed();
            return Endorsement.ended(new SubmissionOutcome.Unavailable(e.getMessage(), e.getCause()));
        } catch (GatewayRuntimeException e) {
            return Endorsement.ended(counted(FabricErrors.classify(e)));
        } catch (RuntimeException | LinkageError e) {
            // e.g. a gRPC class that failed to initialise: say so with the whole chain, never throw.
            connections.failed();
            return Endorsement.ended(new SubmissionOutcome.Unavailable(e.toString(), e));
        }
    }

    /** An endorsed Fabric transaction: sent to the orderer through the gateway peer, then its commit status awaited. */
    private final class Endorsed implements Endorsement.Transaction {
        private final org.hyperledger.fabric.client.Transaction transaction;

        Endorsed(org.hyperledger.fabric.client.Transaction transaction) {
            this.transaction = transaction;
        }

        @Override
        public String txId() {
            return transaction.getTransactionId();
        }

        @Override
        public SubmissionOutcome send() {
            try {
                Status status = transaction.submitAsync().getStatus();
                connections.answered();
                if (status.isSuccessful()) {
                    return new SubmissionOutcome.Committed(status.getTransactionId(), status.getBlockNumber());
                }
                return FabricErrors.invalidated(status.getTransactionId(), status.getCode());
            } catch (SubmitException | CommitStatusException e) {
                return counted(FabricErrors.classify(e));
            } catch (GatewayRuntimeException e) {
                return counted(FabricErrors.classify(e));
            } catch (RuntimeException | LinkageError e) {
                connections.failed();
                return new SubmissionOutcome.Unavailable(e.toString(), e);
            }
        }
    }

    /** A refusal means the ledger answered; anything else counts towards a reconnect. */
    private SubmissionOutcome counted(SubmissionOutcome outcome) {
        if (outcome instanceof SubmissionOutcome.Unavailable) {
            connections.failed();
        } else {
            connections.answered();
        }
        return outcome;
    }

    @Override
    public Optional<LedgerEntry> readRecord(String recordKey) {
        try {
            return Optional.of(LedgerJson.entry(LedgerJson.read(evaluate("GetRecord", recordKey)).asJsonObject()));
        } catch (Refusal r) {
            if ("NOT_FOUND".equals(r.refused.code())) {
                return Optional.empty();
            }
            throw new LedgerUnavailableException("the ledger refused GetRecord: [" + r.refused.code() + "] " + r.refused.message());
        }
    }

    @Override
    public List<LedgerHistoryItem> history(String recordKey) {
        try {
            return LedgerJson.history(evaluate("GetHistory", recordKey));
        } catch (Refusal r) {
            if ("NOT_FOUND".equals(r.refused.code())) {
                return List.of();
            }
            throw new LedgerUnavailableException("the ledger refused GetHistory: [" + r.refused.code() + "] " + r.refused.message());
        }
    }

    @Override
    public LedgerRecordPage listRecords(String kind, int pageSize, String bookmark) {
        try {
            return LedgerJson.recordPage(evaluate("ListRecords", kind, String.valueOf(pageSize), bookmark == null ? "" : bookmark));
        } catch (Refusal r) {
            throw new LedgerUnavailableException("the ledger refused ListRecords: [" + r.refused.code() + "] " + r.refused.message());
        }
    }

    @Override
    public List<HashIndexHit> findByHash(String sha256Hex) {
        try {
            return LedgerJson.hashHits(evaluate("FindByHash", sha256Hex));
        } catch (Refusal r) {
            if ("NOT_FOUND".equals(r.refused.code())) {
                return List.of();
            }
            throw new LedgerUnavailableException("the ledger refused FindByHash: [" + r.refused.code() + "] " + r.refused.message());
        }
    }

    @Override
    public List<PostedShares> openingShares(String tenderKey) {
        try {
            return LedgerJson.postedShares(evaluate("GetOpeningShares", tenderKey));
        } catch (Refusal r) {
            if ("NOT_FOUND".equals(r.refused.code())) {
                return List.of();
            }
            throw new LedgerUnavailableException("the ledger refused GetOpeningShares: [" + r.refused.code() + "] "
                    + r.refused.message());
        }
    }

    @Override
    public LedgerIdentity identity() {
        byte[] genesis = systemQuery("GetBlockByNumber", "0")
                .orElseThrow(() -> new LedgerUnavailableException("GetBlockByNumber 0: the peer has no genesis block"));
        try {
            return new LedgerIdentity(connections.currentConfig().channel(),
                    HexFormat.of().formatHex(BlockParser.headerHash(Block.parseFrom(genesis).getHeader())));
        } catch (InvalidProtocolBufferException e) {
            throw new LedgerUnavailableException("the genesis block could not be read: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<CommittedTransaction> transaction(String txId) {
        Optional<byte[]> blockBytes = systemQuery("GetBlockByTxID", txId);
        if (blockBytes.isEmpty()) {
            return Optional.empty();
        }
        try {
            LedgerBlock block = BlockParser.parse(Block.parseFrom(blockBytes.get()));
            return block.transactions().stream().filter(tx -> tx.txId().equals(txId)).findFirst();
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("unreadable block for " + txId, e);
        }
    }

    /**
     * Asks the reader's peer's system chaincode (qscc) for a block of this channel; empty when the
     * peer answers that it has no such block or transaction. Counts towards the peer failover as
     * {@link #evaluate} does.
     */
    private Optional<byte[]> systemQuery(String function, String arg) {
        try {
            Network network = connections.networkAs(readerName());
            byte[] answer = network.getContract("qscc").evaluateTransaction(function, network.getName(), arg);
            connections.answered();
            return Optional.of(answer);
        } catch (GatewayException e) {
            String text = e.getMessage() + e.getDetails();
            if (text.contains("no such transaction") || text.contains("not found")) {
                connections.answered(); // the peer answered: it has none
                return Optional.empty();
            }
            connections.failed();
            throw new LedgerUnavailableException(function + " " + arg + " failed: " + e.getStatus(), e);
        } catch (LedgerUnavailableException e) {
            connections.failed();
            throw e;
        } catch (RuntimeException | LinkageError e) {
            connections.failed();
            throw new LedgerUnavailableException(function + " " + arg + ": " + e, e);
        }
    }

    @Override
    public BlockStream blocksFrom(long startBlock) {
        Network network = connections.networkAs(readerName());
        CloseableIterator<Block> blocks = network.newBlockEventsRequest().startBlock(startBlock).build().getEvents();
        return new BlockStream() {
            @Override
            public LedgerBlock next() {
                try {
                    LedgerBlock block = BlockParser.parse(blocks.next());
                    connections.answered();
                    return block;
                } catch (GatewayRuntimeException e) {
                    connections.failed();
                    throw new LedgerUnavailableException("block events stopped: " + e.getStatus(), e);
                } catch (LedgerUnavailableException e) {
                    connections.failed();
                    throw e;
                } catch (RuntimeException | LinkageError e) {
                    connections.failed();
                    throw new LedgerUnavailableException("block events stopped: " + e, e);
                }
            }

            @Override
            public void close() {
                blocks.close();
            }
        };
    }

    /** A chaincode refusal seen on a read. */
    private static final class Refusal extends RuntimeException {
        final SubmissionOutcome.Refused refused;

        Refusal(SubmissionOutcome.Refused refused) {
            super(refused.code(), null, false, false);
            this.refused = refused;
        }
    }

    private String evaluate(String function, String... args) {
        try {
            Contract contract = connections.networkAs(readerName()).getContract(connections.currentConfig().chaincode());
            String answer = new String(contract.evaluateTransaction(function, args), StandardCharsets.UTF_8);
            connections.answered();
            return answer;
        } catch (GatewayException e) {
            SubmissionOutcome outcome = FabricErrors.classify(e);
            if (outcome instanceof SubmissionOutcome.Refused refused) {
                connections.answered();
                throw new Refusal(refused);
            }
            connections.failed();
            throw new LedgerUnavailableException(function + ": " + ((SubmissionOutcome.Unavailable) outcome).reason(), e);
        } catch (FabricConnections.UnknownIdentityException e) {
            throw new LedgerUnavailableException(e.getMessage(), e);
        } catch (LedgerUnavailableException e) {
            connections.failed();
            throw e;
        } catch (RuntimeException | LinkageError e) {
            connections.failed();
            throw new LedgerUnavailableException(function + ": " + e, e);
        }
    }

    private String readerName() {
        return connections.currentConfig().readerIdentity(Setting.FABRIC_READER.configured())
                .map(FabricConnectionConfig.IdentityFiles::name)
                .orElseThrow(() -> new LedgerUnavailableException("no reader identity (inspector/admin) in the connection file"));
    }
}
