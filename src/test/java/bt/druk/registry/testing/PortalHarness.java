package bt.druk.registry.testing;

import bt.druk.registry.application.land.FamilyCeilingPolicy;
import bt.druk.registry.application.land.FamilyHoldings;
import bt.druk.registry.application.land.LandBoundaryPolicy;
import bt.druk.registry.application.land.ParcelLineageService;
import bt.druk.registry.application.land.SubdivisionPolicy;
import bt.druk.registry.domain.shared.PortalSecrets;
import bt.druk.registry.application.land.LandProjection;
import bt.druk.registry.application.land.LiveBoundaries;
import bt.druk.registry.application.land.LandPublicService;
import bt.druk.registry.application.land.LandTitleReader;
import bt.druk.registry.application.land.LandTitleService;
import bt.druk.registry.application.land.LandTransferPolicy;
import bt.druk.registry.application.notary.AnchorProjection;
import bt.druk.registry.application.notary.BatchAnchorService;
import bt.druk.registry.application.notary.BatchDocuments;
import bt.druk.registry.application.notary.BatchMembers;
import bt.druk.registry.application.notary.BatchPolicy;
import bt.druk.registry.application.notary.MerkleRootImprint;
import bt.druk.registry.application.notary.NotarisationReader;
import bt.druk.registry.application.notary.NotarisedDocuments;
import bt.druk.registry.application.notary.NotaryProjection;
import bt.druk.registry.application.notary.NotaryQueries;
import bt.druk.registry.application.notary.NotaryService;
import bt.druk.registry.application.procurement.BidImprints;
import bt.druk.registry.application.procurement.EnvelopeSweepPolicy;
import bt.druk.registry.application.procurement.EnvelopeSweeper;
import bt.druk.registry.application.procurement.OpeningKeys;
import bt.druk.registry.application.procurement.ProcurementDocuments;
import bt.druk.registry.application.procurement.ProcurementPolicy;
import bt.druk.registry.application.procurement.ProcurementProjection;
import bt.druk.registry.application.procurement.ProcurementQueries;
import bt.druk.registry.application.procurement.ProcuringEntities;
import bt.druk.registry.application.procurement.SealedBidOpening;
import bt.druk.registry.application.procurement.SealedBids;
import bt.druk.registry.application.procurement.TenderService;
import bt.druk.registry.application.record.CommitFollower;
import bt.druk.registry.application.record.LedgerBindingGuard;
import bt.druk.registry.application.record.LedgerCarryOver;
import bt.druk.registry.application.record.LedgerHealth;
import bt.druk.registry.application.record.LedgerImprints;
import bt.druk.registry.application.record.LedgerStatusService;
import bt.druk.registry.application.record.LedgerSubmitter;
import bt.druk.registry.application.record.OutboxProcessor;
import bt.druk.registry.application.record.RecordPipeline;
import bt.druk.registry.application.record.RecordProjection;
import bt.druk.registry.application.record.RecordQueryService;
import bt.druk.registry.application.record.SubmitterPolicy;
import bt.druk.registry.application.record.VerificationService;
import bt.druk.registry.application.reference.ReferenceDataService;
import bt.druk.registry.application.verify.DocumentSource;
import bt.druk.registry.application.verify.DocumentVerifier;
import bt.druk.registry.domain.shared.Register;
import bt.druk.registry.domain.shared.StaffMember;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Wires the application layer by hand over in-memory storage and the fake ledger. */
public class PortalHarness {

    public static final long NOTICE_SECONDS = 30L * 24 * 3600;

