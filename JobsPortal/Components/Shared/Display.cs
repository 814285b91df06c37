using System.Globalization;
using JobsPortal.Data.Entities;
using MudBlazor;

namespace JobsPortal.Components.Shared;

/// <summary>
/// How the app writes times, states and names, the same on every page. Times are stored in UTC
/// and shown in UTC, said so on the page: one zone for everyone who reads the same job.
/// </summary>
public static class Display
{
    public const string Missing = "—";

    /// <summary>"2026-11-02 09:30" (UTC): for grids, whose header says the zone once.</summary>
    public static string DateTime(DateTime? utc) =>
        utc is { } value ? value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : Missing;

    /// <summary>"2026-11-02 09:30 UTC".</summary>
    public static string DateTimeUtc(DateTime? utc) =>
        utc is { } value ? value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC" : Missing;

    public static string Text(string? value) => string.IsNullOrWhiteSpace(value) ? Missing : value;

    /// <summary>"IN_PROGRESS" becomes "In progress"; for the wire names of other enums.</summary>
    public static string Words<TEnum>(TEnum value) where TEnum : struct, Enum
    {
        var text = value.ToString().Replace('_', ' ').ToLowerInvariant();
        return string.Concat(text[..1].ToUpperInvariant(), text[1..]);
    }

    public static Color StateColor(LifeCycleState state) => state switch
    {
        LifeCycleState.DRAFT => Color.Default,
        LifeCycleState.PENDING => Color.Info,
        LifeCycleState.IN_PROGRESS => Color.Warning,
        LifeCycleState.COMPLETED => Color.Success,
        LifeCycleState.CANCELLED => Color.Error,
        _ => Color.Default,
    };
}
