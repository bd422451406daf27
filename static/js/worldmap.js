/* What Mitra's maps share (dashboard, partner page, public portal): the vendored world atlas
   as GeoJSON without Antarctica, with rings that cross the antimeridian made drawable, and the
   shades for "more cooperations here", and the labels of tooltips. Load after topojson-client,
   before the page's own map. */
window.MitraMap = (function () {
    "use strict";

    var SHADES = ["#ccfbf1", "#5eead4", "#14b8a6", "#0f766e", "#134e4a"];
    var ANTARCTICA = "010";

    function shade(count, most) {
        var step = Math.ceil((count / most) * SHADES.length) - 1;
        return SHADES[Math.max(0, Math.min(SHADES.length - 1, step))];
    }

    // Rings crossing the antimeridian (Chukotka, Fiji) would be drawn as a line across the
    // world: move their western points east of 180 degrees, which Leaflet draws fine.
    function unwrapRing(ring) {
        var east = ring.some(function (point) { return point[0] > 170; });
        var west = ring.some(function (point) { return point[0] < -170; });
        if (east && west) {
            ring.forEach(function (point) {
                if (point[0] < 0) {
                    point[0] += 360;
                }
            });
        }
    }

    function unwrapAntimeridian(feature) {
        var geometry = feature.geometry;
        if (!geometry) {
            return;
        }
        var polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
        polygons.forEach(function (polygon) { polygon.forEach(unwrapRing); });
    }

    // The atlas's countries as GeoJSON, ready for L.geoJSON; feature.id is the ISO numeric code.
    function countries(topo) {
        var geo = topojson.feature(topo, topo.objects.countries);
        geo.features = geo.features.filter(function (feature) { return feature.id !== ANTARCTICA; });
        geo.features.forEach(unwrapAntimeridian);
        return geo;
    }

    // A tooltip's content as a DOM node with text: Leaflet puts a string in as HTML, and names
    // of partners and cooperations are the tenants' text, never markup.
    function label(text) {
        var node = document.createElement("span");
        node.textContent = text;
        return node;
    }

    return {shade: shade, countries: countries, label: label};
})();
