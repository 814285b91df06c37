namespace JobsPortal.Components.Shared;

/// <summary>A grid column a person may hide (<see cref="ColumnChooser"/>): its stable key, as stored, and its title.</summary>
public sealed record ColumnChoice(string Key, string Title);

/// <summary>The hidden columns as a preference value: "type,status". Keys the grid no longer offers are dropped on reading.</summary>
public static class HiddenColumns
{
    public static IReadOnlySet<string> Parse(string? value, IEnumerable<ColumnChoice> offered)
    {
        var keys = offered.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        return (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(keys.Contains)
            .ToHashSet(StringComparer.Ordinal);
    }

    public static string Write(IEnumerable<string> hidden) => string.Join(',', hidden.Order(StringComparer.Ordinal));
}
