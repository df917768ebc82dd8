package bt.druk.registry.interfaces.web.certificate;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.BadElementException;
import com.lowagie.text.Image;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.util.Map;

/** A QR code (ZXing) drawn into a PDF as vector squares: crisp at any zoom, quiet zone included. */
final class PdfQrCode {

    private PdfQrCode() {
    }

    static Image of(PdfWriter writer, String text, float size) throws WriterException, BadElementException {
        BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4,
                        EncodeHintType.CHARACTER_SET, "UTF-8"));
        int modules = matrix.getWidth();
        float unit = size / modules;
        PdfTemplate template = writer.getDirectContent().createTemplate(size, size);
        template.setColorFill(Color.WHITE);
        template.rectangle(0, 0, size, size);
        template.fill();
        template.setColorFill(Color.BLACK);
        for (int y = 0; y < modules; y++) {
            for (int x = 0; x < modules; x++) {
                if (matrix.get(x, y)) {
                    template.rectangle(x * unit, size - (y + 1) * unit, unit, unit);
                }
            }
        }
        template.fill();
        return Image.getInstance(template);
    }
}
