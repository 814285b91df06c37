// The browser's time zone, read once per circuit by the layout (Shared/ViewerClock.cs). It is also
// kept in a cookie (see jobsportal.js) so the server's first paint is already in the viewer's zone.
export function timeZone() {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
    document.cookie = "jobsportal-tz=" + encodeURIComponent(zone) + "; path=/; max-age=31536000; samesite=lax";
    return zone;
}
