package bt.druk.registry.application.land;

import bt.druk.registry.application.record.RecordPipeline;
import bt.druk.registry.application.record.RecordQueryService;
import bt.druk.registry.application.record.SubmissionAck;
import bt.druk.registry.application.reference.Dzongkhag;
import bt.druk.registry.application.reference.ReferenceDataService;
import bt.druk.registry.domain.land.Boundary;
import bt.druk.registry.domain.land.FamilyCeiling;
import bt.druk.registry.domain.land.LandTitle;
import bt.druk.registry.domain.land.LandTitleJson;
import bt.druk.registry.domain.land.LandValidation;
import bt.druk.registry.domain.land.OfficeDzongkhags;
import bt.druk.registry.domain.land.Owner;
import bt.druk.registry.domain.land.Parcel;
import bt.druk.registry.domain.land.TitleOperation;
import bt.druk.registry.domain.land.TitleStatus;
import bt.druk.registry.domain.record.LedgerCall;
import bt.druk.registry.domain.record.LedgerImprint;
import bt.druk.registry.domain.record.RecordKey;
import bt.druk.registry.domain.record.RecordVersion;
import bt.druk.registry.domain.record.VersionDraft;
import bt.druk.registry.domain.shared.AccessDeniedException;
import bt.druk.registry.domain.shared.ConcurrentUpdateException;
import bt.druk.registry.domain.shared.FieldError;
import bt.druk.registry.domain.shared.RecordNotFoundException;
import bt.druk.registry.domain.shared.Register;
import bt.druk.registry.domain.shared.Role;
import bt.druk.registry.domain.shared.StaffMember;
import bt.druk.registry.domain.shared.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Clerk operations on land titles. Every successful call stores a new record version and its
 * ledger submission in one database transaction and returns "saved — awaiting ledger".
 *
 * <p>Every method throws:
 * <ul>
 * <li>{@link ValidationException} — bad input or a domain rule (record-level rules use field {@code ""},
 *     e.g. "A transfer cannot be lodged while a mortgage is open"); nothing saved;</li>
 * <li>{@link AccessDeniedException} — actor is not a land clerk with an office;</li>
 * <li>{@link RecordNotFoundException} — no title with that PIN (not for first registration);</li>
 * <li>{@link ConcurrentUpdateException} — expectedVersion is not the latest version.</li>
 * </ul>
 */
@ApplicationScoped
public class LandTitleService {

    private RecordPipeline pipeline;
    private ReferenceDataService referenceData;
    private RecordQueryService queries;
    private LandTitleReader reader;
    private Clock clock;
    private Duration noticePeriod;
    private OfficeDzongkhags offices;
    private LandBoundaryPolicy boundaryPolicy;
    private LiveBoundaries liveBoundaries;
    private FamilyHoldings families;

    protected LandTitleService() {
    }

    /**
     * @param offices        which land office first registers the parcels of which dzongkhags ({@code druk.land.officeDzongkhags})
     * @param boundaryPolicy the area and overlap tolerances of a boundary ({@code druk.land.areaTolerancePercent},
     *                       {@code druk.land.sliverSquareMetres})
     * @param liveBoundaries the registered parcels' boundaries a new one must not overlap
     * @param families       the Land Act 2007's family ceiling ({@code druk.land.familyCeilingAcres}) and the
     *                       household numbers typed with owners
     */
    @Inject
    public LandTitleService(RecordPipeline pipeline, ReferenceDataService referenceData, RecordQueryService queries,
                            LandTitleReader reader, Clock clock,
                            LandTransferPolicy transfers,
                            OfficeDzongkhags offices,
                            LandBoundaryPolicy boundaryPolicy,
                            LiveBoundaries liveBoundaries,
                            FamilyHoldings families) {
        this.families = families;
        this.boundaryPolicy = boundaryPolicy;
        this.liveBoundaries = liveBoundaries;
        this.offices = offices;
        this.pipeline = pipeline;
        this.referenceData = referenceData;
        this.queries = queries;
        this.reader = reader;
        this.clock = clock;
        this.noticePeriod = transfers.noticePeriod();
    }

    /** The dzongkhags whose parcels {@code actor}'s land office first registers, as the form offers them. */
    public List<String> dzongkhagsServedBy(StaffMember actor) {
        return referenceData.dzongkhags().stream().map(Dzongkhag::name).filter(name -> offices.serves(actor.office(), name)).toList();
    }

