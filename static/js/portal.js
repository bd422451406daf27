/* The public portal's map: partner countries shaded on the vendored world atlas and partner
   cities and regions as circles linking to their cooperations. Offline (no tile server); the data
   comes from the portal's map.json (data-source) or from a json_script element (data-json). */
(function () {
    "use strict";

    var WORLD = [[-56, -170], [78, 180]];

    function countryLayer(topo, data, partnerLayers) {
        var byNumeric = {};
        var most = 1;
        data.countries.forEach(function (country) {
            if (country.numeric) {
                byNumeric[country.numeric] = country;
                most = Math.max(most, country.count);
            }
        });
        var geo = MitraMap.countries(topo);
        return L.geoJSON(geo, {
            style: function (feature) {
                var partner = byNumeric[feature.id];
                return {
                    className: partner ? "portal__country portal__country--partner" : "portal__country",
                    color: "#94a3b8",
                    weight: 0.5,
                    fillColor: partner ? MitraMap.shade(partner.count, most) : "#f1f5f9",
                    fillOpacity: 1
                };
            },
            onEachFeature: function (feature, layer) {
                var partner = byNumeric[feature.id];
                if (partner) {
                    partnerLayers.push(layer);
                    layer.bindTooltip(MitraMap.label(partner.name + ": " + partner.count));
                    layer.on("click", function () { window.location.href = partner.url; });
                }
            }
        });
    }

    // Built from DOM nodes with textContent: the titles are the tenant's text, never HTML.
    function popupFor(marker) {
        var box = document.createElement("div");
        var heading = document.createElement("strong");
        heading.textContent = marker.name;
        box.appendChild(heading);
        var partners = document.createElement("p");
        partners.textContent = marker.partners.join(", ");
        box.appendChild(partners);
        var list = document.createElement("ul");
        list.className = "plainlist";
        marker.cooperations.forEach(function (cooperation) {
            var item = document.createElement("li");
            var link = document.createElement("a");
            link.href = cooperation.url;
            link.textContent = cooperation.title;
            item.appendChild(link);
            list.appendChild(item);
        });
        box.appendChild(list);
        return box;
    }

    function markerLayers(data) {
        return data.markers.map(function (item) {
            var marker = L.circleMarker([item.lat, item.lon], {
                className: "portal__marker",
                radius: 4 + Math.min(item.cooperations.length, 6),
                color: "#fff",
                weight: 1,
                fillColor: "#b45309",
                fillOpacity: 0.9
            });
            marker.bindTooltip(MitraMap.label(item.name + ": " + item.partners.join(", ")));
            marker.bindPopup(popupFor(item));
            return marker;
        });
    }

    function fit(map, markers, partnerLayers) {
        var layers = markers.length ? markers : partnerLayers;
        if (!layers.length) {
            map.fitBounds(WORLD);
            return;
        }
        map.fitBounds(L.featureGroup(layers).getBounds(), {padding: [24, 24], maxZoom: 5});
    }

    function draw(node, data, topo) {
        var map = L.map(node, {attributionControl: false, zoomSnap: 0.25, minZoom: 1, maxZoom: 9});
        map.fitBounds(WORLD);
        var partnerLayers = [];
        countryLayer(topo, data, partnerLayers).addTo(map);
        var markers = markerLayers(data);
        markers.forEach(function (marker) { marker.addTo(map); });
        fit(map, markers, partnerLayers);
        node.dataset.ready = "true";
    }

    function loadData(node) {
        if (node.dataset.source) {
            return fetch(node.dataset.source).then(function (response) { return response.json(); });
        }
        var source = document.getElementById(node.dataset.json || "");
        return Promise.resolve(source ? JSON.parse(source.textContent) : null);
    }

    document.addEventListener("DOMContentLoaded", function () {
        var node = document.getElementById("portal-map");
        if (!node || typeof L === "undefined" || typeof topojson === "undefined") {
            return;
        }
        Promise.all([
            loadData(node),
            fetch(node.dataset.atlas).then(function (response) { return response.json(); })
        ]).then(function (loaded) {
            if (loaded[0]) {
                draw(node, loaded[0], loaded[1]);
            }
        });
    });
})();
