using System.Net;
using JobsPortal.Data.Entities;
using JobsPortal.Features.Cancellation;
using JobsPortal.Features.Review;
using JobsPortal.Shared;
using JobsPortal.Tests.Features.Api;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace JobsPortal.Tests.Security;

/// <summary>
/// "500 characters" means what a person sees: an emoji, a flag or a letter with its accent is one
/// character, in the dialogs' counters, the services and the API alike; and a "character" built from
/// thousands of combining marks does not slip through.
/// </summary>
public sealed class HostileTextTests(SeededTemplate template) : IClassFixture<SeededTemplate>
{
    private const string Family = "👨‍👩‍👧‍👦";

    public static TheoryData<string, int> Lengths => new()
    {
        { "abc", 3 },
        { "e\u0301", 1 },
        { "😀😀", 2 },
        { Family, 1 },
        { "🇨🇾", 1 },
        { "\u202eabc\u200b", 5 },
        { "a\u0000b", 3 },
    };

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Characters_are_counted_as_they_show(string text, int length)
    {
        Assert.Equal(length, VisibleText.Length(text));
        Assert.True(VisibleText.Fits(text, length));
        Assert.False(VisibleText.Fits(text, length - 1));
    }

    [Fact]
    public void Truncating_never_cuts_a_character_in_half()
    {
        var text = string.Concat(Enumerable.Repeat(Family + "😀", 300));

        var cut = VisibleText.Truncate(text, 201);

        Assert.Equal(201, VisibleText.Length(cut));
        Assert.EndsWith(Family, cut, StringComparison.Ordinal);
    }

    public static TheoryData<string, bool> Notes => new()
    {
        { string.Concat(Enumerable.Repeat("😀", CancelJobCommand.NoteMaxLength)), true },
        { string.Concat(Enumerable.Repeat(Family, CancelJobCommand.NoteMaxLength)), true },
        { string.Concat(Enumerable.Repeat("e\u0301", CancelJobCommand.NoteMaxLength)), true },
        { string.Concat(Enumerable.Repeat("😀", CancelJobCommand.NoteMaxLength + 1)), false },
        { "Z" + new string('\u0301', 10_000), false },
    };

    [Theory]
    [MemberData(nameof(Notes))]
    public async Task The_cancel_service_counts_a_notes_characters_as_a_person_does(string note, bool accepted)
    {
        await using var db = await template.CloneAsync();
        Job job;
        await using (var context = db.CreateContext())
        {
            job = await context.Jobs.AsNoTracking().Where(j => j.LifeCycleState == LifeCycleState.PENDING).OrderBy(j => j.Id).FirstAsync();
        }
        var before = await DbSnapshot.TakeAsync(db.Factory);

        var result = await db.Service<CancellationService>().CancelAsync(new CancelJobCommand(
            EntityIdentifier.Of("number", job.Number), await db.PrincipalAsync(DemoPeople.Agent), CancellationChannel.PORTAL, Note: note));

        Assert.Equal(accepted, result.Succeeded);
        await using var after = db.CreateContext();
        if (accepted)
        {
            Assert.Equal(note, await after.JobCancellations.Where(c => c.JobId == job.Id).Select(c => c.Note).SingleAsync());
        }
        else
        {
            Assert.Equal(CancelErrorCodes.NoteTooLong, result.Error!.Code);
            Assert.Equal(before, await DbSnapshot.TakeAsync(db.Factory));
        }
    }

    [Theory]
    [InlineData(500, true)]
    [InlineData(501, false)]
    public async Task A_review_comment_counts_its_characters_as_a_person_does(int emoji, bool accepted)
    {
        await using var db = await template.CloneAsync();
        var supervisor = await db.PrincipalAsync(DemoPeople.Supervisor);
        int target;
        await using (var context = db.CreateContext())
        {
            var saraId = await context.Users.Where(u => u.Email == DemoPeople.Supervisor).Select(u => u.Id).SingleAsync();
            target = await context.JobCancellations.Where(c => c.CancelledByUserId != saraId).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        }
        var before = await DbSnapshot.TakeAsync(db.Factory);

        var result = await db.Service<CancellationReviewService>().ReviewManyAsync(
            supervisor, [target], ReviewState.Flagged, string.Concat(Enumerable.Repeat("🚩", emoji)));

        Assert.Equal(accepted, result.Succeeded);
        Assert.Equal(accepted ? before.Reviews + 1 : before.Reviews, (await DbSnapshot.TakeAsync(db.Factory)).Reviews);
    }
}

/// <summary>The API takes a note of 500 emoji (1,000 UTF-16 units), which it refused as too long.</summary>
public sealed class HostileNoteApiTests(HostileAppFactory factory) : IClassFixture<HostileAppFactory>
{
    [Fact]
    public async Task The_api_keeps_a_note_of_500_emoji()
    {
        await using var app = await factory.CloneAsync();
        var api = app.Api();
        Job job;
        await using (var db = await app.Db.CreateDbContextAsync())
        {
            job = await db.Jobs.AsNoTracking().Where(j => j.LifeCycleState == LifeCycleState.PENDING).OrderBy(j => j.Id).FirstAsync();
        }
        var note = string.Concat(Enumerable.Repeat("😀", CancelJobCommand.NoteMaxLength));

        var response = await api.PostAsync("jobs/all_scopes/cancel", new { job_identifier = new { number = job.Number }, note }, await api.TokenAsync());

        ApiAssert.Ok(response);
        Assert.Equal(HttpStatusCode.OK, response.Status);
        await using var after = await app.Db.CreateDbContextAsync();
        Assert.Equal(note, await after.JobCancellations.Where(c => c.JobId == job.Id).Select(c => c.Note).SingleAsync());
    }
}
