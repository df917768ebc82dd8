package bt.druk.registry.chaincode;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contact;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Default;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.License;
import org.hyperledger.fabric.contract.annotation.Transaction;

/**
 * Druk Registry chaincode: commits the hash of every record version of the land, procurement and
 * notary registers. Transactions are called by name with string arguments; writes return the new
 * ledger entry as JSON, reads return JSON. See README.md for the full contract.
 */
@Contract(name = "RegistryContract",
        info = @Info(title = "Druk Registry", description = "Hashes of public-record versions, endorsed by the issuing agency and the Royal Audit Authority",
                version = "1.0.0", license = @License(name = "Apache-2.0"), contact = @Contact(name = "Druk Registry")))
@Default
public final class RegistryContract implements ContractInterface {

    private final AccessPolicy policy = new AccessPolicy();
    private final ClockSkewGuard clock;
    private final long minimumNoticeSeconds;
    private final long minimumBidPeriodSeconds;
    private final long minimumPlotDecimals;

    /** Environment variable of the chaincode service: the shortest land notice period an admin may set. */
    public static final String MIN_NOTICE_ENV = "DRUK_CHAINCODE_MIN_NOTICE_SECONDS";
    /** A week, unless the service is started with {@value #MIN_NOTICE_ENV} (test networks use seconds). */
    public static final long DEFAULT_MIN_NOTICE_SECONDS = 604_800L;
    /** Environment variable of the chaincode service: the floor of the minimum bid period. */
    public static final String MIN_BID_PERIOD_ENV = "DRUK_CHAINCODE_MIN_BID_PERIOD_SECONDS";
    /** A week, unless the service is started with {@value #MIN_BID_PERIOD_ENV} (deploy/network.sh's networks use 0). */
    public static final long DEFAULT_MIN_BID_PERIOD_SECONDS = 604_800L;
    /** Environment variable of the chaincode service: the smallest plot, in decimals, a subdivision, merger or adjustment may make. */
    public static final String MIN_PLOT_ENV = "DRUK_CHAINCODE_MIN_PLOT_DECIMALS";
    /** 10 decimals, the Land Act 2007's minimum plot that may be registered in a thram. */
    public static final long DEFAULT_MIN_PLOT_DECIMALS = 10L;
    /** Upper bound of {@value #MIN_PLOT_ENV}: 100 acres. */
    public static final long MAX_MIN_PLOT_DECIMALS = 10_000L;

    /** As the contract router creates it: the system clock, skew limit, notice and bid period floors and minimum plot from the environment. */
    public RegistryContract() {
        this(ClockSkewGuard.fromEnvironment(), Args.secondsSetting(MIN_NOTICE_ENV, System.getenv(MIN_NOTICE_ENV),
                DEFAULT_MIN_NOTICE_SECONDS, 0, Args.MAX_NOTICE_SECONDS), minimumBidPeriodSetting(System.getenv(MIN_BID_PERIOD_ENV)),
                minimumPlotSetting(System.getenv(MIN_PLOT_ENV)));
    }

    /**
     * @param minimumNoticeSeconds    this organisation's floor for {@code SetNoticePeriod}: citizens
     *                                must have time to object; every endorser checks its own, so a
     *                                shorter period needs every required organisation to allow it
     * @param minimumBidPeriodSeconds this organisation's floor of the minimum bid period: what
     *                                {@code SetMinBidPeriod} accepts at least, and the period itself
     *                                until it is set; every endorser holds tenders to its own
     */
    RegistryContract(ClockSkewGuard clock, long minimumNoticeSeconds, long minimumBidPeriodSeconds) {
        this(clock, minimumNoticeSeconds, minimumBidPeriodSeconds, DEFAULT_MIN_PLOT_DECIMALS);
    }

    /**
     * @param minimumPlotDecimals this organisation's minimum plot size in decimals: no subdivision,
     *                            merger or boundary adjustment it endorses makes a smaller parcel; like
     *                            the floors above each endorser holds its own, so a smaller minimum
     *                            needs every required organisation to allow it
     */
    RegistryContract(ClockSkewGuard clock, long minimumNoticeSeconds, long minimumBidPeriodSeconds, long minimumPlotDecimals) {
        this.clock = clock;
        this.minimumNoticeSeconds = minimumNoticeSeconds;
        this.minimumBidPeriodSeconds = minimumBidPeriodSeconds;
        this.minimumPlotDecimals = minimumPlotDecimals;
    }

