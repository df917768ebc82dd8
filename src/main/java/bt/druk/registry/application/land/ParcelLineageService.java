package bt.druk.registry.application.land;

import static bt.druk.registry.domain.shared.JsonProviders.JSON;

import bt.druk.registry.application.record.RecordPipeline;
import bt.druk.registry.application.record.SubmissionAck;
import bt.druk.registry.application.reference.ReferenceDataService;
import bt.druk.registry.domain.land.Boundary;
import bt.druk.registry.domain.land.LandTitle;
import bt.druk.registry.domain.land.LandTitleJson;
import bt.druk.registry.domain.land.LandType;
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
 * Subdivision, merger and boundary adjustment of land parcels (issue 30). A subdivision: the portal's checks (the Land Act's minimum plot,
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
    /** The ledger functions that clear the owners digest (the owners changed). */
    private static final Set<String> OWNERS_CHANGED = Set.of(TitleOperation.TRANSFER_FINALISED.chaincodeFunction(),
            TitleOperation.COURT_ORDER_TRANSFER.chaincodeFunction());

    /** The error code of an adjustment whose two boundaries do not meet along a border. */
    public static final String NOT_ADJOINING = "boundary.not-adjoining";
    /** The shortest border two parcels share to count as neighbours: more than a corner, less than any real plot's side. */
    static final double MINIMUM_SHARED_BORDER_METRES = 1;

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
        liveBoundaries.lockForChange();
        RecordVersion current = TitleLocks.lock(pipeline, actor, pin, command.expectedVersion(), "subdivide");
        LandTitle parent = reader.read(current.canonicalJson());
        // What stops any subdivision of this parcel first, before what the clerk typed for the children.
        parent.requireSubdividable();
        List<Parcel> childParcels = checkedChildren(parent, command.children());
        LandTitle.Actor by = new LandTitle.Actor(actor.publicRole(), actor.office(), LandTitleJson.truncate(clock.instant()));
        LandTitle.Subdivision subdivision = parent.subdivide(childParcels, subdivisionPolicy.minimumPlotAcres(), by);

        String ownersDigest = OwnersDigest.of(secrets.secret(OwnersDigest.KEY_NAME), parent.owners());
        int base = recordFactsIfMissing(actor, parent, current.version(), ownersDigest, by);
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

    /**
     * Merges parcels of the same owners into one: each parent's retiring version and the merged
     * parcel's first version saved in one database transaction and written by one {@code MergeParcels} call.
     *
     * @return the merged parcel's acknowledgement first, then each parent's in the command's order
     * @throws ValidationException       a rule is broken (fields {@code parents…}, {@code child.…}, or {@code ""})
     * @throws AccessDeniedException     not a land clerk of the office that keeps every parent
     * @throws RecordNotFoundException   a parent PIN has no title
     * @throws ConcurrentUpdateException a parent is no longer at its expected version
     */
    @Transactional
    public List<SubmissionAck> merge(StaffMember actor, MergeCommand command) {
        actor.requireClerkOf(Register.LAND);
        List<MergeCommand.Parent> given = command.parents() == null ? List.of() : command.parents();
        ValidationException.Collector errors = new ValidationException.Collector();
        List<String> pins = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String pin = given.get(i) == null ? null : LandValidation.normalisePin(given.get(i).pin());
            LandValidation.checkPin(errors, "parents[" + i + "].pin", pin);
            pins.add(pin);
        }
        if (command.child() == null) {
            errors.add("child", "required", "Describe the merged parcel");
        }
        errors.throwIfAny();
        liveBoundaries.lockForChange();
        // Locked in PIN order, whatever the command's order: two mergers of the same parcels never wait for each other.
        Map<String, RecordVersion> locked = new HashMap<>();
        for (int i : inPinOrder(pins)) {
            locked.putIfAbsent(pins.get(i), TitleLocks.lock(pipeline, actor, pins.get(i), given.get(i).expectedVersion(), "merge"));
        }
        List<LandTitle> parents = new ArrayList<>();
        List<RecordVersion> currents = new ArrayList<>();
        for (String pin : pins) {
            RecordVersion current = locked.get(pin);
            currents.add(current);
            parents.add(reader.read(current.canonicalJson()));
        }
        // Wetland stays wetland: a merged parcel with any wetland in it is wetland unless the clerk says otherwise (and is refused).
        LandType defaultType = parents.stream().anyMatch(p -> p.parcel().landType() == LandType.WETLAND) ? LandType.WETLAND
                : parents.get(0).parcel().landType();
        Parcel child = checkedChild(parents.get(0).parcel(), defaultType, command.child(), Set.copyOf(pins));
        LandTitle.Actor by = new LandTitle.Actor(actor.publicRole(), actor.office(), LandTitleJson.truncate(clock.instant()));
        LandTitle.Merger merger = LandTitle.merge(parents, child, by);

        String ownersDigest = OwnersDigest.of(secrets.secret(OwnersDigest.KEY_NAME), parents.get(0).owners());
        List<VersionDraft> drafts = new ArrayList<>();
        drafts.add(draft(actor, merger.child(), 0, VersionDraft.WRITTEN_TOGETHER));
        for (int i = 0; i < parents.size(); i++) {
            int base = recordFactsIfMissing(actor, parents.get(i), currents.get(i).version(), ownersDigest, by);
            drafts.add(draft(actor, merger.parents().get(i), base, VersionDraft.WRITTEN_TOGETHER));
        }
        List<String> mortgages = merger.child().mortgages().stream().map(Mortgage::ref).toList();
        // The merged parcel's ack first for the caller; the ledger call names the parents first, as MergeParcels takes them.
        List<SubmissionAck> acks = pipeline.appendTogether(drafts, written -> {
            JsonArrayBuilder parentsJson = JSON.createArrayBuilder();
            for (RecordPipeline.Written parent : written.subList(1, written.size())) {
                parentsJson.add(JSON.createObjectBuilder().add("key", parent.recordKey()).add("version", parent.version())
                        .add("hash", parent.ledgerHash()).add("previousHash", parent.previousHash()));
            }
            RecordPipeline.Written made = written.get(0);
            return LedgerCall.of(TitleOperation.MERGER.chaincodeFunction(), parentsJson.build().toString(), JSON.createObjectBuilder()
                    .add("key", made.recordKey()).add("hash", made.ledgerHash())
                    .add("openMortgages", JSON.createArrayBuilder(mortgages))
                    .add("facts", ParcelFacts.of(merger.child().parcel(), ownersDigest).toJson()).build().toString());
        });
        return acks;
    }

    /**
     * Moves the boundary between two parcels: each one's next version (new area and boundary, the
     * same owners, PIN and mortgages) saved in one database transaction and written by one
     * {@code AdjustBoundary} call, after {@code RecordParcelFacts} versions where the ledger lacks a
     * parcel's facts.
     *
     * @return the parcel's acknowledgement first, then the neighbour's
     * @throws ValidationException       a rule is broken (fields {@code pin}, {@code areaAcres}, {@code boundary},
     *                                   {@code neighbour.…}, or {@code ""})
     * @throws AccessDeniedException     not a land clerk of the office that keeps both titles
     * @throws RecordNotFoundException   a PIN has no title
     * @throws ConcurrentUpdateException a title is no longer at its expected version
     */
    @Transactional
    public List<SubmissionAck> adjustBoundary(StaffMember actor, AdjustBoundaryCommand command) {
        actor.requireClerkOf(Register.LAND);
        List<AdjustBoundaryCommand.Side> sides = new ArrayList<>();
        sides.add(command.parcel());
        sides.add(command.neighbour());
        List<String> prefixes = List.of("", "neighbour.");
        ValidationException.Collector errors = new ValidationException.Collector();
        List<String> pins = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            if (sides.get(i) == null) {
                errors.add(prefixes.get(i) + "pin", "required", "Name the parcel");
                pins.add(null);
                continue;
            }
            String pin = LandValidation.normalisePin(sides.get(i).pin());
            LandValidation.checkPin(errors, prefixes.get(i) + "pin", pin);
            pins.add(pin);
        }
        errors.throwIfAny();
        if (pins.get(0).equals(pins.get(1))) {
            throw ValidationException.of("neighbour.pin", "pin.duplicate", "Name the neighbouring parcel, not this one");
        }
        liveBoundaries.lockForChange();
        Map<String, RecordVersion> locked = new HashMap<>();
        for (int i : inPinOrder(pins)) {
            locked.put(pins.get(i), TitleLocks.lock(pipeline, actor, pins.get(i), sides.get(i).expectedVersion(), "adjust the boundary of"));
        }
        List<LandTitle> titles = pins.stream().map(pin -> reader.read(locked.get(pin).canonicalJson())).toList();
        // What stops any adjustment of these parcels first, before the areas and boundaries typed.
        LandTitle.Actor by = new LandTitle.Actor(actor.publicRole(), actor.office(), LandTitleJson.truncate(clock.instant()));
        List<Parcel> after = checkedAdjustment(titles, sides, prefixes);
        LandTitle.BoundaryAdjustment adjustment = LandTitle.adjustBoundary(titles.get(0), after.get(0), titles.get(1), after.get(1),
                subdivisionPolicy.minimumPlotAcres(), by);

        List<LandTitle> adjusted = List.of(adjustment.one(), adjustment.other());
        List<String> digests = new ArrayList<>();
        List<VersionDraft> drafts = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String digest = OwnersDigest.of(secrets.secret(OwnersDigest.KEY_NAME), titles.get(i).owners());
            digests.add(digest);
            int base = recordFactsIfMissing(actor, titles.get(i), locked.get(pins.get(i)).version(), digest, by);
            drafts.add(draft(actor, adjusted.get(i), base, VersionDraft.WRITTEN_TOGETHER));
        }
        return pipeline.appendTogether(drafts, written -> {
            JsonArrayBuilder parcels = JSON.createArrayBuilder();
            for (int i = 0; i < 2; i++) {
                RecordPipeline.Written w = written.get(i);
                parcels.add(JSON.createObjectBuilder().add("key", w.recordKey()).add("version", w.version())
                        .add("hash", w.ledgerHash()).add("previousHash", w.previousHash())
                        .add("facts", ParcelFacts.of(adjusted.get(i).parcel(), digests.get(i)).toJson()));
            }
            return LedgerCall.of(TitleOperation.BOUNDARY_ADJUSTMENT.chaincodeFunction(), parcels.build().toString());
        });
    }

    /**
     * The two parcels after the adjustment: the areas well-formed, each boundary given, valid, enclosing
     * its area within the tolerance and overlapping no live parcel but the two, nor each other.
     */
    private List<Parcel> checkedAdjustment(List<LandTitle> titles, List<AdjustBoundaryCommand.Side> sides, List<String> prefixes) {
        titles.forEach(t -> t.requireDealable("adjusted"));
        ValidationException.Collector errors = new ValidationException.Collector();
        Set<String> pins = titles.stream().map(t -> t.parcel().pin()).collect(Collectors.toSet());
        List<Parcel> after = new ArrayList<>();
        Map<String, Boundary> drawn = new HashMap<>();
        for (int i = 0; i < 2; i++) {
            Parcel was = titles.get(i).parcel();
            String prefix = prefixes.get(i);
            BigDecimal area = LandValidation.checkArea(errors, prefix + "areaAcres", sides.get(i).areaAcres());
            String text = sides.get(i).boundary();
            Boundary boundary = null;
            if (text == null || text.isBlank()) {
                errors.add(prefix + "boundary", "required", "Give the parcel's surveyed boundary after the adjustment");
            } else {
                boundary = Boundary.parseGeoJson(errors, prefix + "boundary", null, text);
            }
            if (boundary != null) {
                checkArea(errors, prefix + "boundary", boundary, area);
                checkOverlaps(errors, prefix + "boundary", boundary, was.pin(), pins, drawn);
                drawn.put(was.pin(), boundary);
            }
            after.add(area == null ? null : was.withBoundary(boundary).withArea(area));
        }
        List<Boundary> both = List.copyOf(drawn.values());
        if (both.size() == 2 && !both.get(0).sharesBorderWith(both.get(1), MINIMUM_SHARED_BORDER_METRES)) {
            errors.add("neighbour.boundary", NOT_ADJOINING, "The two boundaries share no border (at least "
                    + (int) MINIMUM_SHARED_BORDER_METRES + " m, in one CRS): a boundary is adjusted between neighbours");
        }
        errors.throwIfAny();
        return after;
    }

    /** The indexes of {@code pins} in PIN order: titles are locked in one order, so two changes of the same ones never deadlock. */
    private static List<Integer> inPinOrder(List<String> pins) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < pins.size(); i++) {
            order.add(i);
        }
        order.sort(java.util.Comparator.comparing(pins::get));
        return order;
    }

    /** The merged parcel in the first parent's dzongkhag, well-formed, new, and overlapping no live parcel but its parents. */
    private Parcel checkedChild(Parcel first, LandType defaultType, SubdivideCommand.Child child, Set<String> parentPins) {
        ValidationException.Collector errors = new ValidationException.Collector();
        String pin = LandValidation.normalisePin(child.pin());
        LandValidation.checkPin(errors, "child.pin", pin);
        if (pin != null && !pin.isEmpty() && !parentPins.contains(pin) && pipeline.current(LandTitle.recordKeyOf(pin)).isPresent()) {
            errors.add("child.pin", LandTitleService.PIN_REGISTERED, "A title with PIN " + pin + " is already registered");
        }
        String thram = child.thramNo() == null || child.thramNo().isBlank() ? first.thramNo() : LandValidation.normaliseThram(child.thramNo());
        LandValidation.checkThram(errors, "child.thramNo", thram);
        String gewog = child.gewog() == null || child.gewog().isBlank() ? first.gewog() : child.gewog().trim();
        if (!referenceData.isKnown(first.dzongkhag(), gewog)) {
            errors.add("child.gewog", "gewog.unknown", "This gewog is not in " + first.dzongkhag() + " dzongkhag");
        }
        BigDecimal area = LandValidation.checkArea(errors, "child.areaAcres", child.areaAcres());
        Boundary boundary = null;
        if (child.boundary() != null && !child.boundary().isBlank()) {
            boundary = Boundary.parseGeoJson(errors, "child.boundary", null, child.boundary());
            if (boundary != null) {
                checkArea(errors, "child.boundary", boundary, area);
                checkOverlaps(errors, "child.boundary", boundary, pin, parentPins, Map.of());
            }
        }
        errors.throwIfAny();
        return new Parcel(pin, thram, first.dzongkhag(), gewog, area, child.landType() == null ? defaultType : child.landType(),
                boundary);
    }

    /**
     * Appends a {@code RecordParcelFacts} version of the title where its ledger entry lacks the facts
     * with the current owners' digest; returns the version the next write builds on.
     */
    private int recordFactsIfMissing(StaffMember actor, LandTitle title, int version, String ownersDigest, LandTitle.Actor by) {
        if (factsOnLedger(title.recordKey())) {
            return version;
        }
        pipeline.append(draft(actor, title.recordParcelFacts(by), version, LedgerCall.Factory.standard(
                TitleOperation.PARCEL_FACTS_RECORDED.chaincodeFunction(), ParcelFacts.of(title.parcel(), ownersDigest).toJson().toString())));
        return version + 1;
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
            if (OWNERS_CHANGED.contains(v.chaincodeFunction())) {
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
                if (boundary != null) {
                    checkArea(errors, field + ".boundary", boundary, area);
                    checkOverlaps(errors, field + ".boundary", boundary, p.pin(), Set.of(p.pin()), boundaries);
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

    /**
     * No live parcel but those {@code exempt} (the parcels being replaced or moved), and none of the
     * boundaries {@code drawn} earlier in the same change, covered by more than the sliver tolerance.
     *
     * @param ownPin the PIN the boundary is for, never reported against itself
     */
    private void checkOverlaps(ValidationException.Collector errors, String field, Boundary boundary, String ownPin,
                               Set<String> exempt, Map<String, Boundary> drawn) {
        double sliver = boundaryPolicy.sliverSquareMetres();
        List<BoundaryOverlaps.Overlap> overlaps = new ArrayList<>(liveBoundaries.overlapping(boundary, sliver, ownPin).stream()
                .filter(o -> !exempt.contains(o.pin())).toList());
        Map<String, Boundary> sameCrs = drawn.entrySet().stream().filter(e -> e.getValue().crs() == boundary.crs())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        if (!sameCrs.isEmpty()) {
            overlaps.addAll(BoundaryOverlaps.of(boundary.crs(), sameCrs).overlapping(boundary, sliver));
        }
        reportOverlaps(errors, field, overlaps);
    }

    private static void reportOverlaps(ValidationException.Collector errors, String field, List<BoundaryOverlaps.Overlap> overlaps) {
        if (!overlaps.isEmpty()) {
            errors.add(new FieldError(field, CHILD_OVERLAP, "The boundary overlaps parcel" + (overlaps.size() == 1 ? " " : "s ")
                    + overlaps.stream().map(o -> o.pin() + " (" + BigDecimal.valueOf(o.squareMetres()).setScale(2, RoundingMode.HALF_UP)
                    .toPlainString() + " m²)").collect(Collectors.joining(", ")),
                    overlaps.stream().map(BoundaryOverlaps.Overlap::pin).toList()));
        }
    }

    /** A boundary enclosing the area given for its parcel within the area tolerance. */
    private void checkArea(ValidationException.Collector errors, String field, Boundary boundary, BigDecimal area) {
        if (area == null) {
            return;
        }
        Boundary.AreaComparison comparison = boundary.compareArea(area, boundaryPolicy.areaTolerancePercent());
        if (comparison.reasonRequired()) {
            errors.add(new FieldError(field, LandTitleService.AREA_MISMATCH, "The boundary encloses "
                    + comparison.surveyedAcres().toPlainString() + " acres, " + comparison.differencePercent().toPlainString()
                    + " % from the " + area.toPlainString() + " acres given for this parcel (at most "
                    + comparison.tolerancePercent().stripTrailingZeros().toPlainString() + " %)",
                    List.of(comparison.surveyedAcres().toPlainString(), comparison.differencePercent().toPlainString())));
        }
    }

    private static VersionDraft draft(StaffMember actor, LandTitle title, int baseVersion, LedgerCall.Factory call) {
        return new VersionDraft(RecordKey.parse(title.recordKey()), Register.LAND, baseVersion,
                title.event().operation().name(), LandTitleJson.toJson(title), title.parties(), LedgerImprint.DOCUMENT,
                call, actor.username(), actor.office());
    }
}
