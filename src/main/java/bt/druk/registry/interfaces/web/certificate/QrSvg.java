package bt.druk.registry.interfaces.web.certificate;

import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A QR code as an SVG image in a {@code data:} address, for a page rather than a PDF: the same
 * symbol as the certificates' ({@link PdfQrCode#symbol}, read back before it is shown), one path of
 * unit squares, so an {@code <img>} shows it under the portal's policy ({@code img-src 'self' data:})
 * without a request of its own that a log or a cache could keep.
 */
public final class QrSvg {

    private QrSvg() {
    }

    /** The {@code data:image/svg+xml;base64,…} address of the QR code of {@code text}. */
    public static String dataUri(String text) {
        return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg(text).getBytes(StandardCharsets.UTF_8));
    }

    static String svg(String text) {
        BitMatrix matrix;
        try {
            matrix = PdfQrCode.symbol(text);
        } catch (WriterException e) {
            throw new IllegalArgumentException("no QR code holds this text", e);
        }
        int modules = matrix.getWidth();
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < modules; y++) {
            for (int x = 0; x < modules; x++) {
                if (matrix.get(x, y)) {
                    path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + modules + " " + modules
                + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }
}
