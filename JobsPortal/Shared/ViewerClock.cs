using System.Globalization;

namespace JobsPortal.Shared;

/// <summary>
/// The viewer's time zone, one per circuit (scoped), and the one place that turns a stored UTC time
/// into the time a person reads, and a person's day into UTC times for a query. The zone is the
/// browser's: <c>js/jobsportal.js</c> keeps it in a cookie on every page (so the prerendered first paint,
/// and the first render of the circuit, are already in the viewer's zone), and the layout reads it
/// once per circuit from <c>js/viewer-clock.js</c>, which is the truth when the two differ. Without
/// either (a first visit, a browser that says nothing usable) it is UTC, and the pages say so.
/// A person may also choose to read every time in UTC (the account menu's "Show times in UTC", kept
/// per person under <see cref="PreferenceKey"/>): the way to the UTC time for those who cannot
/// hover, keyboard and screen-reader users, without a tab stop per time on the page.
/// Machine-readable times (the API, the CSV export) do not come here: they stay ISO UTC (<see cref="Formats.IsoUtc(DateTime)"/>).
/// </summary>
public sealed class ViewerClock(TimeProvider clock)
{
    /// <summary>The cookie <c>js/jobsportal.js</c> writes: the browser's IANA zone name.</summary>
    public const string CookieName = "jobsportal-tz";

    /// <summary>The name under which the layout cascades <see cref="Zone"/>: times redraw when it changes.</summary>
    public const string ZoneCascade = "ViewerZone";

    /// <summary>The person's choice in <see cref="UserPreferences"/>: <see cref="UtcPreference"/> or <see cref="ZonePreference"/>.</summary>
    public const string PreferenceKey = "times";
    public const string UtcPreference = "utc";
    public const string ZonePreference = "zone";

    private const int MaxZoneNameLength = 64;

    /// <summary>The zone times are shown in: UTC when the person chose it, else the browser's.</summary>
    public TimeZoneInfo Zone => ShowsUtc ? TimeZoneInfo.Utc : BrowserZone;

    /// <summary>The browser's zone, whether or not the person reads times in it.</summary>
    public TimeZoneInfo BrowserZone { get; private set; } = TimeZoneInfo.Utc;

    /// <summary>True when the person chose to read times in UTC.</summary>
    public bool ShowsUtc { get; private set; }

    /// <summary>Raised when <see cref="Zone"/> changes: the browser's zone differed from its cookie's, or the person chose UTC or their zone.</summary>
    public event Action? Changed;

    /// <summary>Takes the zone a browser named; an unknown or malformed name changes nothing. True when the browser's zone changed.</summary>
    public bool Use(string? zoneName)
    {
        if (Find(zoneName) is not { } zone || zone.Id == BrowserZone.Id)
        {
            return false;
        }
        BrowserZone = zone;
        if (!ShowsUtc)
        {
            Changed?.Invoke();
        }
        return true;
    }

    /// <summary>Times in UTC (<paramref name="utc"/>) or in the browser's zone, as the person chose.</summary>
    public void ShowUtc(bool utc)
    {
        if (utc == ShowsUtc)
        {
            return;
        }
        var before = Zone;
        ShowsUtc = utc;
        if (Zone != before)
        {
            Changed?.Invoke();
        }
    }

    /// <summary>
    /// The zone an IANA name (as browsers give it) names; null for an unknown, empty or over-long one.
    /// "UTC", "Etc/UTC" and the like are <see cref="TimeZoneInfo.Utc"/> itself, so one comparison tells UTC.
    /// </summary>
    public static TimeZoneInfo? Find(string? zoneName)
    {
        if (string.IsNullOrWhiteSpace(zoneName) || zoneName.Length > MaxZoneNameLength
            || !TimeZoneInfo.TryFindSystemTimeZoneById(zoneName.Trim(), out var zone))
        {
            return null;
        }
        return zone.BaseUtcOffset == TimeSpan.Zero && !zone.SupportsDaylightSavingTime ? TimeZoneInfo.Utc : zone;
    }

    /// <summary>Today, in the viewer's zone: the end of "the last 30 days".</summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, Zone));

    /// <summary>A zone as the pages name it: "Europe/Berlin (UTC+01:00)" (its offset now), or "UTC".</summary>
    public string LabelOf(TimeZoneInfo zone) => Label(zone, clock.GetUtcNow().UtcDateTime);

    public static string Label(TimeZoneInfo zone, DateTime utcNow)
    {
        if (zone == TimeZoneInfo.Utc)
        {
            return "UTC";
        }
        var offset = zone.GetUtcOffset(utcNow);
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return $"{zone.Id} (UTC{sign}{offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture)})";
    }

    /// <summary>"2026-11-02 10:30": a stored UTC time as the viewer reads it.</summary>
    public static string Minutes(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone).ToString(Formats.DateTimeMinutes, CultureInfo.InvariantCulture);

    public string Minutes(DateTime utc) => Minutes(utc, Zone);

    /// <summary>"2026-11-02 09:30 UTC": what the hover shows.</summary>
    public static string UtcText(DateTime utc) => Formats.Minutes(utc) + " UTC";
}
