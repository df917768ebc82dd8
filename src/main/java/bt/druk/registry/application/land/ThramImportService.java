package bt.druk.registry.application.land;

import bt.druk.registry.application.record.SubmissionAck;
import bt.druk.registry.domain.land.Boundary;
import bt.druk.registry.domain.land.LandType;
import bt.druk.registry.domain.land.LandValidation;
import bt.druk.registry.domain.land.SurveyCrs;
import bt.druk.registry.domain.land.ThramImport;
import bt.druk.registry.domain.land.ThramImportRepository;
import bt.druk.registry.domain.land.ThramImportRow;
import bt.druk.registry.domain.land.ThramImportRow.CellError;
import bt.druk.registry.domain.land.ThramImportRow.Outcome;
import bt.druk.registry.domain.shared.AccessDeniedException;
import bt.druk.registry.domain.shared.FieldError;
import bt.druk.registry.domain.shared.RecordNotFoundException;
import bt.druk.registry.domain.shared.Register;
import bt.druk.registry.domain.shared.StaffMember;
import bt.druk.registry.domain.shared.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Bulk import of existing thrams for first registration: a clerk's CSV file ({@link ThramCsv}) is
 * checked row by row with the form's own checks ({@link LandTitleService#checkFirstRegistration}) and
 * its report stored, registering nothing; the clerk then starts the registration of the good rows,
 * which a batch job does in chunks ({@link #registerNextChunk}), each row through
 * {@link LandTitleService#registerFirstTitle} — the same record pipeline as the form, for the clerk's
 * office.
 *
 * <p>Bad rows do not stop the good ones: a registry's paper backlog comes in files of thousands of
 * thrams, and one illegible row should not hold up the rest. The bad rows stay listed, with row,
 * column and message, for a corrected file; a corrected file's rows already registered are reported
 * as such and written nothing twice.
 */
@ApplicationScoped
public class ThramImportService {

    private static final Pattern AREA = Pattern.compile("[0-9]{1,12}([.][0-9]{1,12})?");

    private LandTitleService titles;
    private ThramImportRepository imports;
    private Clock clock;
    private int maxRows;
    private double sliverSquareMetres;

    protected ThramImportService() {
    }

    @Inject
    public ThramImportService(LandTitleService titles, ThramImportRepository imports, Clock clock,
                              ThramImportPolicy policy, LandBoundaryPolicy boundaryPolicy) {
        this.titles = titles;
        this.imports = imports;
        this.clock = clock;
        this.maxRows = policy.maxRows();
        this.sliverSquareMetres = boundaryPolicy.sliverSquareMetres();
    }

    /**
     * Reads and checks every row of a file and stores the report; registers nothing. The same file
     * (same SHA-256) imported before by the clerk's office gives that import back, unchanged.
     *
     * @throws ValidationException field {@code file} when the file cannot be read as the import's CSV
     */
    @Transactional
    public ThramImport check(StaffMember actor, String fileName, byte[] content) {
        actor.requireClerkOf(Register.LAND);
        String hash = sha256(content);
        Optional<ThramImport> before = imports.findByContent(actor.office(), hash);
        if (before.isPresent()) {
            return before.get();
        }
        ThramCsv.Parsed parsed = ThramCsv.parse(content);
        if (!parsed.readable()) {
            throw ValidationException.of("file", parsed.errorCode(), parsed.error());
        }
        if (parsed.lines().size() > maxRows) {
            throw ValidationException.of("file", "import.tooManyRows", "The file has " + parsed.lines().size()
                    + " rows; split it into files of at most " + maxRows + " rows");
        }
        List<ThramImportRow> rows = new ArrayList<>();
        Map<String, Integer> rowOfPin = new HashMap<>();
        for (ThramCsv.Line line : parsed.lines()) {
            rows.add(checkRow(actor, parsed.header(), line, rowOfPin));
        }
        rows = refuseOverlapsWithinFile(rows);
        int good = 0;
        int bad = 0;
        int already = 0;
        for (ThramImportRow row : rows) {
            switch (row.outcome()) {
                case GOOD -> good++;
                case BAD -> bad++;
                default -> already++;
            }
        }
        var now = clock.instant();
        ThramImport checked = new ThramImport(0, hash, fileName == null ? "" : fileName, actor.username(), actor.office(),
                ThramImport.State.CHECKED, rows.size(), good, bad, already, 0, 0, now, now);
        return imports.add(checked, rows);
    }

    /**
     * Starts the registration of a checked import's good rows (the batch job then does it); an import
     * already started or finished is left as it is.
     */
    @Transactional
    public ThramImport startRegistration(StaffMember actor, long id) {
        ThramImport current = own(actor, imports.lock(id).orElseThrow(() -> notFound(id)), actor);
        if (current.state() != ThramImport.State.CHECKED) {
            return current;
        }
        ThramImport started = current.rowsGood() == 0
                ? current.afterChunk(0, 0, 0, 0, true, clock.instant())
                : current.registering(clock.instant());
        imports.update(started);
        return started;
    }

    /**
     * Registers the next good rows after the import's checkpoint, at most {@code size}, and moves the
     * checkpoint past them — all in one transaction of its own, so after a crash either the whole
     * chunk and its checkpoint are stored or none of it. The import is locked meanwhile: two runners
     * (a resumed job and a new one) take turns and never register a row twice.
     *
     * @return the import after the chunk; FINISHED once no good row is left
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public ThramImport registerNextChunk(long id, int size) {
        ThramImport current = imports.lock(id).orElseThrow(() -> notFound(id));
        if (current.state() != ThramImport.State.REGISTERING) {
            return current;
        }
        StaffMember clerk = StaffMember.clerk(current.clerk(), Register.LAND, current.office());
        List<ThramImportRow> chunk = imports.rows(id, Outcome.GOOD, current.checkpoint(), size);
        int registered = 0;
        int found = 0;
        int refused = 0;
        int checkpoint = current.checkpoint();
        for (ThramImportRow row : chunk) {
            FirstRegistrationCommand command = commandOf(row);
            // Checked first so a refusal never reaches registerFirstTitle: its exception would mark
            // the chunk's transaction for rollback.
            List<FieldError> problems = titles.checkFirstRegistration(clerk, command);
            if (problems.isEmpty()) {
                SubmissionAck ack = titles.registerFirstTitle(clerk, command);
                imports.updateRow(row.registered(ack.recordKey()));
                registered++;
            } else if (problems.stream().anyMatch(p -> p.code().equals(LandTitleService.PIN_REGISTERED))) {
                imports.updateRow(row.foundRegistered());
                found++;
            } else {
                // A parcel registered since the check (by the form, or another file) can make a checked
                // row's boundary overlap it: the row is bad after all, and says why.
                imports.updateRow(row.refused(problems.stream()
                        .map(p -> new CellError(columnOf(p.field()), p.code(), p.message())).toList()));
                refused++;
            }
            checkpoint = row.rowNo();
        }
        ThramImport after = current.afterChunk(registered, found, refused, checkpoint, chunk.size() < size, clock.instant());
        imports.update(after);
        return after;
    }

    /** An import of the clerk's office. */
    @Transactional
    public ThramImport find(StaffMember actor, long id) {
        actor.requireClerkOf(Register.LAND);
        return own(actor, imports.find(id).orElseThrow(() -> notFound(id)), actor);
    }

    /** The import's bad and already-registered rows, in row order, at most {@code limit} of each. */
    @Transactional
    public List<ThramImportRow> reportRows(StaffMember actor, long id, int limit) {
        find(actor, id);
        List<ThramImportRow> rows = new ArrayList<>(imports.rows(id, Outcome.BAD, 0, limit));
        rows.addAll(imports.rows(id, Outcome.ALREADY_REGISTERED, 0, limit));
        rows.sort(java.util.Comparator.comparingInt(ThramImportRow::rowNo));
        return rows;
    }

    /** How many of the import's registered titles are committed on the ledger. */
    @Transactional
    public int committedOnLedger(StaffMember actor, long id) {
        find(actor, id);
        return imports.committedOnLedger(id);
    }

    @Transactional
    public List<ThramImport> recent(StaffMember actor, int limit) {
        actor.requireClerkOf(Register.LAND);
        return imports.recent(actor.office(), limit);
    }

    /** Imports to resume after a restart. */
    @Transactional
    public List<Long> unfinished() {
        return imports.registering().stream().map(ThramImport::id).toList();
    }

    // ---- rows ----

    private ThramImportRow checkRow(StaffMember actor, List<String> header, ThramCsv.Line line, Map<String, Integer> rowOfPin) {
        List<ThramImportRow.Cell> cells = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            cells.add(new ThramImportRow.Cell(header.get(i), i < line.values().size() ? line.values().get(i) : ""));
        }
        String pinCell = line.values().isEmpty() ? "" : cellOf(header, line, "pin");
        String pin = LandValidation.normalisePin(pinCell);
        ThramImportRow unchecked = new ThramImportRow(0, line.rowNo(), pin, cells, Outcome.GOOD, List.of(), null);
        List<CellError> errors = new ArrayList<>();
        if (line.values().size() != header.size()) {
            errors.add(new CellError(line.values().size() < header.size() ? header.get(line.values().size()) : "",
                    "import.columns", "This row has " + line.values().size() + " values; the header has " + header.size()));
        } else {
            ParsedRow parsedRow = parseRow(unchecked, errors);
            List<FieldError> problems = titles.checkFirstRegistration(actor, parsedRow.command());
            for (FieldError problem : problems) {
                if (problem.code().equals(LandTitleService.PIN_REGISTERED)) {
                    return new ThramImportRow(0, line.rowNo(), pin, cells, Outcome.ALREADY_REGISTERED,
                            List.of(new CellError("pin", problem.code(), problem.message())), null);
                }
                String column = columnOf(problem.field());
                // The area and land type are read here first; the service's own word on an unread one adds nothing.
                if (!parsedRow.unread().contains(column)) {
                    errors.add(new CellError(column, problem.code(), problem.message()));
                }
            }
        }
        if (errors.isEmpty() && pin != null && !pin.isEmpty()) {
            Integer first = rowOfPin.putIfAbsent(pin, line.rowNo());
            if (first != null) {
                errors.add(new CellError("pin", "import.duplicate", "This PIN is also on row " + first + " of this file"));
            }
        }
        return errors.isEmpty() ? unchecked
                : new ThramImportRow(0, line.rowNo(), pin, cells, Outcome.BAD, errors, null);
    }

    private record ParsedRow(FirstRegistrationCommand command, List<String> unread) {
    }

    private static ParsedRow parseRow(ThramImportRow row, List<CellError> errors) {
        List<String> unread = new ArrayList<>();
        BigDecimal area = null;
        String areaText = row.cell("area_acres").strip();
        if (!areaText.isEmpty()) {
            if (AREA.matcher(areaText).matches()) {
                area = new BigDecimal(areaText);
            } else {
                errors.add(new CellError("area_acres", "area.format", "Enter the area as a number, e.g. 0.25."));
                unread.add("area_acres");
            }
        }
        LandType type = null;
        String typeText = row.cell("land_type").strip();
        if (!typeText.isEmpty()) {
            type = landType(typeText);
            if (type == null) {
                errors.add(new CellError("land_type", "landType.unknown", "Unknown land type; use one of "
                        + String.join(", ", java.util.Arrays.stream(LandType.values()).map(Enum::name).toList())));
                unread.add("land_type");
            }
        }
        String boundary = null;
        String wkt = row.cell("boundary_wkt");
        String crs = row.cell("boundary_crs");
        if (!isBlank(wkt)) {
            ValidationException.Collector problems = new ValidationException.Collector();
            Boundary read = isBlank(crs) ? null : Boundary.parseWkt(problems, "boundary", crs.strip(), wkt);
            if (isBlank(crs)) {
                errors.add(new CellError("boundary_crs", "boundary.crs.required",
                        "Name the coordinate system of boundary_wkt, e.g. EPSG:5266 (Bhutan National Grid) or EPSG:5301 (Punakha TM)"));
            }
            problems.errors().forEach(p -> errors.add(new CellError(columnOf(p.field()), p.code(), p.message())));
            if (read == null) {
                unread.add("boundary_wkt");
                unread.add("area_reason"); // without a boundary read, a reason for its area says nothing
            } else {
                boundary = read.canonicalJson();
            }
        } else if (!isBlank(crs)) {
            errors.add(new CellError("boundary_wkt", "boundary.required", "boundary_crs is given but boundary_wkt is empty; "
                    + "enter the boundary or leave both empty"));
        }
        return new ParsedRow(new FirstRegistrationCommand(row.cell("pin"), row.cell("thram_no"), row.cell("dzongkhag"),
                row.cell("gewog"), area, type, owners(row), boundary, blankToNull(row.cell("area_reason"))), unread);
    }

    /** A checked row as the form's command (the cells were checked when the file was read). */
    static FirstRegistrationCommand commandOf(ThramImportRow row) {
        String area = row.cell("area_acres").strip();
        Boundary boundary = boundaryOf(row);
        return new FirstRegistrationCommand(row.cell("pin"), row.cell("thram_no"), row.cell("dzongkhag"), row.cell("gewog"),
                AREA.matcher(area).matches() ? new BigDecimal(area) : null, landType(row.cell("land_type").strip()), owners(row),
                boundary == null ? null : boundary.canonicalJson(), blankToNull(row.cell("area_reason")));
    }

    /** A checked row's boundary, or null for a row without one. */
    private static Boundary boundaryOf(ThramImportRow row) {
        String wkt = row.cell("boundary_wkt");
        return isBlank(wkt) ? null : Boundary.fromWkt(row.cell("boundary_crs").strip(), wkt);
    }

    /**
     * Good rows whose boundary overlaps that of an earlier good row of the same file, made bad: the
     * registered parcels were checked row by row, but two rows of one file see each other only here.
     * The earlier row stays good, so the clerk corrects one survey, not both.
     */
    private List<ThramImportRow> refuseOverlapsWithinFile(List<ThramImportRow> rows) {
        // Good rows' PINs are distinct (a PIN twice in one file makes the later row bad).
        Map<Integer, Boundary> boundaryOfRow = new HashMap<>();
        Map<SurveyCrs, Map<String, Boundary>> byCrs = new EnumMap<>(SurveyCrs.class);
        Map<String, Integer> rowOfPin = new HashMap<>();
        for (ThramImportRow row : rows) {
            Boundary boundary = row.outcome() == Outcome.GOOD ? boundaryOf(row) : null;
            if (boundary != null) {
                boundaryOfRow.put(row.rowNo(), boundary);
                byCrs.computeIfAbsent(boundary.crs(), crs -> new HashMap<>()).put(row.pin(), boundary);
                rowOfPin.put(row.pin(), row.rowNo());
            }
        }
        if (byCrs.isEmpty()) {
            return rows;
        }
        Map<SurveyCrs, BoundaryOverlaps> indexes = new EnumMap<>(SurveyCrs.class);
        byCrs.forEach((crs, boundaries) -> indexes.put(crs, BoundaryOverlaps.of(crs, boundaries)));
        Set<String> refused = new HashSet<>();
        List<ThramImportRow> checked = new ArrayList<>(rows.size());
        for (ThramImportRow row : rows) {
            Boundary boundary = boundaryOfRow.get(row.rowNo());
            List<CellError> overlaps = new ArrayList<>();
            if (boundary != null) {
                for (BoundaryOverlaps.Overlap o : indexes.get(boundary.crs()).overlapping(boundary, sliverSquareMetres, row.pin())) {
                    int otherRow = rowOfPin.get(o.pin());
                    if (otherRow < row.rowNo() && !refused.contains(o.pin())) {
                        overlaps.add(new CellError("boundary_wkt", LandTitleService.BOUNDARY_OVERLAP, "The boundary overlaps that of "
                                + o.pin() + " on row " + otherRow + " of this file by "
                                + BigDecimal.valueOf(o.squareMetres()).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString() + " m²"));
                    }
                }
            }
            if (overlaps.isEmpty()) {
                checked.add(row);
            } else {
                refused.add(row.pin());
                checked.add(row.refused(overlaps));
            }
        }
        return checked;
    }

    private static List<OwnerInput> owners(ThramImportRow row) {
        List<OwnerInput> owners = new ArrayList<>();
        for (int i = 1; i <= ThramCsv.MAX_OWNERS; i++) {
            String name = row.cell(ThramCsv.ownerColumn(i, "name"));
            String cid = row.cell(ThramCsv.ownerColumn(i, "cid"));
            String share = row.cell(ThramCsv.ownerColumn(i, "share"));
            boolean blank = isBlank(name) && isBlank(cid) && isBlank(share);
            if (i == 1 || !blank) {
                owners.add(new OwnerInput(name, cid == null ? null : cid.strip(), share == null ? null : share.strip()));
            }
        }
        return owners;
    }

    /** A land type by its name (DRY_LAND, "dry land") or its Dzongkha name (Kamzhing). */
    static LandType landType(String text) {
        String wanted = text.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (LandType type : LandType.values()) {
            if (type.name().equals(wanted) || type.localName().equalsIgnoreCase(text.strip())) {
                return type;
            }
        }
        return null;
    }

    /** The CSV column of a command's field: {@code owners[1].cid} is {@code owner2_cid}. */
    static String columnOf(String field) {
        return switch (field) {
            case "pin", "dzongkhag", "gewog" -> field;
            case "thramNo" -> "thram_no";
            case "areaAcres" -> "area_acres";
            case "landType" -> "land_type";
            case "owners" -> "owner_name";
            case "boundary.crs" -> "boundary_crs";
            case "areaReason" -> "area_reason";
            default -> {
                var m = Pattern.compile("owners\\[(\\d+)]\\.(name|cid|share)").matcher(field);
                if (m.matches()) {
                    yield ThramCsv.ownerColumn(Integer.parseInt(m.group(1)) + 1, m.group(2));
                }
                yield field.startsWith("boundary") ? "boundary_wkt" : "";
            }
        };
    }

    private static String cellOf(List<String> header, ThramCsv.Line line, String column) {
        int i = header.indexOf(column);
        return i >= 0 && i < line.values().size() ? line.values().get(i) : "";
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankToNull(String s) {
        return isBlank(s) ? null : s.strip();
    }

    private static ThramImport own(StaffMember actor, ThramImport thramImport, StaffMember who) {
        if (!thramImport.office().equals(who.office())) {
            throw new AccessDeniedException("Import " + thramImport.id() + " belongs to another office");
        }
        return thramImport;
    }

    private static RecordNotFoundException notFound(long id) {
        return new RecordNotFoundException("No import number " + id);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
