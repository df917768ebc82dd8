package bt.druk.registry.interfaces.web.land;

import bt.druk.registry.application.land.ParcelMap;
import bt.druk.registry.domain.shared.ValidationException;
import bt.druk.registry.interfaces.web.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/**
 * The public parcel map ({@code /records/map.xhtml?dzongkhag=Punakha}, a bookmarkable GET page): the
 * list view of {@link ParcelMap}'s parcels, and the address where the page's script reads the same
 * parcels as GeoJSON to draw them.
 */
@Named
@RequestScoped
public class ParcelMapBean {

    /** The map's GeoJSON, context-relative. */
    static final String SOURCE = "/api/parcels/boundaries";

    @Inject
    ParcelMap map;

    @Inject
    Messages messages;

    private String dzongkhag;
    private ParcelMap.Layer layer;
    private String error;

    /** View action: the dzongkhag's parcels (every dzongkhag's without one), or why there are none. */
    public void load() {
        try {
            layer = map.layer(dzongkhag);
        } catch (ValidationException e) {
            layer = null;
            error = e.errors().stream().map(messages::errorText).collect(Collectors.joining(" "));
        }
    }

    /** The parcels were read (the dzongkhag, if any, is one). */
    public boolean isShown() {
        return layer != null;
    }

    public ParcelMap.Layer getLayer() {
        return layer;
    }

    /** Why no parcels are shown (a name that is no dzongkhag), in the page's language; null otherwise. */
    public String getError() {
        return error;
    }

    /** The dzongkhag the selector shows chosen: as the reference data spells it, else as given. */
    public String getChosen() {
        return layer != null && layer.dzongkhag() != null ? layer.dzongkhag() : dzongkhag;
    }

    /** The GeoJSON of the same parcels, context-relative, for the map's script. */
    public String getSource() {
        return layer == null || layer.dzongkhag() == null ? SOURCE
                : SOURCE + "?dzongkhag=" + URLEncoder.encode(layer.dzongkhag(), StandardCharsets.UTF_8);
    }

    public String getDzongkhag() {
        return dzongkhag;
    }

    public void setDzongkhag(String dzongkhag) {
        this.dzongkhag = dzongkhag;
    }
}
