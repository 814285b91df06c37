using JobsPortal.Shared;

namespace JobsPortal.Tests.Shared;

/// <summary>A sentence that names a moment: in UTC for the API and stored records, on the viewer's clock on a page.</summary>
public sealed class TimedSentenceTests
{
    private static readonly DateTime At = new(2026, 11, 2, 20, 15, 0, DateTimeKind.Utc);
    private static readonly TimeZoneInfo Kolkata = ViewerClock.Find("Asia/Kolkata")!;

    [Fact]
    public void The_same_sentence_reads_in_utc_or_on_the_viewers_clock()
    {
        var sentence = new TimedSentence(At, at => $"Already cancelled by Sara Khan on {at}.");

        Assert.Equal("Already cancelled by Sara Khan on 2026-11-02 20:15 UTC.", sentence.InUtc);
        Assert.Equal("Already cancelled by Sara Khan on 2026-11-03 01:45.", sentence.In(Kolkata));
        Assert.Equal(sentence.InUtc, sentence.In(TimeZoneInfo.Utc));
    }

    [Fact]
    public void A_stored_sentence_is_restamped_to_read_as_a_fresh_one_does()
    {
        var sentence = new TimedSentence(At, at => $"Job J00000418 was already cancelled by Sara Khan on {at}.");

        Assert.Equal(sentence.In(Kolkata), TimedSentence.Restamp(sentence.InUtc, Kolkata));
        Assert.Equal(sentence.InUtc, TimedSentence.Restamp(sentence.InUtc, TimeZoneInfo.Utc));
    }

    [Theory]
    [InlineData("Completed: only draft, pending or in-progress jobs can be cancelled.")]
    [InlineData("Job J00000418 costs 2026-11-02 20:15 UTCX nothing")]
    [InlineData("Not a time: 2026-13-45 99:99 UTC.")]
    public void Text_without_a_stored_utc_time_is_left_as_it_is(string stored) =>
        Assert.Equal(stored, TimedSentence.Restamp(stored, Kolkata));
}