    /** {@value #MIN_PLOT_ENV}: whole decimals from 0 to {@value #MAX_MIN_PLOT_DECIMALS}, 10 when unset; anything else stops the service. */
    static long minimumPlotSetting(String value) {
        return Args.wholeSetting(MIN_PLOT_ENV, value, DEFAULT_MIN_PLOT_DECIMALS, 0, MAX_MIN_PLOT_DECIMALS, "decimals");
    }

    /** {@value #MIN_BID_PERIOD_ENV}: whole seconds from 0 to a year, a week when unset; anything else stops the service. */
    static long minimumBidPeriodSetting(String value) {
        return Args.secondsSetting(MIN_BID_PERIOD_ENV, value, DEFAULT_MIN_BID_PERIOD_SECONDS, 0, Args.MAX_BID_PERIOD_SECONDS);
    }

    // ================================================================ land

    /**
     * First registration of a parcel in {@code dzongkhag} (which its record, of SHA-256 {@code hash},
     * names too) by a clerk of {@code office}, their certificate's, that serves it ({@link LandOffices}).
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "RegisterTitle")
    public String registerTitle(Context ctx, String key, String hash, String office, String dzongkhag) {
        Caller caller = writer(ctx, Register.LAND);
        Args.key(Kind.LAND_TITLE, "key", key);
        Args.hash("hash", hash);
        Args.office(office);
        Args.dzongkhag(dzongkhag);
        Ledger ledger = new Ledger(ctx.getStub());
        return json(new LandTitleRules(ledger).registerTitle(ledger.tx(caller), key, hash, office, dzongkhag));
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "LodgeTransfer")
    public String lodgeTransfer(Context ctx, String key, String version, String hash, String previousHash) {
        Caller caller = writer(ctx, Register.LAND);
        Update u = Update.parse(Kind.LAND_TITLE, key, version, hash, previousHash);
        Ledger ledger = new Ledger(ctx.getStub());
        return json(new LandTitleRules(ledger).lodgeTransfer(ledger.tx(caller), u));
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "ObjectToTransfer")
    public String objectToTransfer(Context ctx, String key, String version, String hash, String previousHash) {
        Caller caller = writer(ctx, Register.LAND);
        Update u = Update.parse(Kind.LAND_TITLE, key, version, hash, previousHash);
        Ledger ledger = new Ledger(ctx.getStub());
        return json(new LandTitleRules(ledger).objectToTransfer(ledger.tx(caller), u));
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "FinaliseTransfer")
    public String finaliseTransfer(Context ctx, String key, String version, String hash, String previousHash) {
        Caller caller = writer(ctx, Register.LAND);
        Update u = Update.parse(Kind.LAND_TITLE, key, version, hash, previousHash);
        Ledger ledger = new Ledger(ctx.getStub());
        return json(new LandTitleRules(ledger).finaliseTransfer(ledger.tx(caller), u));
    }

    /** A court-ordered change of owners, registered at once with the order's SHA-256 ({@link LandTitleRules#transferByCourtOrder}). */
    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "TransferByCourtOrder")
    public String transferByCourtOrder(Context ctx, String key, String version, String hash, String previousHash,
            String courtOrderSha256) {
        Caller caller = writer(ctx, Register.LAND);
        Update u = Update.parse(Kind.LAND_TITLE, key, version, hash, previousHash);
        Args.hash("courtOrderSha256", courtOrderSha256);
        Ledger ledger = new Ledger(ctx.getStub());
        return json(new LandTitleRules(ledger).transferByCourtOrder(ledger.tx(caller), u, courtOrderSha256));
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "RegisterMortgage")
    public String registerMortgage(Context ctx, String key, String version, String hash, String previousHash,
            String mortgageRef) {
        Caller caller = writer(ctx, Register.LAND);
        Update u = Update.parse(Kind.LAND_TITLE, key, version, hash, previousHash);
        String ref = Args.ref("mortgageRef", mortgageRef);
        Ledger ledger = new Ledger(ctx.getStub());
        return json(new LandTitleRules(ledger).registerMortgage(ledger.tx(caller), u, ref));
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "DischargeMortgage")
    public String dischargeMortgage(Context ctx, String key, String version, String hash, String previousHash,
            String mortgageRef) {
        Caller caller = writer(ctx, Register.LAND);
        Update u = Update.parse(Kind.LAND_TITLE, key, version, hash, previousHash);
        String ref = Args.ref("mortgageRef", mortgageRef);
        Ledger ledger = new Ledger(ctx.getStub());
        return json(new LandTitleRules(ledger).dischargeMortgage(ledger.tx(caller), u, ref));
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "LodgeCaveat")
    public String lodgeCaveat(Context ctx, String key, String version, String hash, String previousHash,
            String caveatRef) {
        Caller caller = writer(ctx, Register.LAND);
        Update u = Update.parse(Kind.LAND_TITLE, key, version, hash, previousHash);
        String ref = Args.ref("caveatRef", caveatRef);
        Ledger ledger = new Ledger(ctx.getStub());
        return json(new LandTitleRules(ledger).lodgeCaveat(ledger.tx(caller), u, ref));
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "ReleaseCaveat")
    public String releaseCaveat(Context ctx, String key, String version, String hash, String previousHash,
            String caveatRef) {
        Caller caller = writer(ctx, Register.LAND);
        Update u = Update.parse(Kind.LAND_TITLE, key, version, hash, previousHash);
        String ref = Args.ref("caveatRef", caveatRef);
        Ledger ledger = new Ledger(ctx.getStub());
        return json(new LandTitleRules(ledger).releaseCaveat(ledger.tx(caller), u, ref));
    }

    /**
     * First registration as {@code RegisterTitle}, with the parcel's facts on the ledger ({@code factsJson},
     * see {@link ParcelFacts}): {@code {"areaDecimals":"250","landType":"DRY_LAND","boundarySha256":null,"ownersDigest":"<hex>"}}.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "RegisterParcel")
    public String registerParcel(Context ctx, String key, String hash, String office, String dzongkhag, String factsJson) {
        Caller caller = writer(ctx, Register.LAND);
        Args.key(Kind.LAND_TITLE, "key", key);
        Args.hash("hash", hash);
        Args.office(office);
        Args.dzongkhag(dzongkhag);
        ParcelFacts facts = ParcelFacts.parse("factsJson", factsJson);
        Ledger ledger = new Ledger(ctx.getStub());
        return json(new LandTitleRules(ledger).registerParcel(ledger.tx(caller), key, hash, office, dzongkhag, facts));
    }

    /** A new version of a live title recording (or correcting) its parcel facts; the status stays. */
    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "RecordParcelFacts")
    public String recordParcelFacts(Context ctx, String key, String version, String hash, String previousHash, String factsJson) {
        Caller caller = writer(ctx, Register.LAND);
        Update u = Update.parse(Kind.LAND_TITLE, key, version, hash, previousHash);
        ParcelFacts facts = ParcelFacts.parse("factsJson", factsJson);
        Ledger ledger = new Ledger(ctx.getStub());
        return json(new LandTitleRules(ledger).recordParcelFacts(ledger.tx(caller), u, facts));
    }

    /**
     * Retires the parent (a new version of it, {@code retired}, {@code wentInto} the children) and
     * registers each child of {@code childrenJson} ({@link LineageArgs#children}) as version 1 with
     * {@code cameFrom} the parent. Returns a JSON array of the entries written, parent first.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "SubdivideParcel")
    public String subdivideParcel(Context ctx, String parentKey, String version, String hash, String previousHash,
            String childrenJson) {
        Caller caller = writer(ctx, Register.LAND);
        Update u = Update.parse(Kind.LAND_TITLE, parentKey, version, hash, previousHash);
        var children = LineageArgs.children(childrenJson);
        Ledger ledger = new Ledger(ctx.getStub());
        return json(lineage(ledger).subdivide(ledger.tx(caller), u, children));
    }

    /**
     * Retires every parent of {@code parentsJson} ({@link LineageArgs#parents}) into the one child of
     * {@code childJson}. Returns a JSON array of the entries written: the parents in order, then the child.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "MergeParcels")
    public String mergeParcels(Context ctx, String parentsJson, String childJson) {
        Caller caller = writer(ctx, Register.LAND);
        var parents = LineageArgs.parents(parentsJson);
        var child = LineageArgs.child(childJson);
        Ledger ledger = new Ledger(ctx.getStub());
        return json(lineage(ledger).merge(ledger.tx(caller), parents, child));
    }

    /**
     * Moves the boundary between two live parcels ({@code parcelsJson}, {@link LineageArgs#adjusted}):
     * a new version of each with its new facts. Returns a JSON array of the two entries.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "AdjustBoundary")
    public String adjustBoundary(Context ctx, String parcelsJson) {
        Caller caller = writer(ctx, Register.LAND);
        var parcels = LineageArgs.adjusted(parcelsJson);
        Ledger ledger = new Ledger(ctx.getStub());
        return json(lineage(ledger).adjustBoundary(ledger.tx(caller), parcels));
    }

    /** Sets the public notice period of land transfers, in seconds (an admin of the land register's MSP). Returns the seconds. */
    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "SetNoticePeriod")
    public String setNoticePeriod(Context ctx, String seconds) {
        Caller caller = policy.caller(ctx);
        policy.requireAdminOf(caller, Register.LAND);
        clock.requireCurrent(ctx.getStub().getTxTimestamp());
        long value = Args.noticeSeconds(seconds, minimumNoticeSeconds);
        Ledger ledger = new Ledger(ctx.getStub());
        ledger.setNoticePeriod(value, ledger.tx(caller));
        return Long.toString(value);
    }

    /** The notice period in seconds, as a decimal string (default 2592000 = 30 days). */
    @Transaction(intent = Transaction.TYPE.EVALUATE, name = "GetNoticePeriod")
    public String getNoticePeriod(Context ctx) {
        reader(ctx);
        return Long.toString(new Ledger(ctx.getStub()).noticePeriodSeconds());
    }

    /**
     * Sets the land offices and the dzongkhags each serves (an admin of the land register's MSP):
     * {@code officesJson} is {@code {"PARO":["Paro","Haa","Chhukha"],...}}, the whole table. Returns the table stored.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "SetLandOffices")
    public String setLandOffices(Context ctx, String officesJson) {
        Caller caller = policy.caller(ctx);
        policy.requireAdminOf(caller, Register.LAND);
        clock.requireCurrent(ctx.getStub().getTxTimestamp());
        LandOffices offices = LandOffices.parse(officesJson);
        Ledger ledger = new Ledger(ctx.getStub());
        ledger.setLandOffices(offices, ledger.tx(caller));
        return Json.string(offices.toMap());
    }

    /** The land offices and their dzongkhags in force: the setting, or the built-in {@link LandOffices#DEFAULT} until it is set. */
    @Transaction(intent = Transaction.TYPE.EVALUATE, name = "GetLandOffices")
    public String getLandOffices(Context ctx) {
        reader(ctx);
        return Json.string(new Ledger(ctx.getStub()).landOffices().toMap());
    }

    // ================================================================ procurement

    /**
     * Sets the minimum bid period, in seconds (an admin of the procurement register's MSP), from this
     * endorser's floor ({@value #MIN_BID_PERIOD_ENV}) to a year. Returns the seconds.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "SetMinBidPeriod")
    public String setMinBidPeriod(Context ctx, String seconds) {
        Caller caller = policy.caller(ctx);
        policy.requireAdminOf(caller, Register.PROCUREMENT);
        clock.requireCurrent(ctx.getStub().getTxTimestamp());
        long value = Args.bidPeriodSeconds(seconds, minimumBidPeriodSeconds);
        Ledger ledger = new Ledger(ctx.getStub());
        ledger.setMinBidPeriod(value, ledger.tx(caller));
        return Long.toString(value);
    }

    /** The minimum bid period in seconds, as a decimal string: the setting, or this endorser's floor until it is set. */
    @Transaction(intent = Transaction.TYPE.EVALUATE, name = "GetMinBidPeriod")
    public String getMinBidPeriod(Context ctx) {
        reader(ctx);
        return Long.toString(new Ledger(ctx.getStub()).minBidPeriodSeconds(minimumBidPeriodSeconds));
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "PublishTender")
    public String publishTender(Context ctx, String key, String hash, String office, String bidDeadline) {
        Caller caller = writer(ctx, Register.PROCUREMENT);
        Args.key(Kind.TENDER, "key", key);
        Args.hash("hash", hash);
        Args.office(office);
        var deadline = Args.deadline("bidDeadline", bidDeadline);
        Ledger ledger = new Ledger(ctx.getStub());
        return json(tenders(ledger).publishTender(ledger.tx(caller), key, hash, office, deadline));
    }

    /**
     * A tender whose bids are sealed to k-of-n opening key holders ({@code openingJson}, see
     * {@link Opening#parse}); otherwise as {@code PublishTender}.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "PublishSealedTender")
    public String publishSealedTender(Context ctx, String key, String hash, String office, String bidDeadline,
            String openingJson) {
        Caller caller = writer(ctx, Register.PROCUREMENT);
        Args.key(Kind.TENDER, "key", key);
        Args.hash("hash", hash);
        Args.office(office);
        var deadline = Args.deadline("bidDeadline", bidDeadline);
        Opening opening = Opening.parse(openingJson);
        Ledger ledger = new Ledger(ctx.getStub());
        return json(sealed(ledger).publishSealedTender(ledger.tx(caller), key, hash, office, deadline,
                opening));
    }

    /**
     * A bid sealed in the bidder's browser to the tender's opening key holders (format
     * {@code druk-sealed-bid/2}): its envelope hash, the supplier's commitment and the hash of each
     * holder's share.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "LodgeSealedBid")
    public String lodgeSealedBid(Context ctx, String bidKey, String tenderKey, String envelopeHash,
            String supplierCommitment, String shareHashesJson, String office) {
        Caller caller = bidWriter(ctx);
        Args.key(Kind.BID, "bidKey", bidKey);
        Args.key(Kind.TENDER, "tenderKey", tenderKey);
        Args.hash("envelopeHash", envelopeHash);
        Args.hash("supplierCommitment", supplierCommitment);
        List<String> shareHashes = Args.shareHashes(shareHashesJson);
        Args.office(office);
        Ledger ledger = new Ledger(ctx.getStub());
        return json(sealed(ledger).lodgeSealedBid(ledger.tx(caller), bidKey, tenderKey, envelopeHash,
                supplierCommitment, shareHashes, office));
    }

    /** A lodged sealed bid withdrawn before the deadline, so that its supplier may lodge another. */
    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "WithdrawBid")
    public String withdrawBid(Context ctx, String bidKey, String version, String hash, String previousHash) {
        Caller caller = bidWriter(ctx);
        Update u = Update.parse(Kind.BID, bidKey, version, hash, previousHash);
        Ledger ledger = new Ledger(ctx.getStub());
        return json(sealed(ledger).withdrawBid(ledger.tx(caller), u));
    }

    /**
     * An opening key holder's decrypted shares of every bid of a sealed tender, after its deadline.
     * Not a register write: any staff role (clerk, inspector, admin) of the holder's organisation
     * posts them, under the clock-skew guard of every write. Returns the stored share record.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "PostOpeningShares")
    public String postOpeningShares(Context ctx, String tenderKey, String holderIndex, String sharesJson) {
        Caller caller = policy.caller(ctx);
        policy.requireReader(caller); // and of the holder's organisation: checked against the tender
        clock.requireCurrent(CarryOver.ClaimedTimeContext.realTime(ctx));
        Args.key(Kind.TENDER, "tenderKey", tenderKey);
        int holder = Args.positiveInt("holderIndex", holderIndex);
        SortedMap<String, String> shares = Args.openingShares(sharesJson);
        Ledger ledger = new Ledger(ctx.getStub());
        return Json.string(sealed(ledger).postOpeningShares(ledger.tx(caller), tenderKey, holder, shares));
    }

    /**
     * What opening a lodged sealed bid found ({@code resultJson}, see {@link BidOpening#parse}), once k
     * of the tender's holders have posted their shares.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "OpenBid")
    public String openBid(Context ctx, String bidKey, String version, String hash, String previousHash,
            String resultJson) {
        Caller caller = writer(ctx, Register.PROCUREMENT);
        Update u = Update.parse(Kind.BID, bidKey, version, hash, previousHash);
        BidOpening result = BidOpening.parse(resultJson);
        Ledger ledger = new Ledger(ctx.getStub());
        return json(sealed(ledger).openBid(ledger.tx(caller), u, result));
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "OpenBids")
    public String openBids(Context ctx, String key, String version, String hash, String previousHash) {
        Caller caller = writer(ctx, Register.PROCUREMENT);
        Update u = Update.parse(Kind.TENDER, key, version, hash, previousHash);
        Ledger ledger = new Ledger(ctx.getStub());
        return json(tenders(ledger).openBids(ledger.tx(caller), u));
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "AwardTender")
    public String awardTender(Context ctx, String key, String version, String hash, String previousHash,
            String bidKey) {
        Caller caller = writer(ctx, Register.PROCUREMENT);
        Update u = Update.parse(Kind.TENDER, key, version, hash, previousHash);
        Args.key(Kind.BID, "bidKey", bidKey);
        Ledger ledger = new Ledger(ctx.getStub());
        return json(tenders(ledger).awardTender(ledger.tx(caller), u, bidKey));
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "CancelTender")
    public String cancelTender(Context ctx, String key, String version, String hash, String previousHash,
            String reason) {
        Caller caller = writer(ctx, Register.PROCUREMENT);
        Update u = Update.parse(Kind.TENDER, key, version, hash, previousHash);
        String r = Args.reason(reason);
        Ledger ledger = new Ledger(ctx.getStub());
        return json(tenders(ledger).cancelTender(ledger.tx(caller), u, r));
    }

    /** Moves the bid deadline (later or earlier) while the tender is open; the tender stays active.tendering. */
    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "AmendTender")
    public String amendTender(Context ctx, String key, String version, String hash, String previousHash,
            String bidDeadline) {
        Caller caller = writer(ctx, Register.PROCUREMENT);
        Update u = Update.parse(Kind.TENDER, key, version, hash, previousHash);
        var deadline = Args.deadline("bidDeadline", bidDeadline);
        Ledger ledger = new Ledger(ctx.getStub());
        return json(tenders(ledger).amendTender(ledger.tx(caller), u, deadline));
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "CompleteTender")
    public String completeTender(Context ctx, String key, String version, String hash, String previousHash) {
        Caller caller = writer(ctx, Register.PROCUREMENT);
        Update u = Update.parse(Kind.TENDER, key, version, hash, previousHash);
        Ledger ledger = new Ledger(ctx.getStub());
        return json(tenders(ledger).completeTender(ledger.tx(caller), u));
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "TenderUnsuccessful")
    public String tenderUnsuccessful(Context ctx, String key, String version, String hash, String previousHash,
            String reason) {
        Caller caller = writer(ctx, Register.PROCUREMENT);
        Update u = Update.parse(Kind.TENDER, key, version, hash, previousHash);
        String r = Args.reason(reason);
        Ledger ledger = new Ledger(ctx.getStub());
        return json(tenders(ledger).tenderUnsuccessful(ledger.tx(caller), u, r));
    }

    // ================================================================ notary

    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "RegisterNotarisation")
    public String registerNotarisation(Context ctx, String key, String hash, String documentHash, String office) {
        Caller caller = writer(ctx, Register.NOTARY);
        Args.key(Kind.NOTARISATION, "key", key);
        Args.hash("hash", hash);
        Args.hash("documentHash", documentHash);
        Args.office(office);
        Ledger ledger = new Ledger(ctx.getStub());
        return json(new NotarisationRules(ledger).registerNotarisation(ledger.tx(caller), key, hash, documentHash,
                office));
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "RevokeNotarisation")
    public String revokeNotarisation(Context ctx, String key, String version, String hash, String previousHash,
            String reason) {
        Caller caller = writer(ctx, Register.NOTARY);
        Update u = Update.parse(Kind.NOTARISATION, key, version, hash, previousHash);
        String r = Args.reason(reason);
        Ledger ledger = new Ledger(ctx.getStub());
        return json(new NotarisationRules(ledger).revokeNotarisation(ledger.tx(caller), u, r));
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "SupersedeNotarisation")
    public String supersedeNotarisation(Context ctx, String key, String version, String hash, String previousHash,
            String supersededByKey, String reason) {
        Caller caller = writer(ctx, Register.NOTARY);
        Update u = Update.parse(Kind.NOTARISATION, key, version, hash, previousHash);
        Args.key(Kind.NOTARISATION, "supersededByKey", supersededByKey);
        String r = Args.reason(reason);
        Ledger ledger = new Ledger(ctx.getStub());
        return json(new NotarisationRules(ledger).supersedeNotarisation(ledger.tx(caller), u, supersededByKey, r));
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "AnchorBatch")
    public String anchorBatch(Context ctx, String key, String merkleRoot, String leafCount, String office) {
        Caller caller = writer(ctx, Register.NOTARY);
        Args.key(Kind.ANCHOR, "key", key);
        Args.hash("merkleRoot", merkleRoot);
        int leaves = Args.positiveInt("leafCount", leafCount);
        Args.office(office);
        Ledger ledger = new Ledger(ctx.getStub());
        return json(new NotarisationRules(ledger).anchorBatch(ledger.tx(caller), key, merkleRoot, leaves, office));
    }

    // ================================================================ moving to a new ledger

    /**
     * Writes a version an earlier ledger committed: {@code function} with {@code argumentsJson} (a JSON
     * array of its string arguments) through that function's own rule at {@code originalTxTime}, marked
     * as carried over from {@code fromLedger} (that ledger's genesis block hash), transaction
     * {@code originalTxId}. See {@link CarryOver} for what keeps it from back-dating this ledger's own records.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "CarryOver")
    public String carryOver(Context ctx, String function, String argumentsJson, String fromLedger, String originalTxId,
            String originalTxTime) {
        policy.requireCarrier(policy.caller(ctx), function); // the carried function checks the writer's own rights
        clock.requireCurrent(ctx.getStub().getTxTimestamp());
        return new CarryOver(ctx.getStub()).carry(this, function, argumentsJson, fromLedger, originalTxId, originalTxTime);
    }

    // ================================================================ reads (evaluate)

    @Transaction(intent = Transaction.TYPE.EVALUATE, name = "GetRecord")
    public String getRecord(Context ctx, String key) {
        reader(ctx);
        Args.anyKey(key);
        return json(new Ledger(ctx.getStub()).get(key));
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE, name = "GetHistory")
    public String getHistory(Context ctx, String key) {
        reader(ctx);
        Args.anyKey(key);
        Ledger ledger = new Ledger(ctx.getStub());
        List<Object> history = ledger.history(key);
        if (history.isEmpty() && ledger.find(key).isEmpty()) {
            throw ErrorCode.NOT_FOUND.error("%s does not exist", Ledger.describe(key));
        }
        return Json.string(history);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE, name = "FindByHash")
    public String findByHash(Context ctx, String hash) {
        reader(ctx);
        Args.hash("hash", hash);
        List<Object> out = new ArrayList<>();
        for (HashRef ref : new Ledger(ctx.getStub()).findByHash(hash)) {
            out.add(ref.toMap());
        }
        return Json.string(out);
    }

    /** The opening shares posted for a sealed tender, in holder order: a JSON array of share records. */
    @Transaction(intent = Transaction.TYPE.EVALUATE, name = "GetOpeningShares")
    public String getOpeningShares(Context ctx, String tenderKey) {
        reader(ctx);
        Args.key(Kind.TENDER, "tenderKey", tenderKey);
        return Json.string(sealed(new Ledger(ctx.getStub())).openingShares(tenderKey));
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE, name = "ListRecords")
    public String listRecords(Context ctx, String kind, String pageSize, String bookmark) {
        reader(ctx);
        Kind k = Args.kind(kind);
        int size = Args.pageSize(pageSize);
        String mark = Args.bookmark(bookmark);
        return Json.string(new Ledger(ctx.getStub()).list(k, size, mark));
    }

    // ================================================================

    /** Every write: access, then the proposal's timestamp against this process's clock. */
    private Caller writer(Context ctx, Register register) {
        Caller caller = policy.caller(ctx);
        policy.requireWriter(caller, register);
        clock.requireCurrent(CarryOver.ClaimedTimeContext.realTime(ctx));
        return caller;
    }

    /** {@code LodgeSealedBid} and {@code WithdrawBid}: a procurement clerk or the bid box, then the clock. */
    private Caller bidWriter(Context ctx) {
        Caller caller = policy.caller(ctx);
        policy.requireBidWriter(caller);
        clock.requireCurrent(CarryOver.ClaimedTimeContext.realTime(ctx));
        return caller;
    }

    private ParcelLineageRules lineage(Ledger ledger) {
        return new ParcelLineageRules(ledger, minimumPlotDecimals);
    }

    private TenderRules tenders(Ledger ledger) {
        return new TenderRules(ledger, minimumBidPeriodSeconds);
    }

    private SealedOpeningRules sealed(Ledger ledger) {
        return new SealedOpeningRules(ledger, minimumBidPeriodSeconds);
    }

    private void reader(Context ctx) {
        policy.requireReader(policy.caller(ctx));
    }

    private static String json(LedgerEntry entry) {
        return new String(entry.toJson(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The entries a transaction wrote as a JSON array, each exactly the bytes stored. */
    private static String json(List<LedgerEntry> entries) {
        List<String> each = new ArrayList<>();
        entries.forEach(e -> each.add(json(e)));
        return "[" + String.join(",", each) + "]";
    }
}
