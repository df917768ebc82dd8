package bt.druk.registry.interfaces.web.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.common.BitMatrix;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class QrSvgTest {

    private static final String KEY_URI = "otpauth://totp/Druk%20Registry:pema.lhamo?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
            + "&issuer=Druk%20Registry&algorithm=SHA1&digits=6&period=30";

    @Test
    void theImageDrawsExactlyTheModulesOfTheSymbolThatReadsBack() throws Exception {
        String uri = QrSvg.dataUri(KEY_URI);
        assertTrue(uri.startsWith("data:image/svg+xml;base64,"), uri);
        String svg = new String(Base64.getDecoder().decode(uri.substring(uri.indexOf(',') + 1)), StandardCharsets.UTF_8);
        BitMatrix symbol = PdfQrCode.symbol(KEY_URI);
        assertTrue(PdfQrCode.readsBack(symbol, KEY_URI));
        assertTrue(svg.contains("viewBox=\"0 0 " + symbol.getWidth() + " " + symbol.getHeight() + "\""), svg);
        BitMatrix drawn = new BitMatrix(symbol.getWidth(), symbol.getHeight());
        Matcher square = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z").matcher(svg);
        while (square.find()) {
            drawn.set(Integer.parseInt(square.group(1)), Integer.parseInt(square.group(2)));
        }
        assertEquals(symbol, drawn);
    }
}
