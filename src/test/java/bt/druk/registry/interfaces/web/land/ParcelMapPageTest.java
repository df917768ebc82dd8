package bt.druk.registry.interfaces.web.land;

import static bt.druk.registry.testing.PortalHarness.CLERK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.application.land.FirstRegistrationCommand;
import bt.druk.registry.application.land.MapParcel;
import bt.druk.registry.application.land.OwnerInput;
import bt.druk.registry.application.land.ParcelMap;
import bt.druk.registry.domain.land.LandType;
import bt.druk.registry.infrastructure.geo.Proj4jWgs84Reprojection;
import bt.druk.registry.interfaces.web.BundleMessages;
import bt.druk.registry.testing.PortalHarness;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The parcel map page: its list view and the address its script reads, and what the page and the
 * script load (the portal's own Leaflet WebJar, nothing from another origin, no inline script or style).
 */
class ParcelMapPageTest {

    private static final Path PAGE = Path.of("webapp/records/map.xhtml");
    private static final Path SCRIPT = Path.of("webapp/resources/druk/js/parcel-map.js");

    private final PortalHarness h = new PortalHarness();

    private ParcelMapBean bean(String dzongkhag) {
        ParcelMapBean bean = new ParcelMapBean();
        bean.map = new ParcelMap(h.parcels, h.referenceData, new Proj4jWgs84Reprojection());
        bean.messages = new BundleMessages();
        bean.setDzongkhag(dzongkhag);
        bean.load();
        return bean;
    }

    @Test
    void theListAndTheMapsScriptReadTheSameParcels() {
        h.land.registerFirstTitle(CLERK, new FirstRegistrationCommand("MAP-1", "T-1", "Samdrup Jongkhar", "Dewathang",
                new BigDecimal("2.4711"), LandType.DRY_LAND, List.of(new OwnerInput("Karma Wangchuk", "10101001234", "1")),
                "{\"crs\":\"EPSG:5266\",\"type\":\"Polygon\",\"coordinates\":[[[400000,2970000],[400100,2970000],[400100,2970100],"
                        + "[400000,2970100],[400000,2970000]]]}", null));

        ParcelMapBean chosen = bean("Samdrup Jongkhar");
        assertTrue(chosen.isShown());
        assertNull(chosen.getError());
        assertEquals("Samdrup Jongkhar", chosen.getChosen());
        assertEquals(List.of("MAP-1"), chosen.getLayer().parcels().stream().map(MapParcel::pin).toList());
        assertEquals("/api/parcels/boundaries?dzongkhag=Samdrup+Jongkhar", chosen.getSource());

        ParcelMapBean everywhere = bean(null);
        assertEquals("/api/parcels/boundaries", everywhere.getSource());
        assertNull(everywhere.getChosen(), "the selector shows all dzongkhags");
    }

    @Test
    void aNameThatIsNoDzongkhagIsSaidAtTheSelectorAndNothingIsListed() {
        ParcelMapBean bean = bean("Atlantis");
        assertFalse(bean.isShown());
        assertEquals("No dzongkhag has this name.", bean.getError());
        assertEquals("Atlantis", bean.getChosen());
    }

    @Test
    void thePageLoadsLeafletFromTheWebJarThePortalServesAndNothingFromAnotherOrigin() throws IOException {
        String page = Files.readString(PAGE);
        List<String> webJarFiles = new ArrayList<>();
        Matcher link = Pattern.compile("(?:src|href)=\"([^\"]*)\"").matcher(page);
        while (link.find()) {
            String address = link.group(1);
            // A path of this portal, literal or a context-relative link the application made (MapParcel.recordPath).
            assertTrue(address.startsWith("#{request.contextPath}/") || address.startsWith("#{request.contextPath}#{"),
                    "only the portal's own addresses: " + address);
            String path = address.substring("#{request.contextPath}".length());
            if (path.startsWith("/webjars/")) {
                webJarFiles.add(path);
            }
        }
        assertEquals(2, webJarFiles.size(), "Leaflet's script and stylesheet: " + webJarFiles);
        for (String file : webJarFiles) {
            // The container serves a WebJar's META-INF/resources from WEB-INF/lib: the version in the page is pom.xml's.
            assertNotNull(getClass().getClassLoader().getResource("META-INF/resources" + file), file + " is not in the WebJar on the classpath");
        }
        assertFalse(page.contains("style="), "no inline style");
        Matcher script = Pattern.compile("<script\\b[^>]*>").matcher(page);
        while (script.find()) {
            assertTrue(script.group().contains(" src=\""), "no inline script: " + script.group());
        }
    }

    @Test
    void theScriptDrawsVectorsOnlyAndAsksOnlyThisPortal() throws IOException {
        String script = Files.readString(SCRIPT);
        // Code, comments left out: no tiles, no markers (their icons are images), no address of another origin.
        String code = script.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)//.*$", "");
        for (String banned : List.of("tileLayer", "L.marker", "L.icon", "http:", "https:", "innerHTML", "eval(")) {
            assertFalse(code.contains(banned), "parcel-map.js uses " + banned);
        }
        assertTrue(code.contains("attributionControl: false"), "no attribution link to leafletjs.com");
        assertTrue(code.contains("fetch(texts.source"), "the GeoJSON comes from the page's own address");
    }
}
