// Small helpers the Blazor components call through JS interop.
window.jobsPortal = {
    // The theme choice is kept in a cookie so the server renders the right theme on the next visit.
    setTheme: function (mode) {
        document.cookie = "jobsportal-theme=" + mode + "; path=/; max-age=31536000; samesite=lax";
    }
};
