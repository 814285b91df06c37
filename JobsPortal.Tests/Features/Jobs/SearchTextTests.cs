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
    [InlineData("ACR39", "ACR39")]
    [InlineData("ab1", "AB1")]
    public void Letters_then_digits_from_three_characters_are_an_account_number_or_its_start(string text, string prefix)
    {
        var parsed = SearchText.Parse(text);

        Assert.Equal(prefix, parsed.AccountPrefix);
        Assert.Null(parsed.FtsQuery);
    }

    [Theory]
    [InlineData("A1", "\"a1\"")]
    [InlineData("ACR", "\"acr\"*")]
    public void Shorter_or_without_digits_it_is_a_word(string text, string fts)
    {
        var parsed = SearchText.Parse(text);

        Assert.Null(parsed.AccountPrefix);
        Assert.Equal(fts, parsed.FtsQuery);
    }

    [Theory]
    // Words of three or more characters match as the start of a word.
    [InlineData("inst", "\"inst\"*")]
    [InlineData("Harbour Road", "\"harbour\"* \"road\"*")]
    // The last of several words does from two characters; other short words are whole words.
    [InlineData("victoria ro", "\"victoria\"* \"ro\"*")]
    [InlineData("12 harb", "\"12\" \"harb\"*")]
    [InlineData("victoria r", "\"victoria\"* \"r\"")]
    // A short word alone is that whole word: a one- or two-letter start would match most jobs.
    [InlineData("ro", "\"ro\"")]
    [InlineData(" 7 ", "\"7\"")]
    // Starts longer than the index's longest prefix are cut to it.
    [InlineData("Installation", "\"installa\"*")]
    [InlineData("INSTALLA", "\"installa\"*")]
    [InlineData("  o'Brien ", "\"o\" \"brien\"*")]
    [InlineData("\"NEAR(x* OR y)", "\"near\"* \"x\" \"or\" \"y\"")]
    [InlineData("57 Elm elm", "\"57\" \"elm\"*")]
    public void Anything_else_is_words_quoted_for_the_index_each_whole_or_as_a_start(string text, string fts) =>
        Assert.Equal(fts, SearchText.Parse(text).FtsQuery);

    [Theory]
    [InlineData("inst", "'inst':*")]
    [InlineData("victoria ro", "'victoria':* & 'ro':*")]
    [InlineData("12 harb", "'12' & 'harb':*")]
    [InlineData("ro", "'ro'")]
    [InlineData("Installation", "'installa':*")]
    [InlineData("\"NEAR(x* OR y) & !z | <->", "'near':* & 'x' & 'or' & 'y' & 'z'")]
    public void On_PostgreSQL_the_same_words_are_a_tsquery_each_quoted_a_start_as_a_prefix(string text, string tsQuery) =>
        Assert.Equal(tsQuery, SearchText.Parse(text).TsQuery);

    [Fact]
    public void The_terms_say_the_same_for_other_databases() =>
        Assert.Equal(
            [new SearchTerm("victoria", true), new SearchTerm("12", false), new SearchTerm("ro", true)],
            SearchText.Parse("Victoria 12 ro").Terms);

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
