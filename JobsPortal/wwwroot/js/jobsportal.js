// The browser's time zone, kept in a cookie on every page (the sign-in page included) so the server
// renders times in the viewer's zone from the first paint (Shared/ViewerClock.cs).
(function () {
    try {
        const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
        if (zone) {
            document.cookie = "jobsportal-tz=" + encodeURIComponent(zone) + "; path=/; max-age=31536000; samesite=lax";
        }
    } catch (e) {
        // No Intl time zone: the pages stay in UTC and say so.
    }
})();

// Small helpers the Blazor components call through JS interop.
window.jobsPortal = {
    // The theme choice is kept in a cookie so the server renders the right theme on the next visit.
    setTheme: function (mode) {
        document.cookie = "jobsportal-theme=" + mode + "; path=/; max-age=31536000; samesite=lax";
    },

    // Submits a form of the page (sign-out from the user menu: a POST with its antiforgery token).
    submitForm: function (id) {
        document.getElementById(id)?.requestSubmit();
    },

    // Moves the keyboard focus to the first element matching the selector inside the container
    // ("skip to results"); to the container itself when there is none.
    focusFirst: function (container, selector) {
        if (!container) {
            return;
        }
        const target = container.querySelector(selector);
        if (target) {
            target.focus();
        } else {
            container.tabIndex = -1;
            container.focus();
        }
    },

    // The job grid's rows (tabindex 0 in its markup) open their job on click; this opens them on Enter
    // as well, in the browser, without a server round trip per key press.
    focusableRows: function (container) {
        if (!container || container.dataset.focusableRows) {
            return;
        }
        container.dataset.focusableRows = "true";
        container.addEventListener("keydown", function (e) {
            if (e.key === "Enter" && e.target instanceof HTMLElement && e.target.matches("tr.job-row")) {
                e.preventDefault();
                e.target.click();
            }
        });
    }
};
