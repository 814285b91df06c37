using System.Globalization;

namespace JobsPortal.Shared;

/// <summary>
/// How times, dates and yes/no are written, in one place. Machine-readable times (the API and the
/// CSV export) are ISO 8601 in UTC with a numeric offset, <c>2026-11-02T09:30:00+00:00</c>: the API
/// already promised "ISO 8601 with an offset" to integrations, so the export follows it rather than
/// the other way round, and a spreadsheet or parser reads both the same.
/// </summary>
public static class Formats
{
    /// <summary>Dates in URLs, inputs, file names and pages: <c>2026-11-02</c>.</summary>
    public const string Date = "yyyy-MM-dd";

    /// <summary>A time as people read it on a page: <c>2026-11-02 09:30</c>.</summary>
    public const string DateTimeMinutes = "yyyy-MM-dd HH:mm";

    /// <summary>ISO 8601 with the offset, to the second, for the API and the export.</summary>
    public static string IsoUtc(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string? IsoUtc(DateTime? utc) => utc is { } value ? IsoUtc(value) : null;

    public static string DateText(DateOnly date) => date.ToString(Date, CultureInfo.InvariantCulture);

    /// <summary>A date as a person typed or pasted it, brought into <see cref="UtcDays.Earliest"/>..<see cref="UtcDays.Latest"/>; null when it is not one.</summary>
    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, Date, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? UtcDays.Clamp(date) : null;

    /// <summary>"2026-11-02 09:30" (UTC).</summary>
    public static string Minutes(DateTime utc) => utc.ToString(DateTimeMinutes, CultureInfo.InvariantCulture);

    public static string YesNo(bool value) => value ? "yes" : "no";
}