    @Transactional
    public SubmissionAck registerFirstTitle(StaffMember actor, FirstRegistrationCommand command) {
        actor.requireClerkOf(Register.LAND);
        if (command.boundary() != null && !command.boundary().isBlank()) {
            liveBoundaries.lockForChange();
        }
        CheckedFirstRegistration checked = validFirstRegistration(actor, command);
        if (pipeline.lockCurrent(LandTitle.recordKeyOf(checked.parcel().pin())).isPresent()) {
            throw alreadyRegistered();
        }
        families.requireWithinCeiling(LandTitle.recordKeyOf(checked.parcel().pin()), checked.parcel().areaAcres(), checked.owners(),
                checked.households(), "owners");
        families.record(actor, checked.owners(), checked.households());
        LandTitle title = LandTitle.registerFirst(checked.parcel(), checked.owners(), actorOf(actor), checked.areaReason());
        // RegisterTitle(key, hash, office, dzongkhag): the ledger takes the office from the clerk's
        // certificate and checks its own table; the dzongkhag is the one the hashed record names.
        return pipeline.append(draft(actor, title, 0, LedgerCall.Factory.standard(TitleOperation.FIRST_REGISTRATION.chaincodeFunction(),
                actor.office(), checked.parcel().dzongkhag())));
    }

    /**
     * The checks {@link #registerFirstTitle} makes, without writing anything: what the form would refuse
     * (field errors with the same codes and messages, the family ceiling's among them), with a PIN
     * already registered as {@code pin.registered}. Used by the bulk import to report every row before it registers any.
     *
     * @return the problems, empty when the registration would be accepted now
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<FieldError> checkFirstRegistration(StaffMember actor, FirstRegistrationCommand command) {
        actor.requireClerkOf(Register.LAND);
        try {
            CheckedFirstRegistration checked = validFirstRegistration(actor, command);
            if (pipeline.current(LandTitle.recordKeyOf(checked.parcel().pin())).isPresent()) {
                return alreadyRegistered().errors();
            }
            return families.refusals(LandTitle.recordKeyOf(checked.parcel().pin()), checked.parcel().areaAcres(), checked.owners(),
                    checked.households(), "owners");
        } catch (ValidationException e) {
            return e.errors();
        }
    }

    /** Whether a title with this PIN (as typed) is registered. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isRegistered(String pin) {
        String normalised = LandValidation.normalisePin(pin);
        return normalised != null && !normalised.isEmpty() && pipeline.current(LandTitle.recordKeyOf(normalised)).isPresent();
    }

    /** The error code of a first registration refused because the PIN has a title already. */
    public static final String PIN_REGISTERED = "pin.registered";

    private static ValidationException alreadyRegistered() {
        return ValidationException.of("pin", PIN_REGISTERED, "A title with this PIN is already registered");
    }

    /** @param households the household numbers typed with the owners, normalised, null where none */
    private record CheckedFirstRegistration(Parcel parcel, List<Owner> owners, List<String> households, String areaReason) {
    }

    /** The longest {@code areaReason} kept (it goes into the title's public document). */
    public static final int MAX_AREA_REASON_CHARS = 500;
    /** The error code of a boundary whose area differs from the recorded one by more than the tolerance, without a reason. */
    public static final String AREA_MISMATCH = "boundary.area-mismatch";
    /** The error code of a boundary that overlaps registered parcels by more than the sliver tolerance. */
    public static final String BOUNDARY_OVERLAP = "boundary.overlap";