    public final MutableClock clock = new MutableClock(Instant.parse("2025-11-01T09:00:00Z"));
    public final InMemoryRecordRepository records = new InMemoryRecordRepository(clock);
    public final InMemoryLandParcelRepository parcels = new InMemoryLandParcelRepository();
    /** Each live title's owners' shares, as the projection keeps them for the family ceiling. */
    public final InMemoryLandHoldingRepository holdings = new InMemoryLandHoldingRepository();
    /** The household numbers clerks entered with owners. */
    public final InMemoryCensusHouseholdRepository households = new InMemoryCensusHouseholdRepository();
    public final FakeLedger ledger = new FakeLedger(clock);
    public final ReferenceDataService referenceData = new ReferenceDataService();
    public final LandTitleReader reader = new LandTitleReader(records);
    /** The registered parcels' boundaries, as the projection keeps them and the registration checks them. */
    public final LiveBoundaries liveBoundaries = new LiveBoundaries(parcels);
    public final InMemoryTenderRepository tenderRepository = new InMemoryTenderRepository();
    public final InMemoryNotarisationRepository notarisationRepository = new InMemoryNotarisationRepository();
    public final NotarisationReader notarisationReader = new NotarisationReader(records);
    public final InMemoryBatchQueue batchQueue = new InMemoryBatchQueue();
    public final InMemoryStaffEventLog staffLog = new InMemoryStaffEventLog();
    /** Every register's projections, one per kind of record, as CDI finds them in the portal. */
    public final List<RecordProjection> projections = List.of(
            new LandProjection(parcels, holdings, reader, clock, liveBoundaries),
            new ProcurementProjection.Tenders(tenderRepository, clock),
            new ProcurementProjection.Bids(tenderRepository, clock),
            new NotaryProjection(notarisationRepository, notarisationReader, clock),
            new AnchorProjection(batchQueue));
    public final RecordPipeline pipeline = new RecordPipeline(records, clock, projections, staffLog);
    public final OutboxProcessor processor = new OutboxProcessor(records, clock, pipeline);
    public final LedgerHealth health = new LedgerHealth(clock);
    /** The submitter's policy in tests: a small window, a lease longer than any test, one portal. */
    public static final SubmitterPolicy SUBMITTER_POLICY = new SubmitterPolicy(16, Duration.ofMinutes(2), "test-portal");
    public final InMemoryLedgerBindings ledgerBindings = new InMemoryLedgerBindings(records);
    public final LedgerBindingGuard ledgerBinding = new LedgerBindingGuard(ledger, ledgerBindings, health, staffLog,
            new LedgerCarryOver(records, new InMemoryAuditTrail(records), clock), clock);
    public final LedgerSubmitter submitter = new LedgerSubmitter(ledger, processor, health, SUBMITTER_POLICY, ledgerBinding, clock);
    public final LedgerStatusService ledgerStatus = new LedgerStatusService(ledger, records, health, ledgerBinding, clock);
    public final CommitFollower follower = new CommitFollower(ledger, processor, ledgerBinding);
    public final LedgerImprints imprints = new LedgerImprints(
            java.util.stream.Stream.concat(BidImprints.all().stream(), java.util.stream.Stream.of(new MerkleRootImprint())).toList());
    public final RecordQueryService queries = new RecordQueryService(records, imprints);
    public final VerificationService verification = new VerificationService(records, ledger, imprints, clock);
    /** The Land Act 2007's family ceiling at its default, 25 acres. */
    public final FamilyHoldings families = new FamilyHoldings(households, holdings, FamilyCeilingPolicy.DEFAULT, staffLog, clock);
    public final LandTitleService land = new LandTitleService(pipeline, referenceData, queries, reader, clock,
            new LandTransferPolicy(Duration.ofSeconds(NOTICE_SECONDS)),
            bt.druk.registry.domain.land.OfficeDzongkhags.DEFAULT, LandBoundaryPolicy.DEFAULT, liveBoundaries, families);
    /** The portal's secrets, kept in memory for this harness's life. */
    public final PortalSecrets secrets = new PortalSecrets() {
        private final java.util.Map<String, byte[]> made = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public byte[] secret(String name) {
            return made.computeIfAbsent(name, n -> {
                byte[] secret = new byte[32];
                new java.security.SecureRandom().nextBytes(secret);
                return secret;
            }).clone();
        }
    };
    public final ParcelLineageService lineage = new ParcelLineageService(pipeline, records, reader, referenceData, liveBoundaries,
            LandBoundaryPolicy.DEFAULT, SubdivisionPolicy.DEFAULT, secrets, clock);
    public final ProcurementPolicy procurementPolicy = new ProcurementPolicy("ocds-drk001", Duration.ofDays(7),
            "procurement.bidbox", ProcurementPolicy.BHUTAN);
    public final TenderService tenders = new TenderService(pipeline, tenderRepository, new ProcuringEntities(),
            procurementPolicy, clock);
    public final InMemorySealedOpening.Keys openingKeyRepository = new InMemorySealedOpening.Keys();
    public final InMemorySealedOpening.Suppliers sealedBidSuppliers = new InMemorySealedOpening.Suppliers();
    public final InMemoryFileStore files = new InMemoryFileStore();
    public final InMemorySealedOpening.Envelopes envelopes = new InMemorySealedOpening.Envelopes(clock);
    public final InMemorySealedOpening.Uses envelopeUses = new InMemorySealedOpening.Uses(sealedBidSuppliers, records, tenderRepository);
    /** An envelope no bid needs goes once it is an hour old; the whole store is swept every hour. */
    public final EnvelopeSweepPolicy envelopeSweepPolicy = new EnvelopeSweepPolicy(Duration.ofHours(1), Duration.ofHours(1));
    public final EnvelopeSweeper envelopeSweeper = new EnvelopeSweeper(envelopes, envelopeUses, ledger, envelopeSweepPolicy, clock);
    public final OpeningKeys openingKeys = new OpeningKeys(openingKeyRepository, clock);
    public final SealedBidOpening sealedBidOpening = new SealedBidOpening(pipeline, tenderRepository, tenders, sealedBidSuppliers,
            envelopes, files);
    public final SealedBids sealedBids = new SealedBids(pipeline, tenderRepository, sealedBidSuppliers, envelopes, openingKeys,
            sealedBidOpening, envelopeSweeper, ledger, procurementPolicy, clock);
    public final ProcurementQueries procurementQueries = new ProcurementQueries(tenderRepository, pipeline, queries, clock);
    public final NotaryService notary = new NotaryService(pipeline, notarisationRepository, notarisationReader, clock);
    public final NotaryQueries notaryQueries = new NotaryQueries(notarisationRepository, notarisationReader, pipeline, queries);
    /** Batches of at most 8 documents, or fewer after 2 s. */
    public final BatchPolicy batchPolicy = new BatchPolicy(8, Duration.ofSeconds(2));
    public final BatchMembers batchMembers = new BatchMembers(batchQueue, pipeline);
    public final BatchAnchorService batchAnchors = new BatchAnchorService(pipeline, batchQueue, batchPolicy, batchMembers, clock);
    /** Every register's source of documents found by hash, as CDI finds them. */
    public final List<DocumentSource> documentSources = List.of(new NotarisedDocuments(notarisationRepository, records),
            new BatchDocuments(batchMembers, records), new ProcurementDocuments(tenderRepository, records, imprints));
    public final InMemoryHashOccurrences hashOccurrences = new InMemoryHashOccurrences(records, notarisationRepository,
            tenderRepository, batchQueue);
    public final DocumentVerifier documentVerifier = new DocumentVerifier(records, hashOccurrences, documentSources, ledger,
            verification, imprints, clock);
    public final LandPublicService publicLand = new LandPublicService(parcels, records, pipeline, queries, verification, reader);
    /** Sealed tenders and bids as the pages make them, to three holders whose keys it keeps. */
    public final SealedTenders sealed = new SealedTenders(this);

    public static final StaffMember CLERK = StaffMember.clerk("land.clerk", Register.LAND, "THIMPHU");
    public static final StaffMember PROCUREMENT_CLERK = StaffMember.clerk("procurement.clerk", Register.PROCUREMENT, "THIMPHU");
    public static final StaffMember NOTARY_CLERK = StaffMember.clerk("notary.clerk", Register.NOTARY, "THIMPHU");
    /** Clerks of the Paro office, who may neither first register a Thimphu parcel nor revoke a Thimphu notarisation. */
    public static final StaffMember PARO_CLERK = StaffMember.clerk("land.clerk2", Register.LAND, "PARO");
    public static final StaffMember PARO_NOTARY_CLERK = StaffMember.clerk("notary.clerk2", Register.NOTARY, "PARO");
}
