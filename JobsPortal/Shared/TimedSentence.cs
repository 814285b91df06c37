namespace JobsPortal.Shared;

/// <summary>
/// A sentence for a person that names a moment ("Job J… was already cancelled by Sara Khan on …"),
/// written once by the service that knows what happened, with the time filled in by whoever shows it:
/// the API, a stored record and the CSV read it in UTC (<see cref="InUtc"/>, "2026-11-02 09:30 UTC",
/// the API's contract), a page in the viewer's zone (<see cref="In"/>, as <see cref="ViewerClock"/>
/// writes every time on a page). The sentence is a function of the written time rather than a format
/// string, so a name with braces in it cannot break it.
/// </summary>
public sealed class TimedSentence(DateTime atUtc, Func<string, string> write)
{
    public DateTime AtUtc { get; } = DateTime.SpecifyKind(atUtc, DateTimeKind.Utc);

    /// <summary>The sentence with the time in UTC, saying so.</summary>
    public string InUtc => write(ViewerClock.UtcText(AtUtc));

    /// <summary>The sentence with the time on the viewer's clock; in UTC (and saying so) when that is the viewer's zone.</summary>
    public string In(TimeZoneInfo zone) => zone == TimeZoneInfo.Utc ? InUtc : write(ViewerClock.Minutes(AtUtc, zone));

    public override string ToString() => InUtc;
}
