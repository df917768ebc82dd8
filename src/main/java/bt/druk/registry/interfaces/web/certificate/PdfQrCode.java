package bt.druk.registry.interfaces.web.certificate;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.BadElementException;
import com.lowagie.text.Image;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.util.EnumMap;
import java.util.Map;

/** A QR code (ZXing) drawn into a PDF as vector squares: crisp at any zoom, quiet zone included. */
final class PdfQrCode {

    /** Pixels per module when a symbol is read back: about what a phone's camera sees. */
    private static final int READ_BACK_SCALE = 4;
    private static final int MASK_PATTERNS = 8;

    private PdfQrCode() {
    }

    static Image of(PdfWriter writer, String text, float size) throws WriterException, BadElementException {
        BitMatrix matrix = symbol(text);
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

    /**
     * The symbol for {@code text}, read back before it is printed. The encoder's choice of mask is
     * valid, but for about 2 % of our verify links ZXing's detector (the one in many phone scanners)
     * mistakes its data for a finder pattern and cannot read it; another mask then takes its place.
     */
    static BitMatrix symbol(String text) throws WriterException {
        BitMatrix chosen = encode(text, null);
        for (int mask = 0; mask < MASK_PATTERNS && !readsBack(chosen, text); mask++) {
            chosen = encode(text, mask);
        }
        return chosen;
    }

    static BitMatrix encode(String text, Integer maskPattern) throws WriterException {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, 4);
        hints.put(EncodeHintType.CHARACTER_SET, "UTF-8");
        if (maskPattern != null) {
            hints.put(EncodeHintType.QR_MASK_PATTERN, maskPattern);
        }
        return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints);
    }

    /** Whether ZXing finds and decodes {@code matrix} in a plain image of it, as a scanner would. */
    static boolean readsBack(BitMatrix matrix, String text) {
        int side = matrix.getWidth() * READ_BACK_SCALE;
        int[] pixels = new int[side * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                pixels[y * side + x] = matrix.get(x / READ_BACK_SCALE, y / READ_BACK_SCALE) ? 0xFF000000 : 0xFFFFFFFF;
            }
        }
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(side, side, pixels)));
        try {
            return text.equals(new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText());
        } catch (ReaderException e) {
            return false;
        }
    }
}