    /** The command's parcel and owners, if well-formed and in a dzongkhag {@code actor}'s office serves. */
    private CheckedFirstRegistration validFirstRegistration(StaffMember actor, FirstRegistrationCommand command) {
        ValidationException.Collector errors = new ValidationException.Collector();
        String pin = LandValidation.normalisePin(command.pin());
        LandValidation.checkPin(errors, "pin", pin);
        String thram = LandValidation.normaliseThram(command.thramNo());
        LandValidation.checkThram(errors, "thramNo", thram);
        String dzongkhag = trim(command.dzongkhag());
        String gewog = trim(command.gewog());
        if (dzongkhag == null) {
            errors.add("dzongkhag", "required", "Choose the dzongkhag");
        } else if (referenceData.dzongkhag(dzongkhag).isEmpty()) {
            errors.add("dzongkhag", "dzongkhag.unknown", "Unknown dzongkhag");
        } else if (!offices.serves(actor.office(), dzongkhag)) {
            errors.add(OfficeDzongkhags.notServed(actor.office(), dzongkhag));
        }
        if (gewog == null) {
            errors.add("gewog", "required", "Choose the gewog");
        } else if (dzongkhag != null && referenceData.dzongkhag(dzongkhag).isPresent() && !referenceData.isKnown(dzongkhag, gewog)) {
            errors.add("gewog", "gewog.unknown", "This gewog is not in " + dzongkhag + " dzongkhag");
        }
        BigDecimal area = LandValidation.checkArea(errors, "areaAcres", command.areaAcres());
        if (command.landType() == null) {
            errors.add("landType", "required", "Choose the land type");
        }
        List<Owner> owners = LandValidation.parseOwners(errors, "owners", toText(command.owners()));
        List<String> households = LandValidation.parseHouseholds(errors, "owners", householdsTyped(command.owners()));
        String areaReason = trim(command.areaReason());
        Boundary boundary = checkBoundary(errors, pin, area, command.boundary(), areaReason);
        errors.throwIfAny();
        return new CheckedFirstRegistration(new Parcel(pin, thram, dzongkhag, gewog, area, command.landType(), boundary),
                owners, households, boundary == null ? null : areaReason);
    }

    /**
     * The command's boundary, if any and if well-formed ({@link Boundary}'s checks, field
     * {@code boundary…}), enclosing the recorded area within the tolerance unless a reason is given
     * (field {@code areaReason}), and overlapping no registered parcel by more than the sliver
     * tolerance (field {@code boundary}, the PINs named in the message and as arguments).
     */
    private Boundary checkBoundary(ValidationException.Collector errors, String pin, BigDecimal area, String text, String areaReason) {
        if (areaReason != null && areaReason.length() > MAX_AREA_REASON_CHARS) {
            errors.add("areaReason", "areaReason.too-long", "Give the reason in at most " + MAX_AREA_REASON_CHARS + " characters");
        }
        if (text == null || text.isBlank()) {
            if (areaReason != null) {
                errors.add("areaReason", "areaReason.without-boundary",
                        "A reason for an area difference is given only with a surveyed boundary");
            }
            return null;
        }
        Boundary boundary = Boundary.parseGeoJson(errors, "boundary", null, text);
        if (boundary == null) {
            return null;
        }
        if (area != null) {
            Boundary.AreaComparison comparison = boundary.compareArea(area, boundaryPolicy.areaTolerancePercent());
            if (comparison.reasonRequired() && areaReason == null) {
                errors.add(new FieldError("areaReason", AREA_MISMATCH, "The boundary encloses " + comparison.surveyedAcres().toPlainString()
                        + " acres, " + comparison.differencePercent().toPlainString() + " % from the recorded " + area.toPlainString()
                        + " acres (at most " + comparison.tolerancePercent().stripTrailingZeros().toPlainString()
                        + " % passes without a reason); correct the area or the boundary, or give areaReason",
                        List.of(comparison.surveyedAcres().toPlainString(), comparison.differencePercent().toPlainString())));
            }
        }
        List<BoundaryOverlaps.Overlap> overlaps = liveBoundaries.overlapping(boundary, boundaryPolicy.sliverSquareMetres(), pin);
        if (!overlaps.isEmpty()) {
            String named = overlaps.stream().map(o -> o.pin() + " (" + BigDecimal.valueOf(o.squareMetres())
                    .setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + " m²)").collect(java.util.stream.Collectors.joining(", "));
            errors.add(new FieldError("boundary", BOUNDARY_OVERLAP, "The boundary overlaps registered parcel"
                    + (overlaps.size() == 1 ? " " : "s ") + named + "; an overlap of up to "
                    + BigDecimal.valueOf(boundaryPolicy.sliverSquareMetres()).stripTrailingZeros().toPlainString()
                    + " m² is taken as survey noise", overlaps.stream().map(BoundaryOverlaps.Overlap::pin).toList()));
        }
        return boundary;
    }

