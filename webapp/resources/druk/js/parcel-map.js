/*
 * Druk Registry: the public parcel map (/records/map.xhtml). Draws the parcels the page lists, read
 * as GeoJSON from this portal (connect-src 'self'), with Leaflet from the portal's own WebJar
 * (window.L, loaded before this script). Vector polygons only: no tile layer, no marker (its icon is
 * an image), no attribution link, so the browser asks nothing of any other origin.
 * Plain ES2020, no inline script.
 *
 * PAGE CONTRACT (data attributes)
 *   <section data-druk-parcel-map hidden data-source data-context data-text-{zoom-in,zoom-out,failed}>
 *     data-source                      the GeoJSON's address: GET /api/parcels/boundaries[?dzongkhag=…]
 *     data-context                     the portal's context path, put before each Feature's properties.href
 *     [data-druk-parcel-map-canvas]    the element Leaflet draws in (a named region)
 *     [data-druk-parcel-map-status]    role=status: says when the map could not be drawn
 *   The section stays hidden until the map is set up: without this script, or without Leaflet, the
 *   page's list view is the page.
 *
 * Each parcel is an SVG path (class parcel-map__parcel, styled in druk.css; data-pin its PIN) with a
 * tooltip naming its PIN; a click opens its record. The keyboard's way to a record is the list.
 */
(function () {
    'use strict';

    /** Bhutan's extent, [[south, west], [north, east]]: the view until the parcels arrive. */
    const BHUTAN = [[26.70, 88.74], [28.33, 92.13]];
    /** About a metre a pixel at Bhutan's latitudes: a small parcel alone still fits. */
    const MAX_ZOOM = 19;

    /** The record's page on this portal; null for anything that is not a path of this portal. */
    function recordAddress(context, href) {
        return typeof href === 'string' && href.startsWith('/') && !href.startsWith('//') ? context + href : null;
    }

    function label(text) {
        // Text, never markup: Leaflet puts a string tooltip in as HTML.
        const span = document.createElement('span');
        span.textContent = text;
        return span;
    }

    function draw(section) {
        const texts = section.dataset;
        const canvas = section.querySelector('[data-druk-parcel-map-canvas]');
        const status = section.querySelector('[data-druk-parcel-map-status]');
        section.hidden = false;
        const map = L.map(canvas, {zoomControl: false, attributionControl: false, maxZoom: MAX_ZOOM});
        L.control.zoom({zoomInTitle: texts.textZoomIn, zoomOutTitle: texts.textZoomOut}).addTo(map);
        map.fitBounds(BHUTAN);

        fetch(texts.source, {headers: {Accept: 'application/geo+json'}, credentials: 'same-origin'})
            .then(function (response) {
                if (!response.ok) {
                    throw new Error('HTTP ' + response.status);
                }
                return response.json();
            })
            .then(function (collection) {
                const parcels = L.geoJSON(collection, {
                    className: 'parcel-map__parcel',
                    onEachFeature: function (feature, layer) {
                        const pin = String(feature.properties.pin);
                        const address = recordAddress(texts.context, feature.properties.href);
                        layer.bindTooltip(label(pin), {sticky: true, direction: 'top'});
                        if (address) {
                            layer.on('click', function () {
                                window.location.assign(address);
                            });
                        }
                    }
                }).addTo(map);
                parcels.eachLayer(function (layer) {
                    layer.getElement().setAttribute('data-pin', layer.feature.properties.pin);
                });
                if (parcels.getLayers().length > 0) {
                    map.fitBounds(parcels.getBounds(), {padding: [16, 16]});
                }
                section.setAttribute('data-druk-parcel-map-drawn', String(parcels.getLayers().length));
            })
            .catch(function () {
                canvas.hidden = true;
                status.textContent = texts.textFailed;
            });
    }

    function init() {
        if (!window.L) {
            return;
        }
        document.querySelectorAll('[data-druk-parcel-map]').forEach(draw);
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', init);
    } else {
        init();
    }
}());
