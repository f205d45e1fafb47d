/* Title suggestions under the search box (templates/search/search.html). */
(function () {
    var input = document.getElementById("q"), list = document.getElementById("search-suggestions"), timer;
    if (!input || !window.fetch) return;
    input.addEventListener("input", function () {
        clearTimeout(timer);
        timer = setTimeout(function () {
            if (input.value.length < 2) return;
            fetch(input.dataset.suggestUrl + "?q=" + encodeURIComponent(input.value))
                .then(function (r) { return r.json(); })
                .then(function (data) {
                    list.replaceChildren.apply(list, data.suggestions.map(function (title) {
                        var option = document.createElement("option"); option.value = title; return option;
                    }));
                }).catch(function () {});
        }, 200);
    });
})();
