package bt.druk.registry.domain.land;

import bt.druk.registry.domain.record.Party;
import bt.druk.registry.domain.shared.FieldError;
import bt.druk.registry.domain.shared.PlainText;
import bt.druk.registry.domain.shared.PublicText;
import bt.druk.registry.domain.shared.RecordKind;
import bt.druk.registry.domain.shared.ValidationException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One version of a land title: the parcel, its owners, open encumbrances, a pending transfer and
 * the event that produced this version. Immutable: each operation returns the next version's state
 * or throws {@link ValidationException} when a rule forbids it (the same rules the chaincode enforces,
 * checked before anything is saved).
 *
 * <p>Record-level rule violations use the field name {@code ""}.
 */
public record LandTitle(
        Parcel parcel,
        List<Owner> owners,
        List<Mortgage> mortgages,
        List<Caveat> caveats,
        PendingTransfer pendingTransfer,
        TitleStatus status,
        TitleEvent event,
        Lineage lineage) {

    public static final String KIND = RecordKind.LAND_TITLE.code();

    public LandTitle {
        Objects.requireNonNull(parcel, "parcel");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(lineage, "lineage");
        owners = List.copyOf(owners);
        mortgages = List.copyOf(mortgages);
        caveats = List.copyOf(caveats);
    }

    /** A title with no lineage: every title not made by or retired in a subdivision. */
    public LandTitle(Parcel parcel, List<Owner> owners, List<Mortgage> mortgages, List<Caveat> caveats,
                     PendingTransfer pendingTransfer, TitleStatus status, TitleEvent event) {
        this(parcel, owners, mortgages, caveats, pendingTransfer, status, event, Lineage.NONE);
    }

    /**
     * Who does an operation, where and when.
     *
     * @param recordedAs how the record's public document names who did it: a role such as
     *                   {@code land clerk} ({@code StaffMember.publicRole()}), never a user name
     */
    public record Actor(String recordedAs, String office, Instant now) {
        public Actor {
            Objects.requireNonNull(recordedAs, "recordedAs");
            Objects.requireNonNull(office, "office");
            Objects.requireNonNull(now, "now");
        }
    }

    public String recordKey() {
        return recordKeyOf(parcel.pin());
    }

    public static String recordKeyOf(String pin) {
        return KIND + ":" + pin;
    }

    public boolean hasOpenEncumbrance() {
        return !mortgages.isEmpty() || !caveats.isEmpty();
    }

    /** A transfer may be lodged: a live title, no open mortgage or caveat and no transfer already pending. */
    public boolean canLodgeTransfer() {
        return status != TitleStatus.RETIRED && pendingTransfer == null && !hasOpenEncumbrance();
    }

    /** Everyone this version names (owners, incoming owners, event parties): their data stays off the hashed record. */
    public List<Party> parties() {
        List<Party> parties = new ArrayList<>();
        owners.forEach(o -> parties.add(o.party()));
        if (pendingTransfer != null) {
            pendingTransfer.newOwners().forEach(o -> parties.add(o.party()));
        }
        parties.addAll(event.parties().values());
        return parties;
    }

    // ---- operations ----

    public static LandTitle registerFirst(Parcel parcel, List<Owner> owners, Actor actor) {
        return registerFirst(parcel, owners, actor, null);
    }

    /**
     * @param areaReason why the area the parcel's boundary encloses differs from the recorded area
     *                   by more than the tolerance, or null; kept as the registration event's
     *                   {@code areaReason} detail, so a title registered without one has the
     *                   document (and hash) it had before
     */
    public static LandTitle registerFirst(Parcel parcel, List<Owner> owners, Actor actor, String areaReason) {
        requireValidOwners(owners, "owners");
        return new LandTitle(parcel, owners, List.of(), List.of(), null, TitleStatus.REGISTERED,
                event(TitleOperation.FIRST_REGISTRATION, actor, areaReason == null ? Map.of() : Map.of(AREA_REASON, areaReason)));
    }

    /** The registration event's detail that says why the surveyed and the recorded area differ. */
    public static final String AREA_REASON = "areaReason";

    public LandTitle lodgeTransfer(TransferType type, List<Owner> newOwners, Duration noticePeriod, Actor actor) {
        Objects.requireNonNull(type, "type");
        if (pendingTransfer != null) {
            throw refused("title.transfer-pending", "A transfer is already pending for this parcel");
        }
        if (!mortgages.isEmpty()) {
            throw refused("title.encumbered", "A transfer cannot be lodged while a mortgage is open");
        }
        if (!caveats.isEmpty()) {
            throw refused("title.encumbered", "A transfer cannot be lodged while a caveat is open");
        }
        requireValidOwners(newOwners, "newOwners");
        PendingTransfer pending = new PendingTransfer(type, keepingKnownParties(newOwners), actor.now(),
                actor.now().plus(noticePeriod));
        return next(owners, mortgages, caveats, pending,
                event(TitleOperation.TRANSFER_LODGED, actor, Map.of("transferType", type.name())));
    }

    public LandTitle objectToTransfer(String objectorName, String reason, Actor actor) {
        requirePendingTransfer();
        if (!actor.now().isBefore(pendingTransfer.noticeEndsAt())) {
            throw refused("transfer.notice-ended", "The notice period has ended; objections are no longer accepted");
        }
        ValidationException.Collector errors = new ValidationException.Collector();
        String name = LandValidation.normaliseName(objectorName);
        String why = text(reason);
        if (name.isEmpty()) {
            errors.add("objectorName", "required", "Enter the name of the person objecting");
        } else {
            PlainText.checkLine(errors, "objectorName", name);
        }
        if (why.isEmpty()) {
            errors.add("reason", "required", "Enter the reason for the objection");
        } else {
            PlainText.checkLines(errors, "reason", why);
            PublicText.check(errors, "reason", why);
        }
        errors.throwIfAny();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("reason", why);
        details.put("transferType", pendingTransfer.transferType().name());
        Party objector = Party.named(name, null);
        return next(owners, mortgages, caveats, null,
                event(TitleOperation.TRANSFER_OBJECTED, actor, details, Map.of("objector", objector)));
    }

    public LandTitle finaliseTransfer(Actor actor) {
        requirePendingTransfer();
        if (actor.now().isBefore(pendingTransfer.noticeEndsAt())) {
            throw refused("transfer.notice-running", "The public notice period runs until " + pendingTransfer.noticeEndsAt());
        }
        return next(pendingTransfer.newOwners(), mortgages, caveats, null,
                event(TitleOperation.TRANSFER_FINALISED, actor, Map.of("transferType", pendingTransfer.transferType().name())));
    }

    /** The longest name of a court kept (it goes into the title's public document). */
    public static final int MAX_COURT_CHARS = 120;

    /**
     * New owners by a court's verdict (a divorce, a disputed inheritance, a decree against a seller),
     * registered the same day: the court heard the parties, so there is no public notice period, and
     * a transfer pending is void. Mortgages and caveats stay with the land. The court, its case number
     * and the order's SHA-256 are public details of the version; the order itself stays off it.
     *
     * @param courtOrderSha256 the SHA-256 of the court order as a file, hex (either case)
     */
    public LandTitle transferByCourtOrder(List<Owner> newOwners, String court, String caseNumber, String courtOrderSha256,
                                          Actor actor) {
        requireLive();
        ValidationException.Collector errors = new ValidationException.Collector();
        String courtName = text(court);
        if (courtName.isEmpty()) {
            errors.add("court", "required", "Name the court that gave the order");
        } else if (courtName.length() > MAX_COURT_CHARS) {
            errors.add("court", "court.too-long", "Name the court in at most " + MAX_COURT_CHARS + " characters");
        } else {
            PlainText.checkLine(errors, "court", courtName);
            PublicText.check(errors, "court", courtName);
        }
        checkReference(errors, "caseNumber", caseNumber);
        String sha = normaliseSha256(courtOrderSha256);
        if (sha == null) {
            errors.add("courtOrderSha256", "required", "Give the court order, so its SHA-256 is recorded");
        } else if (!bt.druk.registry.domain.file.StoredFile.isSha256(sha)) {
            errors.add("courtOrderSha256", "sha256.format", "A SHA-256 is 64 hexadecimal characters");
        }
        errors.throwIfAny();
        requireValidOwners(newOwners, "newOwners");
        Map<String, String> details = new LinkedHashMap<>();
        details.put("court", courtName);
        details.put("caseNumber", caseNumber.trim());
        details.put(COURT_ORDER_SHA256, sha);
        return next(keepingKnownParties(newOwners), mortgages, caveats, null, event(TitleOperation.COURT_ORDER_TRANSFER, actor, details));
    }

    /** This version's court order (court, caseNumber, courtOrderSha256) where it registered one, else empty. */
    public Map<String, String> courtOrder() {
        return event.operation() == TitleOperation.COURT_ORDER_TRANSFER ? event.details() : Map.of();
    }

    /** The detail of a court-ordered transfer's version: the order's SHA-256, as on the ledger. */
    public static final String COURT_ORDER_SHA256 = "courtOrderSha256";

    /** A SHA-256 as typed or computed: trimmed, lower case; null for none. */
    public static String normaliseSha256(String hex) {
        return isBlank(hex) ? null : hex.strip().toLowerCase(java.util.Locale.ROOT);
    }

    public LandTitle registerMortgage(String ref, String lender, Actor actor) {
        requireNoPendingTransfer("A mortgage cannot be registered while a transfer is pending");
        ValidationException.Collector errors = new ValidationException.Collector();
        checkReference(errors, "mortgageRef", ref);
        String lenderName = text(lender);
        if (lenderName.isEmpty()) {
            errors.add("lender", "required", "Enter the lender");
        } else {
            PlainText.checkLine(errors, "lender", lenderName);
            PublicText.check(errors, "lender", lenderName);
        }
        errors.throwIfAny();
        String cleanRef = ref.trim();
        if (mortgages.stream().anyMatch(m -> m.ref().equals(cleanRef))) {
            throw ValidationException.of("mortgageRef", "mortgage.duplicate", "A mortgage with this reference is already open");
        }
        List<Mortgage> updated = new ArrayList<>(mortgages);
        updated.add(new Mortgage(cleanRef, lenderName, actor.now()));
        return next(owners, updated, caveats, null,
                event(TitleOperation.MORTGAGE_REGISTERED, actor, Map.of("mortgageRef", cleanRef, "lender", lenderName)));
    }

    public LandTitle dischargeMortgage(String ref, Actor actor) {
        requireNoPendingTransfer("A mortgage cannot be discharged while a transfer is pending");
        String cleanRef = ref == null ? "" : ref.trim();
        List<Mortgage> updated = new ArrayList<>(mortgages);
        if (!updated.removeIf(m -> m.ref().equals(cleanRef))) {
            throw ValidationException.of("mortgageRef", "mortgage.not-open", "No open mortgage has this reference");
        }
        return next(owners, updated, caveats, null,
                event(TitleOperation.MORTGAGE_DISCHARGED, actor, Map.of("mortgageRef", cleanRef)));
    }

    public LandTitle lodgeCaveat(String ref, String reason, Actor actor) {
        requireNoPendingTransfer("A caveat cannot be lodged while a transfer is pending");
        ValidationException.Collector errors = new ValidationException.Collector();
        checkReference(errors, "caveatRef", ref);
        String why = text(reason);
        if (why.isEmpty()) {
            errors.add("reason", "required", "Enter the reason for the caveat");
        } else {
            PlainText.checkLines(errors, "reason", why);
            PublicText.check(errors, "reason", why);
        }
        errors.throwIfAny();
        String cleanRef = ref.trim();
        if (caveats.stream().anyMatch(c -> c.ref().equals(cleanRef))) {
            throw ValidationException.of("caveatRef", "caveat.duplicate", "A caveat with this reference is already open");
        }
        List<Caveat> updated = new ArrayList<>(caveats);
        updated.add(new Caveat(cleanRef, why, actor.now()));
        return next(owners, mortgages, updated, null,
                event(TitleOperation.CAVEAT_LODGED, actor, Map.of("caveatRef", cleanRef)));
    }

    public LandTitle releaseCaveat(String ref, Actor actor) {
        requireNoPendingTransfer("A caveat cannot be released while a transfer is pending");
        String cleanRef = ref == null ? "" : ref.trim();
        List<Caveat> updated = new ArrayList<>(caveats);
        if (!updated.removeIf(c -> c.ref().equals(cleanRef))) {
            throw ValidationException.of("caveatRef", "caveat.not-open", "No open caveat has this reference");
        }
        return next(owners, mortgages, updated, null,
                event(TitleOperation.CAVEAT_RELEASED, actor, Map.of("caveatRef", cleanRef)));
    }

    /**
     * The same title, its parcel facts now on the ledger (the version sent as {@code RecordParcelFacts}):
     * the owners, encumbrances and status stay as they are.
     */
    public LandTitle recordParcelFacts(Actor actor) {
        requireLive();
        return new LandTitle(parcel, owners, mortgages, caveats, pendingTransfer, status,
                event(TitleOperation.PARCEL_FACTS_RECORDED, actor, Map.of()), lineage);
    }

    /** The parent's retiring version and the children's first versions, written by one ledger transaction. */
    public record Subdivision(LandTitle parent, List<LandTitle> children) {
        public Subdivision {
            children = List.copyOf(children);
        }
    }

    /** Live, no transfer pending and no caveat open: what the ledger requires of a parcel it subdivides. */
    public boolean canBeSubdivided() {
        return status != TitleStatus.RETIRED && pendingTransfer == null && caveats.isEmpty();
    }

    /** As {@link #canBeSubdivided()}, refused (field "") naming what stands in the way. */
    public void requireSubdividable() {
        requireDealable("subdivided");
    }

    /**
     * Live, no transfer pending and no caveat open, as the ledger requires of a parcel it subdivides,
     * merges or adjusts; refused (field "") naming what stands in the way of the parcel being {@code done}.
     */
    public void requireDealable(String done) {
        requireLive();
        if (pendingTransfer != null) {
            throw refused("title.transfer-pending", parcel.pin() + " cannot be " + done + " while a transfer is pending");
        }
        if (!caveats.isEmpty()) {
            throw refused("title.caveat-open", parcel.pin() + " cannot be " + done + " while a caveat is open ("
                    + caveats.stream().map(Caveat::ref).collect(java.util.stream.Collectors.joining(", ")) + ")");
        }
    }

    /** At most this many children of one subdivision (as the chaincode allows). */
    public static final int MAX_CHILDREN = 100;
    /** How far the children's areas may add up from the parent's, as the chaincode allows: 0.5 %. */
    public static final BigDecimal AREA_TOLERANCE = new BigDecimal("0.005");

    /**
     * Divides the parcel into {@code childParcels} (an inheritance, a sale of part): the same rules
     * as the chaincode's {@code SubdivideParcel}, checked before anything is saved. Each child keeps
     * the owners and their shares (a change of owner is a transfer, with its notice) and carries
     * every open mortgage; the parent is retired, naming its children.
     *
     * @param minimumPlotAcres no child may be smaller (the Land Act's minimum, a setting)
     */
    public Subdivision subdivide(List<Parcel> childParcels, BigDecimal minimumPlotAcres, Actor actor) {
        requireSubdividable();
        ValidationException.Collector errors = new ValidationException.Collector();
        if (childParcels.size() < 2 || childParcels.size() > MAX_CHILDREN) {
            errors.add("children", "children.count", "A subdivision makes 2 to " + MAX_CHILDREN + " parcels");
        }
        Set<String> pins = new HashSet<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < childParcels.size(); i++) {
            Parcel child = childParcels.get(i);
            String field = "children[" + i + "]";
            if (child.pin().equals(parcel.pin()) || !pins.add(child.pin())) {
                errors.add(field + ".pin", "pin.duplicate", "Each new parcel needs a PIN of its own, not " + child.pin());
            }
            if (!child.dzongkhag().equals(parcel.dzongkhag())) {
                errors.add(field + ".dzongkhag", "dzongkhag.differs", "The new parcels lie in " + parcel.dzongkhag() + " dzongkhag");
            }
            if (child.areaAcres().compareTo(minimumPlotAcres) < 0) {
                errors.add(new FieldError(field + ".areaAcres", "plot.too-small", "Land Act 2007: no plot smaller than "
                        + ParcelFacts.decimals(minimumPlotAcres) + " decimals (" + minimumPlotAcres.stripTrailingZeros().toPlainString()
                        + " acres) may be made by a subdivision; this one has " + ParcelFacts.decimals(child.areaAcres()) + " decimals",
                        List.of(ParcelFacts.decimals(minimumPlotAcres), ParcelFacts.decimals(child.areaAcres()))));
            }
            if (parcel.landType() == LandType.WETLAND && child.landType() != LandType.WETLAND) {
                errors.add(field + ".landType", "wetland.conversion",
                        "Land Act 2007: wetland (chhuzhing) stays wetland; a subdivision cannot convert it");
            }
            total = total.add(child.areaAcres());
        }
        if (childParcels.size() >= 2 && total.subtract(parcel.areaAcres()).abs()
                .compareTo(parcel.areaAcres().multiply(AREA_TOLERANCE)) > 0) {
            String sum = total.stripTrailingZeros().toPlainString();
            String whole = parcel.areaAcres().stripTrailingZeros().toPlainString();
            errors.add(new FieldError("children", "area.mismatch", "The new parcels add up to " + sum + " acres, the parcel has "
                    + whole + " acres: they may differ by at most 0.5 %", List.of(sum, whole)));
        }
        errors.throwIfAny();
        List<String> childPins = childParcels.stream().map(Parcel::pin).toList();
        TitleEvent divided = event(TitleOperation.SUBDIVISION, actor, Map.of());
        LandTitle retired = new LandTitle(parcel, owners, List.of(), List.of(), null, TitleStatus.RETIRED, divided,
                lineage.wentInto(childPins));
        List<LandTitle> children = childParcels.stream().map(child -> new LandTitle(child, owners, mortgages, List.of(), null,
                mortgages.isEmpty() ? TitleStatus.REGISTERED : TitleStatus.ENCUMBERED, divided, Lineage.cameFrom(parcel.pin())))
                .toList();
        return new Subdivision(retired, children);
    }

    /** The parents' retiring versions and the merged parcel's first version, written by one ledger transaction. */
    public record Merger(List<LandTitle> parents, LandTitle child) {
        public Merger {
            parents = List.copyOf(parents);
        }
    }

    /** At most this many parcels in one merger (as the chaincode allows). */
    public static final int MAX_MERGED = 20;

    /**
     * Joins neighbouring parcels of the same owners into one, {@code child}: the same rules as the
     * chaincode's {@code MergeParcels}, checked before anything is saved. The merged parcel has the
     * owners and shares every parent has, and carries every parent's open mortgages (the first
     * parent's first); the parents are retired, naming it.
     */
    public static Merger merge(List<LandTitle> parents, Parcel child, Actor actor) {
        if (parents.size() < 2 || parents.size() > MAX_MERGED) {
            throw ValidationException.of("parents", "parents.count", "A merger joins 2 to " + MAX_MERGED + " parcels");
        }
        LandTitle first = parents.get(0);
        Set<String> pins = new HashSet<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < parents.size(); i++) {
            LandTitle parent = parents.get(i);
            String pin = parent.parcel().pin();
            if (!pins.add(pin)) {
                throw ValidationException.of("parents[" + i + "].pin", "pin.duplicate", pin + " is named twice");
            }
            parent.requireDealable("merged");
            if (!parent.parcel().dzongkhag().equals(first.parcel().dzongkhag())) {
                throw refused("dzongkhag.differs", pin + " lies in " + parent.parcel().dzongkhag() + ", "
                        + first.parcel().pin() + " in " + first.parcel().dzongkhag() + ": merged parcels lie in one dzongkhag");
            }
            if (!ownersAndShares(parent.owners()).equals(ownersAndShares(first.owners()))) {
                throw new ValidationException(List.of(new FieldError("", "owners.differ", first.parcel().pin() + " and " + pin
                        + " have different owners or shares: only parcels of the same owners in the same shares are merged"
                        + " (transfer first, through the notice period)", List.of(first.parcel().pin(), pin))));
            }
            if (parent.parcel().landType() == LandType.WETLAND && child.landType() != LandType.WETLAND) {
                throw ValidationException.of("child.landType", "wetland.conversion",
                        "Land Act 2007: wetland (chhuzhing) stays wetland; " + pin + " is wetland, so the merged parcel is too");
            }
            total = total.add(parent.parcel().areaAcres());
        }
        if (pins.contains(child.pin())) {
            throw ValidationException.of("child.pin", "pin.duplicate", "The merged parcel needs a PIN of its own, not " + child.pin());
        }
        if (child.areaAcres().subtract(total).abs().compareTo(total.multiply(AREA_TOLERANCE)) > 0) {
            String merged = child.areaAcres().stripTrailingZeros().toPlainString();
            String sum = total.stripTrailingZeros().toPlainString();
            throw new ValidationException(List.of(new FieldError("child.areaAcres", "area.mismatch", "The merged parcel has " + merged
                    + " acres, the parcels add up to " + sum + " acres: they may differ by at most 0.5 %", List.of(merged, sum))));
        }
        TitleEvent merged = event(TitleOperation.MERGER, actor, Map.of());
        List<String> parentPins = parents.stream().map(p -> p.parcel().pin()).toList();
        List<Mortgage> mortgages = parents.stream().flatMap(p -> p.mortgages().stream()).toList();
        List<LandTitle> retired = parents.stream().map(p -> new LandTitle(p.parcel(), p.owners(), List.of(), List.of(), null,
                TitleStatus.RETIRED, merged, p.lineage().wentInto(List.of(child.pin())))).toList();
        LandTitle made = new LandTitle(child, first.owners(), mortgages, List.of(), null,
                mortgages.isEmpty() ? TitleStatus.REGISTERED : TitleStatus.ENCUMBERED, merged, new Lineage(parentPins, List.of()));
        return new Merger(retired, made);
    }

    /** Both parcels' next versions after their common boundary moved, written by one ledger transaction. */
    public record BoundaryAdjustment(LandTitle one, LandTitle other) {
    }

    /** The detail of a boundary adjustment's version: the PIN of the other parcel. */
    public static final String ADJUSTED_WITH = "adjustedWith";

    /**
     * Moves the boundary between two neighbouring parcels (a resurvey, a sale of a strip between
     * neighbours of the same family): the same rules as the chaincode's {@code AdjustBoundary},
     * checked before anything is saved. Each title keeps its PIN, owners, mortgages and land type;
     * only the areas and boundaries change, and their total by at most 0.5 %. A plot below the
     * Land Act's minimum may not shrink further, and wetland (chhuzhing) gives no land to a parcel
     * of another type. Fields: {@code areaAcres}, {@code neighbour.areaAcres} and {@code ""}.
     *
     * @param oneAfter   {@code one}'s parcel after the adjustment (same PIN)
     * @param otherAfter {@code other}'s parcel after it
     */
    public static BoundaryAdjustment adjustBoundary(LandTitle one, Parcel oneAfter, LandTitle other, Parcel otherAfter,
                                                    BigDecimal minimumPlotAcres, Actor actor) {
        List<LandTitle> titles = List.of(one, other);
        List<Parcel> after = List.of(oneAfter, otherAfter);
        List<String> fields = List.of("areaAcres", "neighbour.areaAcres");
        titles.forEach(t -> t.requireDealable("adjusted"));
        if (one.parcel().pin().equals(other.parcel().pin())) {
            throw ValidationException.of("neighbour.pin", "pin.duplicate", "Name the neighbouring parcel, not this one");
        }
        if (!one.parcel().dzongkhag().equals(other.parcel().dzongkhag())) {
            throw ValidationException.of("neighbour.pin", "dzongkhag.differs", other.parcel().pin() + " lies in "
                    + other.parcel().dzongkhag() + ", " + one.parcel().pin() + " in " + one.parcel().dzongkhag()
                    + ": a boundary is adjusted between parcels of one dzongkhag");
        }
        ValidationException.Collector errors = new ValidationException.Collector();
        BigDecimal before = BigDecimal.ZERO;
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < 2; i++) {
            Parcel was = titles.get(i).parcel();
            BigDecimal area = after.get(i).areaAcres();
            if (area.compareTo(minimumPlotAcres) < 0 && area.compareTo(was.areaAcres()) < 0) {
                errors.add(new FieldError(fields.get(i), "adjustment.plot-too-small", "Land Act 2007: no plot smaller than "
                        + ParcelFacts.decimals(minimumPlotAcres) + " decimals (" + minimumPlotAcres.stripTrailingZeros().toPlainString()
                        + " acres); " + was.pin() + " would have " + ParcelFacts.decimals(area) + " decimals",
                        List.of(ParcelFacts.decimals(minimumPlotAcres), ParcelFacts.decimals(area))));
            }
            Parcel neighbour = titles.get(1 - i).parcel();
            if (was.landType() == LandType.WETLAND && neighbour.landType() != LandType.WETLAND && area.compareTo(was.areaAcres()) < 0) {
                errors.add(fields.get(i), "adjustment.wetland", "Land Act 2007: wetland (chhuzhing) stays wetland; " + was.pin()
                        + " may not give land to " + neighbour.pin() + ", which is not wetland");
            }
            before = before.add(was.areaAcres());
            total = total.add(area);
        }
        if (total.subtract(before).abs().compareTo(before.multiply(AREA_TOLERANCE)) > 0) {
            String now = total.stripTrailingZeros().toPlainString();
            String was = before.stripTrailingZeros().toPlainString();
            errors.add(new FieldError("neighbour.areaAcres", "adjustment.area-mismatch", "The two parcels add up to " + now
                    + " acres after the adjustment and " + was + " acres before: they may differ by at most 0.5 %", List.of(now, was)));
        }
        errors.throwIfAny();
        List<LandTitle> adjusted = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            LandTitle t = titles.get(i);
            Parcel is = t.parcel().withArea(after.get(i).areaAcres()).withBoundary(after.get(i).boundary());
            TitleEvent moved = event(TitleOperation.BOUNDARY_ADJUSTMENT, actor, Map.of(ADJUSTED_WITH, titles.get(1 - i).parcel().pin()));
            adjusted.add(new LandTitle(is, t.owners(), t.mortgages(), t.caveats(), null,
                    statusFor(t.mortgages(), t.caveats(), null, TitleOperation.BOUNDARY_ADJUSTMENT), moved, t.lineage()));
        }
        return new BoundaryAdjustment(adjusted.get(0), adjusted.get(1));
    }

    /** Who owns what share, whatever the salts of the owners' commitments in each title. */
    private static Map<String, Share> ownersAndShares(List<Owner> owners) {
        Map<String, Share> shares = new java.util.TreeMap<>();
        owners.forEach(o -> shares.put(o.cid() + " " + o.name(), o.share()));
        return shares;
    }

    // ---- helpers ----

    private LandTitle next(List<Owner> newOwners, List<Mortgage> newMortgages, List<Caveat> newCaveats,
                           PendingTransfer pending, TitleEvent newEvent) {
        requireLive();
        return new LandTitle(parcel, newOwners, newMortgages, newCaveats, pending,
                statusFor(newMortgages, newCaveats, pending, newEvent.operation()), newEvent, lineage);
    }

    private void requireLive() {
        if (status == TitleStatus.RETIRED) {
            throw refused(RETIRED_CODE, "This parcel went into " + String.join(", ", lineage.wentInto())
                    + " and is kept as history; deal with those parcels instead");
        }
    }

    /** The error code of any dealing with a retired parcel. */
    public static final String RETIRED_CODE = "title.retired";

    /** Same status rules as the chaincode. */
    private static TitleStatus statusFor(List<Mortgage> mortgages, List<Caveat> caveats, PendingTransfer pending,
                                         TitleOperation operation) {
        if (pending != null) {
            return TitleStatus.TRANSFER_PENDING;
        }
        if (!mortgages.isEmpty() || !caveats.isEmpty()) {
            return TitleStatus.ENCUMBERED;
        }
        if (operation == TitleOperation.TRANSFER_OBJECTED) {
            return TitleStatus.TRANSFER_OBJECTED;
        }
        return TitleStatus.REGISTERED;
    }

    private static TitleEvent event(TitleOperation operation, Actor actor, Map<String, String> details) {
        return event(operation, actor, details, Map.of());
    }

    private static TitleEvent event(TitleOperation operation, Actor actor, Map<String, String> details, Map<String, Party> parties) {
        return new TitleEvent(operation, actor.now(), actor.recordedAs(), actor.office(), details, parties);
    }

    /** A current owner who stays an owner keeps the same party, so the chain of title shows it is the same person. */
    private List<Owner> keepingKnownParties(List<Owner> newOwners) {
        return newOwners.stream()
                .map(n -> owners.stream().filter(o -> o.party().samePersonAs(n.party())).findFirst()
                        .map(o -> new Owner(o.party(), n.share())).orElse(n))
                .toList();
    }

    private void requirePendingTransfer() {
        if (pendingTransfer == null) {
            throw refused("transfer.none-pending", "No transfer is pending for this parcel");
        }
    }

    private void requireNoPendingTransfer(String message) {
        if (pendingTransfer != null) {
            throw refused("title.transfer-pending", message);
        }
    }

    private static ValidationException refused(String code, String message) {
        return ValidationException.of("", code, message);
    }

    private static void checkReference(ValidationException.Collector errors, String field, String ref) {
        if (isBlank(ref)) {
            errors.add(field, "required", "Enter the reference");
        } else if (!LandValidation.REFERENCE.matcher(ref.trim()).matches()) {
            errors.add(field, "reference.format", "Use 1-40 letters, digits, '-', '/' or '.'");
        }
    }

    /** Owners must be non-empty, with distinct CIDs and shares summing to exactly 1. */
    static void requireValidOwners(List<Owner> owners, String field) {
        if (owners == null || owners.isEmpty()) {
            throw ValidationException.of(field, "owners.required", "Enter at least one owner");
        }
        Set<String> cids = new HashSet<>();
        for (int i = 0; i < owners.size(); i++) {
            if (!cids.add(owners.get(i).cid())) {
                throw ValidationException.of(field + "[" + i + "].cid", "cid.duplicate", "This CID is listed twice");
            }
        }
        if (!Share.sum(owners.stream().map(Owner::share).toList()).isWhole()) {
            throw ValidationException.of(field, "shares.sum", "Owners' shares must add up to exactly 1");
        }
    }

    /** Free text as it is kept: NFC, line breaks as LF, stripped of white space at the ends; null gives "". */
    private static String text(String s) {
        return s == null ? "" : PlainText.normalise(s).strip();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
