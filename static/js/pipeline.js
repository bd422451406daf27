// Pipeline board: drag a card onto a column to ask the server for the move to that step.
// The server decides everything: it answers with the updated board (HX-Retarget) on success,
// or with the card and the reasons it was not moved. Without JavaScript, each card's
// "Move to" form does the same job.
(function () {
    "use strict";

    function csrfToken() {
        var headers = document.body.getAttribute("hx-headers");
        if (headers) {
            try {
                return JSON.parse(headers)["X-CSRFToken"] || "";
            } catch (error) {
                // fall through to the cookie
            }
        }
        var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
        return match ? decodeURIComponent(match[1]) : "";
    }

    // The server's answer is one of its own (autoescaped) templates. It is parsed into a
    // separate, inert document, where nothing loads or runs, and only then moved into the page.
    function replaceWith(element, html) {
        var holder = new DOMParser().parseFromString(html, "text/html").body;
        var fresh = holder.querySelector("#" + element.id) || holder.firstElementChild;
        holder.querySelectorAll("[hx-swap-oob]").forEach(function (oob) {
            var current = document.getElementById(oob.id);
            if (current) {
                oob.removeAttribute("hx-swap-oob");
                current.replaceWith(oob);
            }
        });
        element.replaceWith(fresh);
        if (window.htmx) {
            window.htmx.process(fresh);
        }
    }

    function move(card, target) {
        var board = document.getElementById("pipeline-board");
        var body = new URLSearchParams({
            target: target,
            expected_state: card.dataset.state,
            board: board.dataset.board
        });
        card.classList.add("pcard--moving");
        fetch(card.dataset.moveUrl + window.location.search, {
            method: "POST",
            headers: {"X-CSRFToken": csrfToken(), "HX-Request": "true"},
            body: body,
            credentials: "same-origin"
        }).then(function (response) {
            return response.text().then(function (html) {
                var whole = response.headers.get("HX-Retarget") === "#pipeline-board";
                replaceWith(whole ? board : card, html);
            });
        }).catch(function () {
            card.classList.remove("pcard--moving");
        });
    }

    document.addEventListener("dragstart", function (event) {
        var card = event.target.closest && event.target.closest(".pcard[draggable=true]");
        if (!card) {
            return;
        }
        event.dataTransfer.setData("text/plain", card.id);
        event.dataTransfer.effectAllowed = "move";
        card.classList.add("pcard--dragging");
    });

    document.addEventListener("dragend", function (event) {
        var card = event.target.closest && event.target.closest(".pcard");
        if (card) {
            card.classList.remove("pcard--dragging");
        }
        document.querySelectorAll(".board__column--over").forEach(function (column) {
            column.classList.remove("board__column--over");
        });
    });

    document.addEventListener("dragover", function (event) {
        var column = event.target.closest && event.target.closest(".board__column");
        if (column) {
            event.preventDefault();
            event.dataTransfer.dropEffect = "move";
            column.classList.add("board__column--over");
        }
    });

    document.addEventListener("dragleave", function (event) {
        var column = event.target.closest && event.target.closest(".board__column");
        if (column && !column.contains(event.relatedTarget)) {
            column.classList.remove("board__column--over");
        }
    });

    document.addEventListener("drop", function (event) {
        var column = event.target.closest && event.target.closest(".board__column");
        if (!column) {
            return;
        }
        event.preventDefault();
        column.classList.remove("board__column--over");
        var card = document.getElementById(event.dataTransfer.getData("text/plain"));
        if (card && card.dataset.moveUrl && card.dataset.state !== column.dataset.state) {
            move(card, column.dataset.state);
        }
    });
})();
