// The partner page's map: the partner's country shaded on the vendored world atlas and its city
// or Indonesian region as a marker. Offline (no tile server); data from a json_script element.
(function () {
    "use strict";

    function drawMap(node, data, topo) {
        var map = L.map(node, {attributionControl: false, zoomSnap: 0.25, minZoom: 1, maxZoom: 9});
        var geo = MitraMap.countries(topo);
        var home = null;
        var hasSpot = data.lat !== null && data.lon !== null;
        // Leaflet needs a view before it can draw vector layers.
        map.setView(hasSpot ? [data.lat, data.lon] : [0, 110], hasSpot ? 5 : 1.5);
        L.geoJSON(geo, {
            style: function (feature) {
                var mine = data.numeric && feature.id === data.numeric;
                return {
                    className: mine ? "partnermap__country partnermap__country--partner" : "partnermap__country",
                    color: "#94a3b8",
                    weight: 0.5,
                    fillColor: mine ? "#1d4ed8" : "#f1f5f9",
                    fillOpacity: mine ? 0.55 : 1
                };
            },
            onEachFeature: function (feature, layer) {
                if (data.numeric && feature.id === data.numeric) {
                    home = layer;
                }
            }
        }).addTo(map);
        if (hasSpot) {
            L.circleMarker([data.lat, data.lon], {
                className: "partnermap__marker",
                radius: 7,
                color: "#fff",
                weight: 2,
                fillColor: "#b45309",
                fillOpacity: 0.95
            }).bindTooltip(MitraMap.label(data.label)).addTo(map);
        } else if (home) {
            map.fitBounds(home.getBounds(), {maxZoom: 6, padding: [16, 16]});
        }
    }

    document.addEventListener("DOMContentLoaded", function () {
        var node = document.getElementById("partner-map");
        var source = document.getElementById("partner-map-data");
        if (!node || !source || typeof L === "undefined") {
            return;
        }
        var data = JSON.parse(source.textContent);
        fetch(node.dataset.atlas)
            .then(function (response) { return response.json(); })
            .then(function (topo) { drawMap(node, data, topo); });
    });
})();
