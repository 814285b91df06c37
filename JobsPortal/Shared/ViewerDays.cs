namespace JobsPortal.Shared;

/// <summary>
/// A person's day as UTC times. Date filters name the viewer's days ("cancelled on 2026-11-02" means
/// that day on the viewer's clock, which is what a person in Berlin or Manila expects), so the page
/// states turn them into UTC ranges here before they reach a query; with <see cref="TimeZoneInfo.Utc"/>
/// these are <see cref="UtcDays"/>. A midnight that a clock change skips (some zones move at 00:00)
/// starts the day at the first minute that exists.
/// </summary>
public static class ViewerDays
{
    /// <summary>The first instant of <paramref name="day"/> in <paramref name="zone"/>, as UTC.</summary>
    public static DateTime Start(DateOnly day, TimeZoneInfo zone)
    {
        if (day <= DateOnly.MinValue.AddDays(1))
        {
            return UtcDays.Start(day);
        }
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // A skipped midnight: the day starts when the clock starts it (never more than a few hours on).
        for (var i = 0; i < 24 * 4 && zone.IsInvalidTime(local); i++)
        {
            local = local.AddMinutes(15);
        }
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    /// <summary>The first instant after <paramref name="day"/> in <paramref name="zone"/>, as UTC: the exclusive end of a range that includes the whole day.</summary>
    public static DateTime EndExclusive(DateOnly day, TimeZoneInfo zone) =>
        day >= DateOnly.MaxValue.AddDays(-1) ? UtcDays.EndExclusive(day) : Start(day.AddDays(1), zone);

    /// <summary>The viewer's day that <paramref name="utc"/> falls on.</summary>
    public static DateOnly DayOf(DateTime utc, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));
}

/// <summary>What a date filter says about its days: "Days in Europe/Berlin", or "UTC days".</summary>
public static class ViewerDaysHint
{
    public static string Of(TimeZoneInfo zone) => zone == TimeZoneInfo.Utc ? "UTC days" : $"Days in {zone.Id}";
}
