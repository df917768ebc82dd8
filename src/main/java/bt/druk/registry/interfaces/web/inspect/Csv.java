package bt.druk.registry.interfaces.web.inspect;

import java.util.Arrays;
import java.util.stream.Collectors;

/** RFC 4180 rows (CRLF, quotes doubled), with cells that a spreadsheet would run as a formula defused. */
final class Csv {

    private Csv() {
    }

    static String row(Object... cells) {
        return Arrays.stream(cells).map(Csv::cell).collect(Collectors.joining(",")) + "\r\n";
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        // A leading = + - @ (or tab/CR) makes spreadsheets evaluate the cell (CSV injection, OWASP).
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
