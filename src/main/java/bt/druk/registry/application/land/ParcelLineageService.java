package bt.druk.registry.application.land;

import static bt.druk.registry.domain.shared.JsonProviders.JSON;

import bt.druk.registry.application.record.RecordPipeline;
import bt.druk.registry.application.record.SubmissionAck;
import bt.druk.registry.application.reference.ReferenceDataService;
import bt.druk.registry.domain.land.Boundary;
import bt.druk.registry.domain.land.LandTitle;
import bt.druk.registry.domain.land.LandTitleJson;
import bt.druk.registry.domain.land.LandValidation;
import bt.druk.registry.domain.land.Mortgage;
import bt.druk.registry.domain.land.OwnersDigest;
import bt.druk.registry.domain.land.Parcel;
import bt.druk.registry.domain.land.ParcelFacts;
import bt.druk.registry.domain.land.TitleOperation;
import bt.druk.registry.domain.record.LedgerCall;
import bt.druk.registry.domain.record.LedgerImprint;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.domain.record.RecordKey;
import bt.druk.registry.domain.record.RecordRepository;
import bt.druk.registry.domain.record.RecordVersion;
import bt.druk.registry.domain.record.VersionDraft;
import bt.druk.registry.domain.shared.AccessDeniedException;
import bt.druk.registry.domain.shared.ConcurrentUpdateException;
import bt.druk.registry.domain.shared.FieldError;
import bt.druk.registry.domain.shared.PortalSecrets;
import bt.druk.registry.domain.shared.RecordNotFoundException;
import bt.druk.registry.domain.shared.Register;
import bt.druk.registry.domain.shared.StaffMember;
import bt.druk.registry.domain.shared.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Subdivision of a land parcel (issue 30): the portal's checks (the Land Act's minimum plot,
 * wetland, areas adding up, boundaries overlapping no live parcel nor each other), then one ledger
 * transaction, {@code SubdivideParcel}, that retires the parent and creates the children, checked
 * again by every endorsing organisation (docs/parcel-lineage.md). Where the ledger does not yet
 * know the parent's facts (titles first registered with {@code RegisterTitle}, or owners changed by
 * a transfer since), a {@code RecordParcelFacts} version goes first, in the same database transaction.
 */
@ApplicationScoped
public class ParcelLineageService {

    /** Ledger functions after which the title's entry holds its parcel facts with the current owners' digest. */
    private static final Set<String> FACTS_WRITTEN = Set.of("RegisterParcel", "RecordParcelFacts", "AdjustBoundary",
            "SubdivideParcel", "MergeParcels");
    /** The ledger function that clears the owners digest (the owners changed). */
    private static final String OWNERS_CHANGED = TitleOperation.TRANSFER_FINALISED.chaincodeFunction();

    /** The error code of a child whose boundary overlaps a live parcel or another child. */
    public static final String CHILD_OVERLAP = "boundary.overlap";

    private RecordPipeline pipeline;
    private RecordRepository records;
    private LandTitleReader reader;
    private ReferenceDataService referenceData;
    private LiveBoundaries liveBoundaries;
    private LandBoundaryPolicy boundaryPolicy;
    private SubdivisionPolicy subdivisionPolicy;
    private PortalSecrets secrets;
    private Clock clock;

    protected ParcelLineageService() {
    }

    @Inject
    public ParcelLineageService(RecordPipeline pipeline, RecordRepository records, LandTitleReader reader,
                                ReferenceDataService referenceData, LiveBoundaries liveBoundaries,
                                LandBoundaryPolicy boundaryPolicy, SubdivisionPolicy subdivisionPolicy,
                                PortalSecrets secrets, Clock clock) {
        this.pipeline = pipeline;
        this.records = records;
        this.reader = reader;
        this.referenceData = referenceData;
        this.liveBoundaries = liveBoundaries;
        this.boundaryPolicy = boundaryPolicy;
        this.subdivisionPolicy = subdivisionPolicy;
        this.secrets = secrets;
        this.clock = clock;
    }

