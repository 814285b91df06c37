using JobsPortal.Data.Entities;
using MudBlazor;

namespace JobsPortal.Components.Shared;

/// <summary>
/// How the app writes states and names, the same on every page. Times are written by
/// <see cref="LocalTime"/>, in the viewer's zone (Shared/ViewerClock).
/// </summary>
public static class Display
{
    public const string Missing = "—";

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