    @Transactional
    public SubmissionAck lodgeTransfer(StaffMember actor, LodgeTransferCommand command) {
        actor.requireClerkOf(Register.LAND);
        ValidationException.Collector errors = new ValidationException.Collector();
        if (command.transferType() == null) {
            errors.add("transferType", "required", "Choose the kind of transfer");
        }
        List<Owner> newOwners = LandValidation.parseOwners(errors, "newOwners", toText(command.newOwners()));
        List<String> households = LandValidation.parseHouseholds(errors, "newOwners", householdsTyped(command.newOwners()));
        errors.throwIfAny();
        return change(actor, command.pin(), command.expectedVersion(), TitleOperation.TRANSFER_LODGED, title -> {
            LandTitle lodged = title.lodgeTransfer(command.transferType(), newOwners, noticePeriod, actorOf(actor));
            // Checked now, so the buyer hears it before the notice period, and again at finalisation.
            families.requireWithinCeiling(lodged.recordKey(), lodged.parcel().areaAcres(), lodged.pendingTransfer().newOwners(),
                    households, "newOwners");
            families.record(actor, lodged.pendingTransfer().newOwners(), households);
            return lodged;
        });
    }

    /**
     * A court-ordered transfer: the new owners at once, no notice period, the order's SHA-256 on the
     * ledger ({@code TransferByCourtOrder}).
     */
    @Transactional
    public SubmissionAck transferByCourtOrder(StaffMember actor, CourtOrderTransferCommand command) {
        actor.requireClerkOf(Register.LAND);
        ValidationException.Collector errors = new ValidationException.Collector();
        List<Owner> newOwners = LandValidation.parseOwners(errors, "newOwners", toText(command.newOwners()));
        List<String> households = LandValidation.parseHouseholds(errors, "newOwners", householdsTyped(command.newOwners()));
        errors.throwIfAny();
        String sha = LandTitle.normaliseSha256(command.courtOrderSha256());
        List<FamilyCeiling.Excess> over = new ArrayList<>();
        SubmissionAck ack = change(actor, command.pin(), command.expectedVersion(), TitleOperation.COURT_ORDER_TRANSFER, title -> {
            LandTitle ordered = title.transferByCourtOrder(newOwners, command.court(), command.caseNumber(), sha, actorOf(actor));
            over.addAll(families.excesses(ordered.recordKey(), ordered.parcel().areaAcres(), ordered.owners(), households));
            families.record(actor, ordered.owners(), households);
            return ordered;
        }, sha);
        // The court's order outranks the ceiling: registered, and flagged for the registrar (docs/family-ceiling.md).
        families.flag(actor, ack.recordKey(), ack.version(), over, "court order " + command.caseNumber().trim());
        return ack;
    }

    @Transactional
    public SubmissionAck objectToTransfer(StaffMember actor, ObjectToTransferCommand command) {
        actor.requireClerkOf(Register.LAND);
        return change(actor, command.pin(), command.expectedVersion(), TitleOperation.TRANSFER_OBJECTED,
                title -> title.objectToTransfer(command.objectorName(), command.reason(), actorOf(actor)));
    }

    @Transactional
    public SubmissionAck finaliseTransfer(StaffMember actor, FinaliseTransferCommand command) {
        actor.requireClerkOf(Register.LAND);
        return change(actor, command.pin(), command.expectedVersion(), TitleOperation.TRANSFER_FINALISED, title -> {
            LandTitle finalised = title.finaliseTransfer(actorOf(actor));
            // Again: since the lodging the family may have been given other land, or the census moved someone in.
            families.requireWithinCeiling(finalised.recordKey(), finalised.parcel().areaAcres(), finalised.owners(), List.of(),
                    "newOwners");
            return finalised;
        });
    }

    @Transactional
    public SubmissionAck registerMortgage(StaffMember actor, RegisterMortgageCommand command) {
        actor.requireClerkOf(Register.LAND);
        return change(actor, command.pin(), command.expectedVersion(), TitleOperation.MORTGAGE_REGISTERED,
                title -> title.registerMortgage(command.mortgageRef(), command.lender(), actorOf(actor)),
                trim(command.mortgageRef()));
    }

    @Transactional
    public SubmissionAck dischargeMortgage(StaffMember actor, DischargeMortgageCommand command) {
        actor.requireClerkOf(Register.LAND);
        return change(actor, command.pin(), command.expectedVersion(), TitleOperation.MORTGAGE_DISCHARGED,
                title -> title.dischargeMortgage(command.mortgageRef(), actorOf(actor)),
                trim(command.mortgageRef()));
    }

    @Transactional
    public SubmissionAck lodgeCaveat(StaffMember actor, LodgeCaveatCommand command) {
        actor.requireClerkOf(Register.LAND);
        return change(actor, command.pin(), command.expectedVersion(), TitleOperation.CAVEAT_LODGED,
                title -> title.lodgeCaveat(command.caveatRef(), command.reason(), actorOf(actor)),
                trim(command.caveatRef()));
    }

