using System.Globalization;
using System.Text;
using JobsPortal.Data.Entities;
using JobsPortal.Features.Jobs;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace JobsPortal.Tests.Features.Jobs;

/// <summary>
/// What the words of the search box find in descriptions: whole words and word starts, case and
/// accents ignored, through the full-text index (the rules themselves are in <see cref="SearchTextTests"/>).
/// </summary>
public abstract class JobSearchWordTests(SearchFixture fixture)
{
    private async Task AssertFinds(string text, Func<HashSet<string>, bool> words)
    {
        var expected = SearchFixture.NewestFirst(fixture.Jobs.Where(j => words(Words(j.Description))));
        Assert.NotEmpty(expected);

        var page = await fixture.Service.SearchAsync(new JobSearchQuery { Text = text, PageSize = 100 });

        Assert.Equal(expected.Count, page.Total);
        Assert.Equal(expected.Take(100), page.Rows.Select(r => r.Number));
    }

    private static bool Starts(HashSet<string> words, string start) => words.Any(w => w.StartsWith(start, StringComparison.Ordinal));

    [Fact]
    public Task A_whole_word_finds_it_in_any_case() =>
        AssertFinds("HARBOUR", words => Starts(words, "harbour"));

    [Theory]
    [InlineData("inst", "inst")]
    [InlineData("Harb", "harb")]
    [InlineData("installation", "installa")]
    public Task The_start_of_a_word_finds_every_word_that_starts_so(string text, string start) =>
        AssertFinds(text, words => Starts(words, start));

    [Fact]
    public Task The_start_of_the_last_word_counts_from_two_letters() =>
        AssertFinds("victoria ro", words => Starts(words, "victoria") && Starts(words, "ro"));

    [Fact]
    public Task Several_words_must_all_be_in_the_description() =>
        AssertFinds("station, limassol", words => Starts(words, "station") && Starts(words, "limassol"));

    [Fact]
    public Task A_short_word_before_others_is_a_whole_word()
    {
        var number = fixture.Jobs.Select(j => Words(j.Description)).Where(words => words.Contains("road"))
            .SelectMany(words => words).First(w => w.All(char.IsAsciiDigit) && w.Length <= 2);
        return AssertFinds(number + " road", words => words.Contains(number) && Starts(words, "road"));
    }

    [Theory]
    [InlineData("ro")]
    [InlineData("r")]
    public async Task One_or_two_letters_alone_find_only_that_whole_word(string text)
    {
        // Every demo description has words starting with r (Road, Riverside...), none the word itself.
        Assert.Contains(fixture.Jobs, j => Starts(Words(j.Description), text));

        var page = await fixture.Service.SearchAsync(new JobSearchQuery { Text = text });

        Assert.Equal(0, page.Total);
    }

    [Fact]
    public async Task Search_operators_typed_in_the_box_are_taken_as_words()
    {
        var page = await fixture.Service.SearchAsync(new JobSearchQuery { Text = "harbour OR \"NEAR(x\" *" });

        Assert.Equal(0, page.Total);
    }

    [Theory]
    [InlineData("road", true)]
    [InlineData("road", false)]
    [InlineData("roa", true)]
    [InlineData("victoria ro", true)]
    [InlineData("victoria ro", false)]
    public async Task A_common_word_gives_the_same_page_whichever_way_the_database_is_asked(string text, bool countCapped)
    {
        // Past the count cap the service walks the sort order and asks the index about each job;
        // under it, it reads the matches from the index and sorts them. Both must agree.
        var terms = SearchText.Parse(text).Terms;
        var expected = SearchFixture.NewestFirst(fixture.Jobs.Where(j => terms.All(t => Starts(Words(j.Description), t.Word))));
        var service = new JobSearchService(fixture.Db.Factory) { CountCap = countCapped ? 10 : 10_000 };

        var first = await service.SearchAsync(new JobSearchQuery { Text = text });
        var third = await service.SearchAsync(new JobSearchQuery { Text = text, Page = 2 });

        Assert.Equal(countCapped, first.TotalIsCapped);
        Assert.Equal(countCapped ? 10 : expected.Count, first.Total);
        Assert.Equal(expected.Take(25), first.Rows.Select(r => r.Number));
        Assert.Equal(expected.Skip(50).Take(25), third.Rows.Select(r => r.Number));
    }

    [Fact]
    public async Task Accents_and_case_do_not_matter_in_whole_words_or_starts()
    {
        await using var db = await TestDatabase.CreateAsync(demoJobs: 20, provider: fixture.Provider);
        int id;
        await using (var context = db.CreateContext())
        {
            var template = await context.Jobs.AsNoTracking().FirstAsync();
            var job = new Job
            {
                Number = "J90000001", Description = "Réparation chez Müller, Ελληνική οδός", LifeCycleState = LifeCycleState.PENDING,
                JobTypeId = template.JobTypeId, JobStatusId = template.JobStatusId,
            };
            context.Jobs.Add(job);
            await context.SaveChangesAsync();
            id = job.Id;
        }
        var search = new JobSearchService(db.Factory);

        foreach (var text in new[] { "reparation", "RÉPAR", "muller", "mül", "ΕΛΛ", "Müller οδ" })
        {
            var page = await search.SearchAsync(new JobSearchQuery { Text = text });
            Assert.True(page.Total == 1 && page.Rows[0].Id == id, $"\"{text}\" should find the job alone, found {page.Total}.");
        }
    }

    /// <summary>The words of a description as the index cuts them: letters and digits, lower case, without accents.</summary>
    private static HashSet<string> Words(string text) =>
        [.. System.Text.RegularExpressions.Regex.Matches(WithoutAccents(text.ToLowerInvariant()), @"[\p{L}\p{N}]+").Select(m => m.Value)];

    private static string WithoutAccents(string text) =>
        new([.. text.Normalize(NormalizationForm.FormD).Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)]);
}

/// <summary>The word tests on SQLite (FTS5) and on PostgreSQL (tsvector): one body, two databases.</summary>
public sealed class SqliteJobSearchWordTests(SearchFixture fixture) : JobSearchWordTests(fixture), IClassFixture<SearchFixture>;

public sealed class PostgreSqlJobSearchWordTests(PostgreSqlSearchFixture fixture) : JobSearchWordTests(fixture), IClassFixture<PostgreSqlSearchFixture>;
