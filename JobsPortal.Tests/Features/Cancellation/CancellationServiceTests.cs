using JobsPortal.Shared;
using JobsPortal.Data.Entities;
using JobsPortal.Features.Cancellation;
using JobsPortal.Features.Jobs;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JobsPortal.Tests.Features.Cancellation;

/// <summary>The cancel's rules; the guarantees around them (races, changes, who may, live pages) are in the other part.</summary>
public abstract partial class CancellationServiceTests(SeededTemplate template)
{
    private SeededTemplate Template => template;

    private const string Agent = "maria.lopez@example.com";

    private static CancellationService Service(TestDatabase db) => db.Service<CancellationService>();

    private static async Task<string> UserIdAsync(TestDatabase db, string email = Agent)
    {
        await using var context = db.CreateContext();
        return await context.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    /// <summary>A cancellable job of the given type code that has both pending and provided items.</summary>
    private static async Task<Job> JobWithPendingAndProvidedItemsAsync(TestDatabase db, string? typeCode = null)
    {
        await using var context = db.CreateContext();
        return await context.Jobs.AsNoTracking().Include(j => j.Items).Include(j => j.JobType)
            .Where(j => j.LifeCycleState == LifeCycleState.IN_PROGRESS)
            .Where(j => typeCode == null || j.JobType.AlternativeCode == typeCode)
            .Where(j => j.Items.Any(i => i.State == JobItemState.PENDING) && j.Items.Any(i => i.State == JobItemState.PROVIDED || i.State == JobItemState.DELIVERED))
            .OrderBy(j => j.Id)
            .FirstAsync();
    }

    private static async Task<Job> JobInStateAsync(TestDatabase db, LifeCycleState state, string? typeCode = null)
    {
        await using var context = db.CreateContext();
        return await context.Jobs.AsNoTracking().Include(j => j.Items)
            .Where(j => j.LifeCycleState == state && (typeCode == null || j.JobType.AlternativeCode == typeCode))
            .OrderBy(j => j.Id).FirstAsync();
    }

    private static async Task<JobResult<CancelledJob>> CancelAsync(TestDatabase db, Job job, Func<CancelJobCommand, CancelJobCommand>? change = null)
    {
        var command = new CancelJobCommand(EntityIdentifier.Of("number", job.Number), await db.PrincipalAsync(Agent), CancellationChannel.PORTAL);
        return await Service(db).CancelAsync(change is null ? command : change(command));
    }

    [Fact]
    public async Task Cancel_with_no_status_or_reason_uses_the_types_defaults_and_cancels_only_pending_items()
    {
        await using var db = await template.CloneAsync();
        var job = await JobWithPendingAndProvidedItemsAsync(db, "INST");
        var pending = job.Items.Count(i => i.State == JobItemState.PENDING);
        var provided = job.Items.Count(i => i.State.IsProvided());
        db.Clock.Advance(TimeSpan.FromHours(3));

        var result = await CancelAsync(db, job);

        Assert.True(result.Succeeded, result.Error?.Message);
        await using var context = db.CreateContext();
        var saved = await context.Jobs.Include(j => j.Items).Include(j => j.JobStatus).Include(j => j.Cancellations).SingleAsync(j => j.Id == job.Id);
        var record = Assert.Single(saved.Cancellations);
        Assert.Equal(LifeCycleState.CANCELLED, saved.LifeCycleState);
        Assert.Equal("CNLC", saved.JobStatus.AlternativeCode); // INST's default cancel status
        Assert.Equal("Regret", result.Job!.ReasonName); // INST's default reason
        Assert.Equal(provided, saved.Items.Count(i => i.State.IsProvided()));
        Assert.Equal(0, saved.Items.Count(i => i.State == JobItemState.PENDING));
        Assert.Equal(pending + job.Items.Count(i => i.State == JobItemState.CANCELLED), saved.Items.Count(i => i.State == JobItemState.CANCELLED));
        Assert.Equal(pending, record.ItemsCancelled);
        Assert.Equal(provided, record.ProvidedItemsLeft);
        Assert.False(record.CancelProvidedItems);
        Assert.Equal(CancellationChannel.PORTAL, record.Channel);
        var userId = await UserIdAsync(db);
        Assert.Equal(userId, record.CancelledByUserId);
        Assert.Equal(db.Clock.GetUtcNow().UtcDateTime, record.CancelledAt);
        Assert.Equal(db.Clock.GetUtcNow().UtcDateTime, saved.UpdatedAt);
        Assert.Equal(userId, saved.UpdatedByUserId);
        Assert.Equal(job.Version + 1, saved.Version);
        var cancelEvent = await context.JobEvents.SingleAsync(e => e.JobId == job.Id && e.Kind == JobEventKind.CANCELLED);
        Assert.Equal(userId, cancelEvent.UserId);
        Assert.Contains($"{provided} provided item(s) left", cancelEvent.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_provided_items_cancels_every_provided_item_too()
    {
        await using var db = await template.CloneAsync();
        var job = await JobWithPendingAndProvidedItemsAsync(db);

        var result = await CancelAsync(db, job, c => c with { CancelProvidedItems = true, Note = "  Customer moved away.  " });

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(0, result.Job!.ProvidedItemsLeft);
        Assert.Equal(job.Items.Count(i => i.State != JobItemState.CANCELLED), result.Job.ItemsCancelled);
        await using var context = db.CreateContext();
        Assert.All(await context.JobItems.Where(i => i.JobId == job.Id).ToListAsync(), i => Assert.Equal(JobItemState.CANCELLED, i.State));
        var record = await context.JobCancellations.SingleAsync(c => c.JobId == job.Id);
        Assert.True(record.CancelProvidedItems);
        Assert.Equal("Customer moved away.", record.Note);
    }

    [Theory]
    [InlineData("name", "Cancelled - duplicate")]
    [InlineData("alternative_code", "CNLD")]
    [InlineData("id", null)]
    public async Task A_given_cancel_status_the_type_allows_is_set_by_any_of_its_keys(string key, string? value)
    {
        await using var db = await template.CloneAsync();
        var job = await JobInStateAsync(db, LifeCycleState.PENDING, "SWAP");
        await using (var context = db.CreateContext())
        {
            value ??= (await context.JobStatuses.SingleAsync(s => s.AlternativeCode == "CNLD")).Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var result = await CancelAsync(db, job, c => c with { Status = EntityIdentifier.Of(key, value) });

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal("Cancelled - duplicate", result.Job!.StatusName);
    }

    [Theory]
    [InlineData("name", "Technically infeasible")]
    [InlineData("alternative_code", "TI")]
    public async Task A_given_reason_the_type_allows_is_recorded(string key, string value)
    {
        await using var db = await template.CloneAsync();
        var job = await JobInStateAsync(db, LifeCycleState.DRAFT, "RELO");

        var result = await CancelAsync(db, job, c => c with { Reason = EntityIdentifier.Of(key, value) });

        Assert.True(result.Succeeded, result.Error?.Message);
        await using var context = db.CreateContext();
        Assert.Equal("TI", await context.JobCancellations.Where(c => c.JobId == job.Id).Select(c => c.CancellationReason.AlternativeCode).SingleAsync());
    }

    [Fact]
    public async Task A_job_is_found_by_id_as_well_as_by_number()
    {
        await using var db = await template.CloneAsync();
        var job = await JobInStateAsync(db, LifeCycleState.PENDING);

        var result = await CancelAsync(db, job, c => c with { Job = EntityIdentifier.ById(job.Id) });

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(job.Number, result.Job!.Number);
    }

    public static TheoryData<string, Func<CancelJobCommand, CancelJobCommand>> ShapeErrors => new()
    {
        { CancelErrorCodes.IdentifierEmpty, c => c with { Job = EntityIdentifier.FromPairs([]) } },
        { CancelErrorCodes.IdentifierEmpty, c => c with { Job = EntityIdentifier.Of("number", " ") } },
        { CancelErrorCodes.IdentifierAmbiguous, c => c with { Job = EntityIdentifier.FromPairs([new("id", "1"), new("number", "J00000001")]) } },
        { CancelErrorCodes.IdentifierUnknownKey, c => c with { Job = EntityIdentifier.Of("name", "x") } },
        { CancelErrorCodes.IdentifierUnknownKey, c => c with { Status = EntityIdentifier.Of("code", "CNL") } },
        { CancelErrorCodes.IdentifierAmbiguous, c => c with { Reason = EntityIdentifier.FromPairs([new("name", "Regret"), new("alternative_code", "R")]) } },
        { CancelErrorCodes.IdentifierEmpty, c => c with { Reason = EntityIdentifier.FromPairs([]) } },
        { CancelErrorCodes.NoteTooLong, c => c with { Note = new string('x', 501) } },
    };

    [Theory]
    [MemberData(nameof(ShapeErrors))]
    public async Task Malformed_input_is_refused_with_its_code_and_changes_nothing(string code, Func<CancelJobCommand, CancelJobCommand> change)
    {
        await using var db = await template.CloneAsync();
        var job = await JobInStateAsync(db, LifeCycleState.PENDING);

        var result = await CancelAsync(db, job, change);

        Assert.False(result.Succeeded);
        Assert.Equal(code, result.Error!.Code);
        Assert.Equal(CancelErrorKind.Invalid, result.Error.Kind);
        Assert.False(string.IsNullOrWhiteSpace(result.Error.Message));
        await AssertUnchangedAsync(db, job);
    }

    [Fact]
    public async Task Identifier_errors_name_the_identifier()
    {
        await using var db = await template.CloneAsync();
        var job = await JobInStateAsync(db, LifeCycleState.PENDING);

        var result = await CancelAsync(db, job, c => c with { Status = EntityIdentifier.FromPairs([new("id", "1"), new("name", "x")]) });

        Assert.Contains("status_identifier", result.Error!.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string?, string?, CancelErrorKind> RuleErrors => new()
    {
        // code, status alternative code, reason alternative code (on an ACT job), kind
        { CancelErrorCodes.StatusNotFound, "NOPE", null, CancelErrorKind.Invalid },
        { CancelErrorCodes.StatusNotCancelStatus, "PND", null, CancelErrorKind.Invalid },
        { CancelErrorCodes.StatusNotAllowed, "CNLT", null, CancelErrorKind.Invalid },
        { CancelErrorCodes.ReasonNotFound, null, "NOPE", CancelErrorKind.Invalid },
        { CancelErrorCodes.ReasonNotAllowed, null, "TI", CancelErrorKind.Invalid },
        { CancelErrorCodes.ReasonRetired, null, "WTH", CancelErrorKind.Invalid },
    };

    [Theory]
    [MemberData(nameof(RuleErrors))]
    public async Task Statuses_and_reasons_must_fit_the_jobs_type(string code, string? status, string? reason, CancelErrorKind kind)
    {
        await using var db = await template.CloneAsync();
        var job = await JobInStateAsync(db, LifeCycleState.PENDING, "ACT");

        var result = await CancelAsync(db, job, c => c with
        {
            Status = status is null ? null : EntityIdentifier.Of("alternative_code", status),
            Reason = reason is null ? null : EntityIdentifier.Of("alternative_code", reason),
        });

        Assert.Equal(code, result.Error?.Code);
        Assert.Equal(kind, result.Error!.Kind);
        await AssertUnchangedAsync(db, job);
    }

    [Fact]
    public async Task Unknown_job_is_not_found()
    {
        await using var db = await template.CloneAsync();
        var service = Service(db);
        var user = await db.PrincipalAsync(Agent);

        var byNumber = await service.CancelAsync(new CancelJobCommand(EntityIdentifier.Of("number", "J99999999"), user, CancellationChannel.API));
        var byBadId = await service.CancelAsync(new CancelJobCommand(EntityIdentifier.Of("id", "abc"), user, CancellationChannel.API));

        Assert.Equal(CancelErrorCodes.JobNotFound, byNumber.Error?.Code);
        Assert.Equal(CancelErrorKind.NotFound, byNumber.Error!.Kind);
        Assert.Contains("J99999999", byNumber.Error.Message, StringComparison.Ordinal);
        Assert.Equal(CancelErrorCodes.JobNotFound, byBadId.Error?.Code);
    }

    [Fact]
    public async Task Completed_job_is_refused_and_says_so()
    {
        await using var db = await template.CloneAsync();
        var job = await JobInStateAsync(db, LifeCycleState.COMPLETED);

        var result = await CancelAsync(db, job);

        Assert.Equal(CancelErrorCodes.JobCompleted, result.Error?.Code);
        Assert.Contains("completed", result.Error!.Message, StringComparison.Ordinal);
        await AssertUnchangedAsync(db, job);
    }

    [Fact]
    public async Task Already_cancelled_job_is_refused_with_who_and_when()
    {
        await using var db = await template.CloneAsync();
        var job = await JobInStateAsync(db, LifeCycleState.CANCELLED);
        await using var context = db.CreateContext();
        var by = await context.JobCancellations.Where(c => c.JobId == job.Id).Select(c => new { c.CancelledByUser.DisplayName, c.CancelledAt }).SingleAsync();

        var result = await CancelAsync(db, job);

        Assert.Equal(CancelErrorCodes.JobAlreadyCancelled, result.Error?.Code);
        Assert.Equal(CancelErrorKind.Conflict, result.Error!.Kind);
        Assert.Contains(by.DisplayName, result.Error.Message, StringComparison.Ordinal);
        // The API's sentence says UTC; a page in Kolkata reads the same sentence on its own clock.
        Assert.EndsWith($" on {ViewerClock.UtcText(by.CancelledAt)}.", result.Error.Message, StringComparison.Ordinal);
        var kolkata = ViewerClock.Find("Asia/Kolkata")!;
        Assert.Equal(result.Error.Message.Replace(ViewerClock.UtcText(by.CancelledAt), ViewerClock.Minutes(by.CancelledAt, kolkata), StringComparison.Ordinal),
            result.Error.MessageIn(kolkata));
        Assert.Equal(1, await context.JobCancellations.CountAsync(c => c.JobId == job.Id));
    }

    private static async Task AssertUnchangedAsync(TestDatabase db, Job before)
    {
        await using var context = db.CreateContext();
        var after = await context.Jobs.AsNoTracking().Include(j => j.Items).SingleAsync(j => j.Id == before.Id);
        Assert.Equal(before.LifeCycleState, after.LifeCycleState);
        Assert.Equal(before.JobStatusId, after.JobStatusId);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.UpdatedAt, after.UpdatedAt);
        Assert.Equal(before.Items.OrderBy(i => i.Id).Select(i => i.State), after.Items.OrderBy(i => i.Id).Select(i => i.State));
        Assert.Equal(before.LifeCycleState == LifeCycleState.CANCELLED ? 1 : 0, await context.JobCancellations.CountAsync(c => c.JobId == before.Id));
    }
}
