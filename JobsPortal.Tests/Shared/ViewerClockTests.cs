using JobsPortal.Shared;
using Microsoft.Extensions.Time.Testing;

namespace JobsPortal.Tests.Shared;

public sealed class ViewerClockTests
{
    private static readonly TimeZoneInfo Kolkata = ViewerClock.Find("Asia/Kolkata")!;
    private static readonly TimeZoneInfo Berlin = ViewerClock.Find("Europe/Berlin")!;

    [Theory]
    [InlineData("UTC")]
    [InlineData("Etc/UTC")]
    [InlineData("Etc/GMT")]
    public void A_browser_in_UTC_is_UTC_itself(string name) => Assert.Same(TimeZoneInfo.Utc, ViewerClock.Find(name));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("../../etc/passwd")]
    [InlineData("Europe/Berlin'; DROP TABLE Jobs; --")]
    public void An_unknown_zone_changes_nothing(string? name)
    {
        var clock = new ViewerClock(new FakeTimeProvider());
        clock.Use("Europe/Berlin");
        var changed = 0;
        clock.Changed += () => changed++;

        Assert.False(clock.Use(name));
        Assert.Equal(Berlin.Id, clock.Zone.Id);
        Assert.Equal(0, changed);
    }

    [Fact]
    public void A_new_zone_is_announced_once()
    {
        var clock = new ViewerClock(new FakeTimeProvider());
        var changed = 0;
        clock.Changed += () => changed++;

        Assert.True(clock.Use("Asia/Kolkata"));
        Assert.False(clock.Use("Asia/Kolkata"));
        Assert.Equal(1, changed);
        Assert.Equal(Kolkata.Id, clock.Zone.Id);
    }

    [Fact]
    public void A_person_who_reads_UTC_keeps_it_when_the_browser_names_its_zone()
    {
        var clock = new ViewerClock(new FakeTimeProvider());
        clock.Use("Asia/Kolkata");
        var changed = 0;
        clock.Changed += () => changed++;

        clock.ShowUtc(true);
        Assert.Same(TimeZoneInfo.Utc, clock.Zone);
        Assert.Equal(1, changed);

        // The browser's zone arriving later changes nothing on the page, but is kept for when they switch back.
        Assert.True(clock.Use("Europe/Berlin"));
        Assert.Same(TimeZoneInfo.Utc, clock.Zone);
        Assert.Equal(1, changed);

        clock.ShowUtc(false);
        Assert.Equal(Berlin.Id, clock.Zone.Id);
        Assert.Equal(2, changed);
    }

    [Fact]
    public void Choosing_UTC_in_a_browser_that_is_in_UTC_announces_nothing()
    {
        var clock = new ViewerClock(new FakeTimeProvider());
        var changed = 0;
        clock.Changed += () => changed++;

        clock.ShowUtc(true);

        Assert.True(clock.ShowsUtc);
        Assert.Equal(0, changed);
    }

    [Fact]
    public void A_timed_sentence_names_UTC_for_the_API_and_the_viewers_clock_on_a_page()
    {
        var sentence = new TimedSentence(new DateTime(2026, 11, 2, 20, 15, 0), at => $"Cancelled by {{Sara}} on {at}.");

        Assert.Equal("Cancelled by {Sara} on 2026-11-02 20:15 UTC.", sentence.InUtc);
        Assert.Equal("Cancelled by {Sara} on 2026-11-03 01:45.", sentence.In(Kolkata));
        Assert.Equal(sentence.InUtc, sentence.In(TimeZoneInfo.Utc));
    }

    [Fact]
    public void Times_are_written_on_the_viewers_clock_and_UTC_on_hover()
    {
        var utc = new DateTime(2026, 11, 2, 20, 15, 0, DateTimeKind.Utc);

        Assert.Equal("2026-11-03 01:45", ViewerClock.Minutes(utc, Kolkata));
        Assert.Equal("2026-11-02 21:15", ViewerClock.Minutes(utc, Berlin));
        Assert.Equal("2026-11-02 20:15", ViewerClock.Minutes(utc, TimeZoneInfo.Utc));
        Assert.Equal("2026-11-02 20:15 UTC", ViewerClock.UtcText(utc));
    }

    [Fact]
    public void The_zone_hint_names_the_zone_and_its_offset_now()
    {
        Assert.Equal("Asia/Kolkata (UTC+05:30)", ViewerClock.Label(Kolkata, new DateTime(2026, 11, 2, 0, 0, 0, DateTimeKind.Utc)));
        Assert.Equal("Europe/Berlin (UTC+02:00)", ViewerClock.Label(Berlin, new DateTime(2026, 7, 1, 0, 0, 0, DateTimeKind.Utc)));
        Assert.Equal("America/New_York (UTC-05:00)", ViewerClock.Label(ViewerClock.Find("America/New_York")!, new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc)));
        Assert.Equal("UTC", ViewerClock.Label(TimeZoneInfo.Utc, DateTime.UtcNow));
    }

    [Fact]
    public void Today_is_the_viewers_day()
    {
        var clock = new ViewerClock(new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 20, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2026, 11, 2), clock.Today);
        clock.Use("Asia/Kolkata");
        Assert.Equal(new DateOnly(2026, 11, 3), clock.Today);
    }

    [Fact]
    public void A_viewers_day_is_a_UTC_range_from_their_midnight_to_the_next()
    {
        var day = new DateOnly(2026, 11, 2);

        Assert.Equal(new DateTime(2026, 11, 1, 18, 30, 0, DateTimeKind.Utc), ViewerDays.Start(day, Kolkata));
        Assert.Equal(new DateTime(2026, 11, 2, 18, 30, 0, DateTimeKind.Utc), ViewerDays.EndExclusive(day, Kolkata));
        Assert.Equal(UtcDays.Start(day), ViewerDays.Start(day, TimeZoneInfo.Utc));
        Assert.Equal(UtcDays.EndExclusive(day), ViewerDays.EndExclusive(day, TimeZoneInfo.Utc));
        Assert.Equal(day, ViewerDays.DayOf(new DateTime(2026, 11, 1, 18, 30, 0, DateTimeKind.Utc), Kolkata));
        Assert.Equal(day.AddDays(-1), ViewerDays.DayOf(new DateTime(2026, 11, 1, 18, 29, 59, DateTimeKind.Utc), Kolkata));
    }

    [Fact]
    public void A_day_with_a_clock_change_is_23_or_25_hours_long()
    {
        // Berlin: summer time ends on 2026-10-25 (25 hours) and starts on 2026-03-29 (23 hours).
        Assert.Equal(TimeSpan.FromHours(25), ViewerDays.EndExclusive(new DateOnly(2026, 10, 25), Berlin) - ViewerDays.Start(new DateOnly(2026, 10, 25), Berlin));
        Assert.Equal(TimeSpan.FromHours(23), ViewerDays.EndExclusive(new DateOnly(2026, 3, 29), Berlin) - ViewerDays.Start(new DateOnly(2026, 3, 29), Berlin));
    }

    [Fact]
    public void A_midnight_the_clock_skips_starts_the_day_at_its_first_minute()
    {
        // Santiago moves its clocks from 00:00 to 01:00 on the first Sunday of September.
        var santiago = ViewerClock.Find("America/Santiago")!;
        var day = new DateOnly(2026, 9, 6);
        var start = ViewerDays.Start(day, santiago);

        Assert.True(santiago.IsInvalidTime(day.ToDateTime(TimeOnly.MinValue)));
        Assert.Equal(new DateTime(2026, 9, 6, 1, 0, 0), TimeZoneInfo.ConvertTimeFromUtc(start, santiago));
        Assert.Equal(ViewerDays.EndExclusive(day.AddDays(-1), santiago), start);
    }

    [Fact]
    public void The_edges_of_the_calendar_do_not_overflow()
    {
        var far = ViewerClock.Find("Pacific/Kiritimati")!; // UTC+14
        Assert.Equal(UtcDays.Start(DateOnly.MinValue), ViewerDays.Start(DateOnly.MinValue, far));
        Assert.Equal(UtcDays.EndExclusive(DateOnly.MaxValue), ViewerDays.EndExclusive(DateOnly.MaxValue, far));
        Assert.True(ViewerDays.EndExclusive(UtcDays.Latest, far) > ViewerDays.Start(UtcDays.Latest, far));
    }
}