    /**
     * Divides a parcel: every version saved (and acknowledged) in one database transaction, the
     * parent's retiring version and the children's first versions written to the ledger by one call.
     *
     * @return the parent's acknowledgement first, then each child's in the command's order
     * @throws ValidationException       a child or the parent breaks a rule (field {@code children[i].…}, or {@code ""})
     * @throws AccessDeniedException     not a land clerk of the office that keeps the title
     * @throws RecordNotFoundException   no title with that PIN
     * @throws ConcurrentUpdateException the title is no longer at {@code expectedVersion}
     */
    @Transactional
    public List<SubmissionAck> subdivide(StaffMember actor, SubdivideCommand command) {
        actor.requireClerkOf(Register.LAND);
        String pin = LandValidation.normalisePin(command.pin());
        ValidationException.Collector pinErrors = new ValidationException.Collector();
        LandValidation.checkPin(pinErrors, "pin", pin);
        pinErrors.throwIfAny();
        String key = LandTitle.recordKeyOf(pin);
        RecordVersion current = pipeline.lockCurrent(key)
                .orElseThrow(() -> new RecordNotFoundException("No land title with PIN " + pin));
        if (current.office() != null && !current.office().equals(actor.office())) {
            throw new AccessDeniedException("Title " + pin + " is kept by another land office; only its clerks can subdivide it");
        }
        if (command.expectedVersion() != null && command.expectedVersion() != current.version()) {
            throw new ConcurrentUpdateException("Title " + pin + " is now at version " + current.version()
                    + " (you were looking at version " + command.expectedVersion() + "); reload and try again");
        }
        LandTitle parent = reader.read(current.canonicalJson());
        List<Parcel> childParcels = checkedChildren(parent, command.children());
        LandTitle.Actor by = new LandTitle.Actor(actor.publicRole(), actor.office(), LandTitleJson.truncate(clock.instant()));
        LandTitle.Subdivision subdivision = parent.subdivide(childParcels, subdivisionPolicy.minimumPlotAcres(), by);

        String ownersDigest = OwnersDigest.of(secrets.secret(OwnersDigest.KEY_NAME), parent.owners());
        int base = current.version();
        if (!factsOnLedger(key)) {
            LandTitle withFacts = parent.recordParcelFacts(by);
            pipeline.append(draft(actor, withFacts, base, LedgerCall.Factory.standard(
                    TitleOperation.PARCEL_FACTS_RECORDED.chaincodeFunction(),
                    ParcelFacts.of(parent.parcel(), ownersDigest).toJson().toString())));
            base++;
        }
        List<VersionDraft> drafts = new ArrayList<>();
        drafts.add(draft(actor, subdivision.parent(), base, VersionDraft.WRITTEN_TOGETHER));
        subdivision.children().forEach(child -> drafts.add(draft(actor, child, 0, VersionDraft.WRITTEN_TOGETHER)));
        List<String> mortgages = parent.mortgages().stream().map(Mortgage::ref).toList();
        return pipeline.appendTogether(drafts, written -> {
            // SubdivideParcel(parentKey, version, hash, previousHash, childrenJson)
            RecordPipeline.Written own = written.get(0);
            JsonArrayBuilder children = JSON.createArrayBuilder();
            for (int i = 0; i < subdivision.children().size(); i++) {
                RecordPipeline.Written child = written.get(i + 1);
                children.add(JSON.createObjectBuilder()
                        .add("key", child.recordKey())
                        .add("hash", child.ledgerHash())
                        .add("openMortgages", JSON.createArrayBuilder(mortgages))
                        .add("facts", ParcelFacts.of(subdivision.children().get(i).parcel(), ownersDigest).toJson()));
            }
            return LedgerCall.of(TitleOperation.SUBDIVISION.chaincodeFunction(), own.recordKey(), Integer.toString(own.version()),
                    own.ledgerHash(), own.previousHash(), children.build().toString());
        });
    }

    /** Whether the title's ledger entry holds its facts with the current owners' digest, as the chaincode requires. */
    private boolean factsOnLedger(String key) {
        List<RecordVersion> versions = new ArrayList<>(records.versionsOf(key));
        for (int i = versions.size() - 1; i >= 0; i--) {
            RecordVersion v = versions.get(i);
            if (v.ledgerState() == LedgerState.REJECTED) {
                continue;
            }
            if (FACTS_WRITTEN.contains(v.chaincodeFunction())) {
                return true;
            }
            if (OWNERS_CHANGED.equals(v.chaincodeFunction())) {
                return false;
            }
        }
        return false;
    }

