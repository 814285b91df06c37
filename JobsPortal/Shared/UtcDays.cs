namespace JobsPortal.Shared;

/// <summary>
/// The days a filter may name, and those days as UTC times. A date in an address or a date box can be
/// anything from 0001-01-01 to 9999-12-31, and the edges break things: the day after 9999-12-31 does
/// not exist, and a filter over eight thousand years is no filter. So every date read from a person is
/// brought into <see cref="Earliest"/>..<see cref="Latest"/> (<see cref="Clamp"/>; JobsPortal holds no
/// job outside them), and the conversions to times never step past the edge of <see cref="DateTime"/>.
/// </summary>
public static class UtcDays
{
    public static readonly DateOnly Earliest = new(1900, 1, 1);
    public static readonly DateOnly Latest = new(2100, 12, 31);

    public static DateOnly Clamp(DateOnly day) => day < Earliest ? Earliest : day > Latest ? Latest : day;

    /// <summary>The first instant of <paramref name="day"/>, UTC.</summary>
    public static DateTime Start(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    /// <summary>The first instant after <paramref name="day"/>, UTC: the exclusive end of a range that includes the whole day.</summary>
    public static DateTime EndExclusive(DateOnly day) =>
        day == DateOnly.MaxValue ? DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc) : Start(day.AddDays(1));
}
