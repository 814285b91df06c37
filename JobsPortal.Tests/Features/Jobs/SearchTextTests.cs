using JobsPortal.Features.Jobs;

namespace JobsPortal.Tests.Features.Jobs;

public sealed class SearchTextTests
{
    [Theory]
    [InlineData("J00000418", "J00000418", true)]
    [InlineData(" j0000 ", "J0000", false)]
    [InlineData("J1", "J1", false)]
    public void A_job_number_or_its_start_is_a_number(string text, string prefix, bool complete)
    {
        var parsed = SearchText.Parse(text);

        Assert.Equal(prefix, parsed.NumberPrefix);
        Assert.Equal(complete, parsed.NumberIsComplete);
        Assert.Null(parsed.FtsQuery);
    }

    [Theory]
    [InlineData("acr000123", "ACR000123")]
    [InlineData("ACR0001", "ACR0001")]
    public void Letters_then_digits_are_an_account_number(string text, string prefix) =>
        Assert.Equal(prefix, SearchText.Parse(text).AccountPrefix);

    [Theory]
    [InlineData("Harbour Road", "\"harbour\" \"road\"")]
    [InlineData("  o'Brien ", "\"o\" \"brien\"")]
    [InlineData("\"NEAR(x* OR y)", "\"near\" \"x\" \"or\" \"y\"")]
    [InlineData("57 Elm elm", "\"57\" \"elm\"")]
    public void Anything_else_is_whole_words_quoted_for_the_index(string text, string fts) =>
        Assert.Equal(fts, SearchText.Parse(text).FtsQuery);

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    [InlineData("-- ,")]
    public void Blank_or_punctuation_is_no_search(string? text)
    {
        var parsed = SearchText.Parse(text);

        Assert.Null(parsed.NumberPrefix);
        Assert.Null(parsed.AccountPrefix);
        Assert.Null(parsed.FtsQuery);
    }

    [Fact]
    public void Only_a_whole_number_opens_a_job()
    {
        Assert.True(SearchText.IsCompleteJobNumber("j00000042", out var number));
        Assert.Equal("J00000042", number);
        Assert.False(SearchText.IsCompleteJobNumber("J0000004", out _));
        Assert.False(SearchText.IsCompleteJobNumber("harbour", out _));
    }
}
