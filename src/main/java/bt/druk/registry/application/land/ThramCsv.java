package bt.druk.registry.application.land;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The bulk-import file: RFC 4180 CSV in UTF-8 (a byte-order mark, as spreadsheets write, is skipped),
 * comma-separated, fields with commas, quotes or line breaks in double quotes, a header row first.
 * Only the reading of the file is here; what a row must hold is {@link ThramImportService}'s.
 */
public final class ThramCsv {

    /** The columns every file has, in the template's order. */
    public static final List<String> REQUIRED = List.of("pin", "thram_no", "dzongkhag", "gewog", "area_acres", "land_type",
            "owner_name", "owner_cid", "owner_share");
    /**
     * The surveyed boundary, optional: WKT {@code POLYGON ((e n, …))} in the coordinate system
     * {@code boundary_crs} names ({@code EPSG:5266}), and {@code area_reason} for an area that
     * differs from the boundary's by more than the tolerance, as on the form.
     */
    public static final List<String> OPTIONAL = List.of("boundary_crs", "boundary_wkt", "area_reason");
    /** Further owners: owner2_name, owner2_cid, owner2_share up to owner9_*. */
    public static final int MAX_OWNERS = 9;

    /** The file as read: header (lower-cased, trimmed) and data records, or why it cannot be read. */
    public record Parsed(List<String> header, List<Line> lines, String errorCode, String error) {
        public boolean readable() {
            return errorCode == null;
        }

        static Parsed refused(String code, String message) {
            return new Parsed(List.of(), List.of(), code, message);
        }
    }

    /** A data record and its row number in the file (the header is row 1). */
    public record Line(int rowNo, List<String> values) {
        public Line {
            values = List.copyOf(values);
        }
    }

    private ThramCsv() {
    }

    /** The column names a file may have: the required and optional ones and further owners' columns. */
    public static boolean isKnownColumn(String column) {
        if (REQUIRED.contains(column) || OPTIONAL.contains(column)) {
            return true;
        }
        for (int i = 2; i <= MAX_OWNERS; i++) {
            if (column.equals(ownerColumn(i, "name")) || column.equals(ownerColumn(i, "cid")) || column.equals(ownerColumn(i, "share"))) {
                return true;
            }
        }
        return false;
    }

    /** The column of an owner's name, cid or share; owners are numbered from 1 (owner_name), then owner2_name, … */
    public static String ownerColumn(int owner, String part) {
        return owner == 1 ? "owner_" + part : "owner" + owner + "_" + part;
    }

    public static Parsed parse(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return Parsed.refused("import.encoding", "The file is not UTF-8 text; save it as \"CSV UTF-8\" and upload it again");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> records = new ArrayList<>();
        String error = split(text, records);
        if (error != null) {
            return Parsed.refused("import.quotes", error);
        }
        if (records.isEmpty()) {
            return Parsed.refused("import.empty", "The file is empty; it needs a header row and at least one row");
        }
        List<String> header = records.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        for (String column : REQUIRED) {
            if (!header.contains(column)) {
                return Parsed.refused("import.header", "The header row has no column \"" + column + "\" (the first row must name the columns: "
                        + String.join(",", REQUIRED) + ")");
            }
        }
        for (String column : header) {
            if (!isKnownColumn(column)) {
                return Parsed.refused("import.header", "The header row has an unknown column \"" + column + "\"");
            }
            if (header.indexOf(column) != header.lastIndexOf(column)) {
                return Parsed.refused("import.header", "The header row names the column \"" + column + "\" twice");
            }
        }
        if (header.contains("boundary_wkt") != header.contains("boundary_crs")) {
            return Parsed.refused("import.header", "The header row has " + (header.contains("boundary_wkt") ? "boundary_wkt but no boundary_crs"
                    : "boundary_crs but no boundary_wkt") + ": a boundary's coordinates are read in the coordinate system named beside them");
        }
        List<Line> lines = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> values = records.get(i);
            if (values.size() == 1 && values.get(0).isBlank()) {
                continue; // an empty line, as spreadsheets leave at the end
            }
            lines.add(new Line(i + 1, values));
        }
        if (lines.isEmpty()) {
            return Parsed.refused("import.empty", "The file has a header row but no rows");
        }
        return new Parsed(header, lines, null, null);
    }

    /** Splits RFC 4180 text into records; returns an error message for an unclosed quote. */
    private static String split(String text, List<List<String>> records) {
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int recordStart = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            any = true;
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                any = false;
                recordStart = records.size() + 1;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            return "Row " + recordStart + " opens a quote (\") that is never closed";
        }
        if (any) {
            record.add(field.toString());
            records.add(record);
        }
        return null;
    }
}
