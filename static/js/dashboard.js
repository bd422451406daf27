/* The dashboard's charts and map, drawn from the JSON they fetch from the addresses in their
   data-source attributes (the browser keeps each answer and revalidates it with its ETag).
   Everything is served locally (static/vendor): no CDN, no tile server. */
(function () {
    "use strict";

    var COLOURS = ["#0f766e", "#2563eb", "#d97706", "#7c3aed", "#dc2626", "#0891b2", "#65a30d", "#db2777"];
    var INDONESIA = [[-11.2, 94.7], [6.3, 141.1]];
    var WORLD = [[-56, -170], [78, 180]];

    // The data behind a node, fetched from its data-source (the session cookie signs it in).
    function fetchData(node) {
        return fetch(node.dataset.source, {
            credentials: "same-origin",
            headers: {"Accept": "application/json"}
        }).then(function (response) {
            if (!response.ok) {
                throw new Error(node.dataset.source + ": " + response.status);
            }
            return response.json();
        });
    }

    // A click on a bar or a segment opens the cooperation list filtered to the rows behind it.
    function openRows(urls) {
        return {
            onClick: function (event, elements) {
                if (elements.length && urls[elements[0].index]) {
                    window.location.href = urls[elements[0].index];
                }
            },
            onHover: function (event, elements) {
                event.native.target.style.cursor = elements.length ? "pointer" : "default";
            }
        };
    }

    // A long state name as lines of about `width` characters: Chart.js draws a label on one line
    // and cuts what does not fit beside the bars on a phone ("ngguhkan (kajian pusat)").
    function lines(label, width) {
        var result = [""];
        label.split(" ").forEach(function (word) {
            var last = result.length - 1;
            if (result[last] && (result[last] + " " + word).length > width) {
                result.push(word);
            } else {
                result[last] = result[last] ? result[last] + " " + word : word;
            }
        });
        return result;
    }

    function drawCharts(data) {
        if (typeof Chart === "undefined") {
            return;
        }
        // Figures for work, not a show: drawn at once (and steady for screenshots and print).
        Chart.defaults.animation = false;
        var byState = document.getElementById("chart-by-state");
        if (byState) {
            var stateLabels = data.byState.labels.map(function (label) { return lines(label, 16); });
            // Every bar gets a row as tall as the longest wrapped name (three lines of 12 px
            // text): with many states in a fixed box, neighbouring names were drawn over each
            // other.
            var mostLines = Math.max.apply(null, stateLabels.map(function (label) { return label.length; }));
            byState.parentNode.style.height = Math.max(288, stateLabels.length * (mostLines * 15 + 8) + 48) + "px";
            new Chart(byState, {
                type: "bar",
                data: {
                    labels: stateLabels,
                    datasets: [{label: data.text.cooperations, data: data.byState.counts, backgroundColor: COLOURS[0]}]
                },
                options: Object.assign({
                    indexAxis: "y",
                    maintainAspectRatio: false,
                    plugins: {legend: {display: false}},
                    // Every state named, none skipped to make room.
                    scales: {x: {beginAtZero: true, ticks: {precision: 0}}, y: {ticks: {autoSkip: false}}}
                }, openRows(data.byState.urls))
            });
        }
        var byKind = document.getElementById("chart-by-kind");
        if (byKind) {
            new Chart(byKind, {
                type: "doughnut",
                data: {
                    labels: data.byKind.labels,
                    datasets: [{label: data.text.cooperations, data: data.byKind.counts, backgroundColor: COLOURS}]
                },
                options: Object.assign(
                    {maintainAspectRatio: false, plugins: {legend: {position: "right"}}},
                    openRows(data.byKind.urls)
                )
            });
        }
    }

    function countryLayer(topo, data) {
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
                    className: partner
                        ? "dashboard__country dashboard__country--partner dashboard__country--" + partner.code
                        : "dashboard__country",
                    color: "#94a3b8",
                    weight: 0.5,
                    fillColor: partner ? MitraMap.shade(partner.count, most) : "#f1f5f9",
                    fillOpacity: 1
                };
            },
            onEachFeature: function (feature, layer) {
                var partner = byNumeric[feature.id];
                if (partner) {
                    layer.bindTooltip(MitraMap.label(partner.name + ": " + partner.count));
                    layer.on("click", function () { window.location.href = partner.url; });
                }
            }
        });
    }

    function markers(items, colour) {
        return items.map(function (item) {
            var marker = L.circleMarker([item.lat, item.lon], {
                className: "dashboard__marker",
                radius: 4 + Math.min(item.count, 6),
                color: "#fff",
                weight: 1,
                fillColor: colour,
                fillOpacity: 0.9
            });
            marker.bindTooltip(MitraMap.label(item.name + ": " + item.count));
            marker.on("click", function () { window.location.href = item.url; });
            return marker;
        });
    }

    // The world view shows the partners: on a phone the whole world is wider than the map, and
    // its middle (Europe and Africa) left the partners in Asia and the Pacific off the screen.
    // The switch jumps without flying: a flight still under way swallowed the next switch.
    function switchView(map, view) {
        if (view === "indonesia") {
            map.fitBounds(INDONESIA, {animate: false});
        } else if (map.partnerBounds && map.partnerBounds.isValid()) {
            map.fitBounds(map.partnerBounds, {padding: [16, 16], maxZoom: 4, animate: false});
        } else {
            map.fitBounds(WORLD, {animate: false});
        }
        document.querySelectorAll("[data-map-view]").forEach(function (button) {
            button.setAttribute("aria-pressed", String(button.dataset.mapView === view));
        });
    }

    function drawMap(node) {
        if (typeof L === "undefined" || typeof topojson === "undefined") {
            return;
        }
        var map = L.map(node, {attributionControl: false, zoomSnap: 0.25, minZoom: 1, maxZoom: 9});
        switchView(map, "world");
        document.querySelectorAll("[data-map-view]").forEach(function (button) {
            button.addEventListener("click", function () { switchView(map, button.dataset.mapView); });
        });
        var atlas = fetch(node.dataset.atlas).then(function (response) { return response.json(); });
        Promise.all([atlas, fetchData(node)]).then(function (loaded) {
            var topo = loaded[0];
            var data = loaded[1];
            var countries = countryLayer(topo, data).addTo(map);
            var shown = markers(data.places, "#b45309").concat(markers(data.regions, "#1d4ed8"));
            shown.forEach(function (m) { m.addTo(map); });
            var partners = L.featureGroup(shown);
            countries.eachLayer(function (layer) {
                if (layer.options.className.indexOf("dashboard__country--partner") !== -1) {
                    partners.addLayer(layer);
                }
            });
            map.partnerBounds = partners.getBounds();
            var pressed = document.querySelector("[data-map-view][aria-pressed=true]");
            switchView(map, pressed ? pressed.dataset.mapView : "world");
            node.dataset.ready = "true";
        });
    }

    document.addEventListener("DOMContentLoaded", function () {
        var charts = document.getElementById("dashboard-charts");
        if (charts && charts.dataset.source) {
            fetchData(charts).then(drawCharts);
        }
        var map = document.getElementById("dashboard-map");
        if (map && map.dataset.source) {
            drawMap(map);
        }
    });
})();