    /** The children as parcels in the parent's dzongkhag, each well-formed, new, and overlapping nothing live. */
    private List<Parcel> checkedChildren(LandTitle parent, List<SubdivideCommand.Child> input) {
        ValidationException.Collector errors = new ValidationException.Collector();
        List<SubdivideCommand.Child> children = input == null ? List.of() : input;
        Parcel p = parent.parcel();
        List<Parcel> parcels = new ArrayList<>();
        Map<String, Boundary> boundaries = new HashMap<>();
        for (int i = 0; i < children.size(); i++) {
            SubdivideCommand.Child child = children.get(i);
            String field = "children[" + i + "]";
            if (child == null) {
                errors.add(field, "required", "Describe the new parcel");
                continue;
            }
            String pin = LandValidation.normalisePin(child.pin());
            LandValidation.checkPin(errors, field + ".pin", pin);
            if (pin != null && !pin.isEmpty() && pipeline.current(LandTitle.recordKeyOf(pin)).isPresent()) {
                errors.add(field + ".pin", LandTitleService.PIN_REGISTERED, "A title with PIN " + pin + " is already registered");
            }
            String thram = child.thramNo() == null || child.thramNo().isBlank() ? p.thramNo() : LandValidation.normaliseThram(child.thramNo());
            LandValidation.checkThram(errors, field + ".thramNo", thram);
            String gewog = child.gewog() == null || child.gewog().isBlank() ? p.gewog() : child.gewog().trim();
            if (!referenceData.isKnown(p.dzongkhag(), gewog)) {
                errors.add(field + ".gewog", "gewog.unknown", "This gewog is not in " + p.dzongkhag() + " dzongkhag");
            }
            BigDecimal area = LandValidation.checkArea(errors, field + ".areaAcres", child.areaAcres());
            Boundary boundary = null;
            if (child.boundary() != null && !child.boundary().isBlank()) {
                boundary = Boundary.parseGeoJson(errors, field + ".boundary", null, child.boundary());
                if (boundary != null && area != null) {
                    Boundary.AreaComparison comparison = boundary.compareArea(area, boundaryPolicy.areaTolerancePercent());
                    if (comparison.reasonRequired()) {
                        errors.add(new FieldError(field + ".boundary", LandTitleService.AREA_MISMATCH, "The boundary encloses "
                                + comparison.surveyedAcres().toPlainString() + " acres, " + comparison.differencePercent().toPlainString()
                                + " % from the " + area.toPlainString() + " acres given for this parcel (at most "
                                + comparison.tolerancePercent().stripTrailingZeros().toPlainString() + " %)",
                                List.of(comparison.surveyedAcres().toPlainString(), comparison.differencePercent().toPlainString())));
                    }
                }
                if (boundary != null) {
                    checkOverlaps(errors, field + ".boundary", boundary, p.pin(), boundaries);
                    if (pin != null) {
                        boundaries.put(pin, boundary);
                    }
                }
            }
            if (pin != null && area != null) {
                parcels.add(new Parcel(pin, thram == null ? p.thramNo() : thram, p.dzongkhag(), gewog, area,
                        child.landType() == null ? p.landType() : child.landType(), boundary));
            }
        }
        errors.throwIfAny();
        return parcels;
    }

    /** No live parcel but the parent, and no earlier child, covered by more than the sliver tolerance. */
    private void checkOverlaps(ValidationException.Collector errors, String field, Boundary boundary, String parentPin,
                               Map<String, Boundary> siblings) {
        double sliver = boundaryPolicy.sliverSquareMetres();
        List<BoundaryOverlaps.Overlap> overlaps = new ArrayList<>(liveBoundaries.overlapping(boundary, sliver, parentPin));
        Map<String, Boundary> sameCrs = siblings.entrySet().stream().filter(e -> e.getValue().crs() == boundary.crs())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        if (!sameCrs.isEmpty()) {
            overlaps.addAll(BoundaryOverlaps.of(boundary.crs(), sameCrs).overlapping(boundary, sliver));
        }
        if (!overlaps.isEmpty()) {
            errors.add(new FieldError(field, CHILD_OVERLAP, "The boundary overlaps parcel" + (overlaps.size() == 1 ? " " : "s ")
                    + overlaps.stream().map(o -> o.pin() + " (" + BigDecimal.valueOf(o.squareMetres()).setScale(2, RoundingMode.HALF_UP)
                    .toPlainString() + " m²)").collect(Collectors.joining(", ")),
                    overlaps.stream().map(BoundaryOverlaps.Overlap::pin).toList()));
        }
    }

    private static VersionDraft draft(StaffMember actor, LandTitle title, int baseVersion, LedgerCall.Factory call) {
        return new VersionDraft(RecordKey.parse(title.recordKey()), Register.LAND, baseVersion,
                title.event().operation().name(), LandTitleJson.toJson(title), title.parties(), LedgerImprint.DOCUMENT,
                call, actor.username(), actor.office());
    }
}
