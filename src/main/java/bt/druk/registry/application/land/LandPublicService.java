package bt.druk.registry.application.land;

import bt.druk.registry.application.record.LedgerVerification;
import bt.druk.registry.application.record.RecordPipeline;
import bt.druk.registry.application.record.RecordQueryService;
import bt.druk.registry.application.record.VerificationService;
import bt.druk.registry.domain.land.LandParcel;
import bt.druk.registry.domain.land.LandParcelRepository;
import bt.druk.registry.domain.land.LandTitle;
import bt.druk.registry.domain.land.LandValidation;
import bt.druk.registry.domain.land.Owner;
import bt.druk.registry.domain.land.PendingTransfer;
import bt.druk.registry.domain.record.CanonicalJson;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.domain.record.RecordRepository;
import bt.druk.registry.domain.shared.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Citizen (anonymous) queries on land titles. Never returns CIDs or full owner names. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class LandPublicService {

    static final int SEARCH_LIMIT = 200;

    private LandParcelRepository parcels;
    private RecordRepository records;
    private RecordPipeline pipeline;
    private RecordQueryService queries;
    private VerificationService verification;
    private LandTitleReader reader;

    protected LandPublicService() {
    }

    @Inject
    public LandPublicService(LandParcelRepository parcels, RecordRepository records, RecordPipeline pipeline,
                             RecordQueryService queries, VerificationService verification, LandTitleReader reader) {
        this.parcels = parcels;
        this.records = records;
        this.pipeline = pipeline;
        this.queries = queries;
        this.verification = verification;
        this.reader = reader;
    }

    /**
     * @throws ValidationException field "" when all criteria are blank
     */
    public List<ParcelSummary> search(ParcelSearch criteria) {
        String pin = blankToNull(LandValidation.normalisePin(criteria.pin()));
        String thram = blankToNull(LandValidation.normaliseThram(criteria.thramNo()));
        String dzongkhag = blankToNull(criteria.dzongkhag());
        String gewog = blankToNull(criteria.gewog());
        if (pin == null && thram == null && dzongkhag == null && gewog == null) {
            throw ValidationException.of("", "search.empty", "Enter a PIN, a thram number or a dzongkhag/gewog");
        }
        List<ParcelSummary> result = new ArrayList<>();
        for (LandParcel p : parcels.search(pin, thram, dzongkhag, gewog, SEARCH_LIMIT)) {
            LedgerState state = records.findVersion(p.currentVersionId()).map(v -> v.ledgerState()).orElse(null);
            result.add(new ParcelSummary(p.pin(), p.recordKey(), p.thramNo(), p.dzongkhag(), p.gewog(), p.areaAcres(),
                    p.landType(), p.status(), p.currentVersion(), state));
        }
        return result;
    }

    public Optional<PublicTitleView> publicView(String pin) {
        String normalised = blankToNull(LandValidation.normalisePin(pin));
        if (normalised == null) {
            return Optional.empty();
        }
        String key = LandTitle.recordKeyOf(normalised);
        return pipeline.current(key).map(v -> {
            LandTitle title = reader.read(v.canonicalJson());
            List<PublicEncumbrance> encumbrances = new ArrayList<>();
            title.mortgages().forEach(m -> encumbrances.add(
                    new PublicEncumbrance(PublicEncumbrance.Kind.MORTGAGE, m.ref(), m.lender(), m.registeredAt())));
            title.caveats().forEach(c -> encumbrances.add(
                    new PublicEncumbrance(PublicEncumbrance.Kind.CAVEAT, c.ref(), null, c.lodgedAt())));
            PendingTransfer t = title.pendingTransfer();
            PublicPendingTransfer pending = t == null ? null
                    : new PublicPendingTransfer(t.transferType(), t.lodgedAt(), t.noticeEndsAt(), mask(t.newOwners()));
            return new PublicTitleView(title.parcel().pin(), key, title.parcel().thramNo(), title.parcel().dzongkhag(),
                    title.parcel().gewog(), title.parcel().areaAcres(), title.parcel().landType(), title.status(),
                    v.version(), v.hash(), v.ledgerState(), mask(title.owners()), encumbrances, pending, queries.versions(key),
                    title.lineage(), title.event().details().get(LandTitle.ADJUSTED_WITH), title.courtOrder());
        });
    }

    /** Re-reads the ledger for this title and compares every version's hash. */
    public LedgerVerification verifyOnLedger(String pin) {
        String normalised = blankToNull(LandValidation.normalisePin(pin));
        return verification.verifyOnLedger(normalised == null ? "land-title:" : LandTitle.recordKeyOf(normalised));
    }

    /** Record key used on the ledger for a PIN, e.g. {@code land-title:TH-1234}. */
    public static String recordKeyOf(String pin) {
        return LandTitle.recordKeyOf(pin.trim().toUpperCase(Locale.ROOT));
    }

    private static List<PublicOwner> mask(List<Owner> owners) {
        return owners.stream().map(o -> new PublicOwner(NameMasking.mask(o.name()), o.share().toString())).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