    @Transactional
    public SubmissionAck releaseCaveat(StaffMember actor, ReleaseCaveatCommand command) {
        actor.requireClerkOf(Register.LAND);
        return change(actor, command.pin(), command.expectedVersion(), TitleOperation.CAVEAT_RELEASED,
                title -> title.releaseCaveat(command.caveatRef(), actorOf(actor)),
                trim(command.caveatRef()));
    }

    /**
     * Full title (names, CIDs) for staff of any role. Empty if unknown PIN.
     *
     * @throws AccessDeniedException if actor is a clerk of another register
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<LandTitleStaffView> findForStaff(StaffMember actor, String pin) {
        if (actor.role() == Role.CLERK && actor.register() != Register.LAND) {
            throw new AccessDeniedException(actor.username() + " is not a clerk of the land register");
        }
        String normalised = LandValidation.normalisePin(pin);
        if (normalised == null || normalised.isEmpty()) {
            return Optional.empty();
        }
        String key = LandTitle.recordKeyOf(normalised);
        return pipeline.current(key).map(v -> new LandTitleStaffView(key,
                reader.read(v.canonicalJson()), v.version(), v.hash(), v.ledgerState(),
                v.canonicalJson(), queries.versions(key)));
    }

    /**
     * The families of the title's current owners that hold more than the Land Act 2007's ceiling now
     * (after a court's verdict, or land held before the Act), as warnings at {@code owners[i].household}
     * or {@code owners[i].cid}; empty for an unknown PIN or a retired title.
     *
     * @throws AccessDeniedException if actor is a clerk of another register
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<FieldError> familyCeilingWarnings(StaffMember actor, String pin) {
        return findForStaff(actor, pin).map(LandTitleStaffView::title)
                .filter(title -> title.status() != TitleStatus.RETIRED)
                .map(title -> families.aboveCeiling(title.owners())).orElse(List.of());
    }

    /**
     * The household numbers recorded for these CIDs (the title's owners, on the staff page), by CID;
     * personal data, for staff only.
     *
     * @throws AccessDeniedException if actor is a clerk of another register
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, String> recordedHouseholds(StaffMember actor, List<String> cids) {
        if (actor.role() == Role.CLERK && actor.register() != Register.LAND) {
            throw new AccessDeniedException(actor.username() + " is not a clerk of the land register");
        }
        return families.householdsOf(cids);
    }

    // ---- helpers ----

    private SubmissionAck change(StaffMember actor, String rawPin, Integer expectedVersion, TitleOperation operation,
                                 UnaryOperator<LandTitle> apply, String... extraArgs) {
        String pin = LandValidation.normalisePin(rawPin);
        ValidationException.Collector errors = new ValidationException.Collector();
        LandValidation.checkPin(errors, "pin", pin);
        errors.throwIfAny();
        RecordVersion current = TitleLocks.lock(pipeline, actor, pin, expectedVersion, "change");
        LandTitle before = reader.read(current.canonicalJson());
        LandTitle after = apply.apply(before);
        return pipeline.append(draft(actor, after, current.version(),
                LedgerCall.Factory.standard(operation.chaincodeFunction(), extraArgs)));
    }

    private static VersionDraft draft(StaffMember actor, LandTitle title, int baseVersion, LedgerCall.Factory call) {
        return new VersionDraft(RecordKey.parse(title.recordKey()), Register.LAND, baseVersion,
                title.event().operation().name(), LandTitleJson.toJson(title), title.parties(), LedgerImprint.DOCUMENT,
                call, actor.username(), actor.office());
    }

    private LandTitle.Actor actorOf(StaffMember actor) {
        // The public document names a role, not the clerk (the version row and the ledger identity do).
        return new LandTitle.Actor(actor.publicRole(), actor.office(), LandTitleJson.truncate(clock.instant()));
    }

    private static List<LandValidation.OwnerText> toText(List<OwnerInput> owners) {
        return owners == null ? null : owners.stream()
                .map(o -> o == null ? new LandValidation.OwnerText(null, null, null) : new LandValidation.OwnerText(o.name(), o.cid(), o.share()))
                .toList();
    }

    private static List<String> householdsTyped(List<OwnerInput> owners) {
        return owners == null ? null : owners.stream().map(o -> o == null ? null : o.household()).toList();
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
