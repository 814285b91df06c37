using JobsPortal.Shared;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using JobsPortal.Data.Entities;
using JobsPortal.Features.Api;
using JobsPortal.Features.Cancellation;
using JobsPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace JobsPortal.Tests.Features.Api;

/// <summary>
/// POST jobs/all_scopes/cancel: the contract over the cancellation service. A test that cancels takes an
/// app over its own copy of the database; the refusals share the fixture's, which nothing writes.
/// </summary>
public abstract class CancelApiTests(ApiAppFactory factory)
{
    private const string Cancel = "jobs/all_scopes/cancel";
    private const string Agent = "maria.lopez@example.com";

    private static async Task<Job> JobAsync(ApiAppFactory app, LifeCycleState state, string? typeCode = null, bool withPendingAndProvidedItems = false)
    {
        await using var db = await app.Db.CreateDbContextAsync();
        return await db.Jobs.AsNoTracking().Include(j => j.Items).Include(j => j.JobType)
            .Where(j => j.LifeCycleState == state && (typeCode == null || j.JobType.AlternativeCode == typeCode))
            .Where(j => !withPendingAndProvidedItems || (j.Items.Any(i => i.State == JobItemState.PENDING)
                && j.Items.Any(i => i.State == JobItemState.PROVIDED || i.State == JobItemState.DELIVERED)))
            .OrderBy(j => j.Id)
            .FirstAsync();
    }

    private static async Task<ApiResponse> CancelAsync(ApiAppFactory app, object body) => await app.Api().PostAsync(Cancel, body, await app.Api().TokenAsync());

    private static async Task AssertUnchangedAsync(ApiAppFactory app, Job before)
    {
        await using var db = await app.Db.CreateDbContextAsync();
        var after = await db.Jobs.AsNoTracking().Include(j => j.Items).SingleAsync(j => j.Id == before.Id);
        Assert.Equal(before.LifeCycleState, after.LifeCycleState);
        Assert.Equal(before.JobStatusId, after.JobStatusId);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.Items.OrderBy(i => i.Id).Select(i => i.State), after.Items.OrderBy(i => i.Id).Select(i => i.State));
        Assert.Equal(before.LifeCycleState == LifeCycleState.CANCELLED ? 1 : 0, await db.JobCancellations.CountAsync(c => c.JobId == before.Id));
    }

    [Fact]
    public async Task An_agent_cancels_by_number_with_the_types_defaults_and_gets_the_job_back_recorded_as_api()
    {
        await using var app = await factory.CloneAsync();
        var job = await JobAsync(app, LifeCycleState.IN_PROGRESS, "INST", withPendingAndProvidedItems: true);

        var response = await CancelAsync(app, new { job_identifier = new { number = job.Number } });

        ApiAssert.Ok(response);
        var data = response.Data;
        Assert.Equal(ApiJob.Fields, data.EnumerateObject().Select(p => p.Name));
        Assert.Equal(job.Id.ToString(CultureInfo.InvariantCulture), data.GetProperty("id").GetString());
        Assert.Equal(job.Number, data.GetProperty("number").GetString());
        Assert.Equal("CANCELLED", data.GetProperty("life_cycle_state").GetString());
        Assert.Equal("CNLC", data.GetProperty("status").GetProperty("alternative_code").GetString());
        Assert.Equal("CANCELLED", data.GetProperty("status").GetProperty("life_cycle_state").GetString());
        Assert.Equal("INST", data.GetProperty("type").GetProperty("alternative_code").GetString());
        Assert.Equal("NEW_SUBSCRIPTION", data.GetProperty("type").GetProperty("fulfillment_scope").GetString());
        Assert.Equal(Agent, data.GetProperty("log_information").GetProperty("updated_by_user").GetString());
        Assert.EndsWith("+00:00", data.GetProperty("log_information").GetProperty("updated_date").GetString(), StringComparison.Ordinal);

        await using var db = await app.Db.CreateDbContextAsync();
        var record = await db.JobCancellations.AsNoTracking().Include(c => c.CancelledByUser).Include(c => c.CancellationReason)
            .SingleAsync(c => c.JobId == job.Id);
        Assert.Equal(CancellationChannel.API, record.Channel);
        Assert.Equal(Agent, record.CancelledByUser.Email);
        Assert.Equal("R", record.CancellationReason.AlternativeCode); // INST's default reason
        Assert.False(record.CancelProvidedItems);
        Assert.Equal(job.Items.Count(i => i.State.IsProvided()), record.ProvidedItemsLeft);
        Assert.Contains("Cancelled via API", (await db.JobEvents.SingleAsync(e => e.JobId == job.Id && e.Kind == JobEventKind.CANCELLED)).Summary,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_answer_is_the_job_exactly_as_show_reads_it_after_the_cancel()
    {
        // The cancel's answer is built from what the cancel read and wrote, not read back: it must not differ
        // from the job as stored by one character, with an assignee and unit and with none (nor a creator).
        await using var app = await factory.CloneAsync();
        int assignedId, unassignedId;
        await using (var db = await app.Db.CreateDbContextAsync())
        {
            assignedId = await db.Jobs.Where(j => j.LifeCycleState == LifeCycleState.PENDING && j.AssignedUserId != null && j.AssignedUnitId != null
                    && j.CreatedByUserId != null && j.ExpirationDate != null && j.ScheduledDate != null)
                .OrderBy(j => j.Id).Select(j => j.Id).FirstAsync();
            unassignedId = await db.Jobs.Where(j => j.LifeCycleState == LifeCycleState.IN_PROGRESS).OrderBy(j => j.Id).Select(j => j.Id).FirstAsync();
            await db.Jobs.Where(j => j.Id == unassignedId).ExecuteUpdateAsync(u => u
                .SetProperty(j => j.AssignedUserId, (string?)null).SetProperty(j => j.AssignedUnitId, (int?)null)
                .SetProperty(j => j.CreatedByUserId, (string?)null).SetProperty(j => j.ScheduledDate, (DateTime?)null));
        }
        var token = await app.Api().TokenAsync();

        foreach (var id in new[] { assignedId, unassignedId })
        {
            app.Clock.Advance(TimeSpan.FromMinutes(3));
            var cancelled = await app.Api().PostAsync(Cancel, new { job_identifier = new { id } }, token);
            var shown = await app.Api().GetAsync($"jobs/all_scopes/show?job_identifier=id={id}", token);

            ApiAssert.Ok(cancelled);
            ApiAssert.Ok(shown);
            Assert.Equal(shown.Data.GetRawText(), cancelled.Data.GetRawText());
            Assert.Equal(Formats.IsoUtc(app.Clock.GetUtcNow().UtcDateTime),
                cancelled.Data.GetProperty("log_information").GetProperty("updated_date").GetString());
        }
        Assert.NotEqual(JsonValueKind.Null, (await app.Api().GetAsync($"jobs/all_scopes/show?job_identifier=id={assignedId}", token))
            .Data.GetProperty("assigned_to").GetProperty("user").ValueKind);
    }

    [Fact]
    public async Task A_job_is_cancelled_by_id_with_its_provided_items_and_a_note()
    {
        await using var app = await factory.CloneAsync();
        var job = await JobAsync(app, LifeCycleState.IN_PROGRESS, withPendingAndProvidedItems: true);

        var response = await CancelAsync(app, new { job_identifier = new { id = job.Id }, cancel_provided_items = true, note = "Customer moved away." });

        ApiAssert.Ok(response);
        await using var db = await app.Db.CreateDbContextAsync();
        var record = await db.JobCancellations.AsNoTracking().SingleAsync(c => c.JobId == job.Id);
        Assert.True(record.CancelProvidedItems);
        Assert.Equal(0, record.ProvidedItemsLeft);
        Assert.Equal("Customer moved away.", record.Note);
        Assert.All(await db.JobItems.Where(i => i.JobId == job.Id).ToListAsync(), i => Assert.Equal(JobItemState.CANCELLED, i.State));
    }

    [Theory]
    [InlineData("name", "Cancelled - duplicate", "name", "Technically infeasible")]
    [InlineData("alternative_code", "CNLD", "alternative_code", "TI")]
    [InlineData("id", null, "id", null)]
    public async Task Status_and_reason_are_found_by_each_of_their_keys(string statusKey, string? statusValue, string reasonKey, string? reasonValue)
    {
        await using var app = await factory.CloneAsync();
        var job = await JobAsync(app, LifeCycleState.PENDING, "SWAP");
        await using (var db = await app.Db.CreateDbContextAsync())
        {
            statusValue ??= (await db.JobStatuses.SingleAsync(s => s.AlternativeCode == "CNLD")).Id.ToString(CultureInfo.InvariantCulture);
            reasonValue ??= (await db.CancellationReasons.SingleAsync(r => r.AlternativeCode == "TI")).Id.ToString(CultureInfo.InvariantCulture);
        }

        var response = await CancelAsync(app, new
        {
            job_identifier = new Dictionary<string, string> { ["number"] = job.Number.ToLowerInvariant() },
            status_identifier = new Dictionary<string, string> { [statusKey] = statusValue },
            cancellation_reason_identifier = new Dictionary<string, string> { [reasonKey] = reasonValue },
        });

        ApiAssert.Ok(response);
        Assert.Equal("CNLD", response.Data.GetProperty("status").GetProperty("alternative_code").GetString());
        await using var after = await app.Db.CreateDbContextAsync();
        Assert.Equal("TI", await after.JobCancellations.Where(c => c.JobId == job.Id).Select(c => c.CancellationReason.AlternativeCode).SingleAsync());
    }

    [Fact]
    public async Task Fields_set_returns_only_the_named_top_level_fields()
    {
        await using var app = await factory.CloneAsync();
        var job = await JobAsync(app, LifeCycleState.DRAFT);

        var response = await CancelAsync(app, new { job_identifier = new { number = job.Number }, fields_set = " number, status ,life_cycle_state" });

        ApiAssert.Ok(response);
        Assert.Equal(["number", "life_cycle_state", "status"], response.Data.EnumerateObject().Select(p => p.Name));
        Assert.Equal("CANCELLED", response.Data.GetProperty("life_cycle_state").GetString());
    }

    public static TheoryData<string, string, HttpStatusCode> RequestErrors => new()
    {
        // body (with {number} for a fresh pending job's number), code, status
        { """{"job_identifier":{"number":"{number}"},"fields_set":"number,colour"}""", ApiErrorCodes.UnknownField, HttpStatusCode.BadRequest },
        { """{"job_identifier":{"number":"{number}"},"cancel_provided_items":"yes"}""", ApiErrorCodes.WrongType, HttpStatusCode.BadRequest },
        { """{"job_identifier":{"number":"{number}"},"cancel_provided_items":1}""", ApiErrorCodes.WrongType, HttpStatusCode.BadRequest },
        { """{"job_identifier":"{number}"}""", ApiErrorCodes.WrongType, HttpStatusCode.BadRequest },
        { """{"job_identifier":{"number":true}}""", ApiErrorCodes.WrongType, HttpStatusCode.BadRequest },
        { """{"job_identifier":{"number":"{number}"},"fields_set":["number"]}""", ApiErrorCodes.WrongType, HttpStatusCode.BadRequest },
        { """{"job_identifier":{"number":"{number}"},"note":42}""", ApiErrorCodes.WrongType, HttpStatusCode.BadRequest },
        { """{"job_identifier":{"number":"{number}"},"status_identifier":"CNL"}""", ApiErrorCodes.WrongType, HttpStatusCode.BadRequest },
        { """{"job_identifier":{"number":"{number}"},"reason":{"name":"Regret"}}""", ApiErrorCodes.UnknownParameter, HttpStatusCode.BadRequest },
        { """{"job_identifier":{"number":"{number}"},"job_identifier":{"number":"{number}"}}""", ApiErrorCodes.DuplicateParameter, HttpStatusCode.BadRequest },
        { """{"cancel_provided_items":true}""", ApiErrorCodes.MissingParameter, HttpStatusCode.BadRequest },
        { """{"job_identifier":null}""", ApiErrorCodes.MissingParameter, HttpStatusCode.BadRequest },
        { "", ApiErrorCodes.MissingParameter, HttpStatusCode.BadRequest },
        { """{"job_identifier":{"number":"{number}"}""", ApiErrorCodes.InvalidJson, HttpStatusCode.BadRequest },
        { """job_identifier=number%3D{number}""", ApiErrorCodes.InvalidJson, HttpStatusCode.BadRequest },
        { "\"{number}\"", ApiErrorCodes.InvalidJson, HttpStatusCode.BadRequest },
        // Identifier shapes, refused by the cancellation service with its codes.
        { """{"job_identifier":{}}""", CancelErrorCodes.IdentifierEmpty, HttpStatusCode.BadRequest },
        { """{"job_identifier":{"number":"  "}}""", CancelErrorCodes.IdentifierEmpty, HttpStatusCode.BadRequest },
        { """{"job_identifier":{"number":"{number}","id":"1"}}""", CancelErrorCodes.IdentifierAmbiguous, HttpStatusCode.BadRequest },
        { """{"job_identifier":{"name":"{number}"}}""", CancelErrorCodes.IdentifierUnknownKey, HttpStatusCode.BadRequest },
        { """{"job_identifier":{"number":"{number}"},"status_identifier":{}}""", CancelErrorCodes.IdentifierEmpty, HttpStatusCode.BadRequest },
        { """{"job_identifier":{"number":"{number}"},"status_identifier":{"name":"Cancelled","alternative_code":"CNL"}}""", CancelErrorCodes.IdentifierAmbiguous, HttpStatusCode.BadRequest },
        { """{"job_identifier":{"number":"{number}"},"status_identifier":{"code":"CNL"}}""", CancelErrorCodes.IdentifierUnknownKey, HttpStatusCode.BadRequest },
        { """{"job_identifier":{"number":"{number}"},"cancellation_reason_identifier":{"id":null}}""", CancelErrorCodes.IdentifierEmpty, HttpStatusCode.BadRequest },
        { """{"job_identifier":{"number":"{number}"},"cancellation_reason_identifier":{"id":"1","name":"Regret"}}""", CancelErrorCodes.IdentifierAmbiguous, HttpStatusCode.BadRequest },
        { """{"job_identifier":{"number":"{number}"},"cancellation_reason_identifier":{"number":"R"}}""", CancelErrorCodes.IdentifierUnknownKey, HttpStatusCode.BadRequest },
        // The rules: the pending job is an ACT (Service activation) job.
        { """{"job_identifier":{"number":"J99999999"}}""", CancelErrorCodes.JobNotFound, HttpStatusCode.NotFound },
        { """{"job_identifier":{"id":"abc"}}""", CancelErrorCodes.JobNotFound, HttpStatusCode.NotFound },
        { """{"job_identifier":{"number":"{number}"},"status_identifier":{"alternative_code":"NOPE"}}""", CancelErrorCodes.StatusNotFound, HttpStatusCode.BadRequest },
        { """{"job_identifier":{"number":"{number}"},"status_identifier":{"alternative_code":"PND"}}""", CancelErrorCodes.StatusNotCancelStatus, HttpStatusCode.BadRequest },
        { """{"job_identifier":{"number":"{number}"},"status_identifier":{"alternative_code":"CNLT"}}""", CancelErrorCodes.StatusNotAllowed, HttpStatusCode.BadRequest },
        { """{"job_identifier":{"number":"{number}"},"cancellation_reason_identifier":{"alternative_code":"NOPE"}}""", CancelErrorCodes.ReasonNotFound, HttpStatusCode.BadRequest },
        { """{"job_identifier":{"number":"{number}"},"cancellation_reason_identifier":{"alternative_code":"TI"}}""", CancelErrorCodes.ReasonNotAllowed, HttpStatusCode.BadRequest },
        { """{"job_identifier":{"number":"{number}"},"cancellation_reason_identifier":{"alternative_code":"WTH"}}""", CancelErrorCodes.ReasonRetired, HttpStatusCode.BadRequest },
        { """{"job_identifier":{"number":"{number}"},"note":"{long}"}""", CancelErrorCodes.NoteTooLong, HttpStatusCode.BadRequest },
    };

    [Theory]
    [MemberData(nameof(RequestErrors))]
    public async Task A_bad_request_gets_its_own_code_and_status_and_changes_nothing(string body, string code, HttpStatusCode status)
    {
        var job = await JobAsync(factory, LifeCycleState.PENDING, "ACT");
        var api = factory.Api();

        var response = await api.PostRawAsync(Cancel, body.Replace("{number}", job.Number, StringComparison.Ordinal)
            .Replace("{long}", new string('x', CancelJobCommand.NoteMaxLength + 1), StringComparison.Ordinal), await api.TokenAsync());

        ApiAssert.Error(response, code, status);
        await AssertUnchangedAsync(factory, job);
    }

    [Fact]
    public async Task A_body_over_64_kilobytes_is_refused_unread()
    {
        var job = await JobAsync(factory, LifeCycleState.PENDING);
        var api = factory.Api();
        var body = JsonSerializer.Serialize(new { job_identifier = new { number = job.Number }, note = new string('x', ApiBody.MaxBytes) });

        var response = await api.PostRawAsync(Cancel, body, await api.TokenAsync());

        ApiAssert.Error(response, ApiErrorCodes.InvalidJson, HttpStatusCode.BadRequest);
        await AssertUnchangedAsync(factory, job);
    }

    [Fact]
    public async Task Identifier_errors_name_the_parameter()
    {
        var job = await JobAsync(factory, LifeCycleState.PENDING);

        var response = await CancelAsync(factory, new { job_identifier = new { number = job.Number }, status_identifier = new { id = "1", name = "x" } });

        ApiAssert.Error(response, CancelErrorCodes.IdentifierAmbiguous, HttpStatusCode.BadRequest);
        Assert.Contains("status_identifier", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parameters_in_the_query_string_of_the_cancel_are_refused()
    {
        var job = await JobAsync(factory, LifeCycleState.PENDING);
        var api = factory.Api();

        var response = await api.PostAsync(Cancel + "?job_identifier=number=" + job.Number, new { job_identifier = new { number = job.Number } }, await api.TokenAsync());

        ApiAssert.Error(response, ApiErrorCodes.UnknownParameter, HttpStatusCode.BadRequest);
        await AssertUnchangedAsync(factory, job);
    }

    [Fact]
    public async Task A_completed_job_is_refused_with_409()
    {
        var job = await JobAsync(factory, LifeCycleState.COMPLETED);

        var response = await CancelAsync(factory, new { job_identifier = new { number = job.Number } });

        ApiAssert.Error(response, CancelErrorCodes.JobCompleted, HttpStatusCode.Conflict);
        await AssertUnchangedAsync(factory, job);
    }

    [Fact]
    public async Task An_already_cancelled_job_is_refused_with_409_saying_by_whom()
    {
        var job = await JobAsync(factory, LifeCycleState.CANCELLED);
        await using var db = await factory.Db.CreateDbContextAsync();
        var by = await db.JobCancellations.Where(c => c.JobId == job.Id).Select(c => c.CancelledByUser.DisplayName).SingleAsync();

        var response = await CancelAsync(factory, new { job_identifier = new { number = job.Number } });

        ApiAssert.Error(response, CancelErrorCodes.JobAlreadyCancelled, HttpStatusCode.Conflict);
        Assert.Contains(by, response.Text, StringComparison.Ordinal);
        await AssertUnchangedAsync(factory, job);
    }

    [Fact]
    public async Task A_type_without_defaults_needs_a_status_and_a_reason()
    {
        await using var app = await factory.CloneAsync();
        var job = await JobAsync(app, LifeCycleState.PENDING, "GEN");
        await using (var db = await app.Db.CreateDbContextAsync())
        {
            var type = await db.JobTypes.Include(t => t.AllowedReasons).SingleAsync(t => t.AlternativeCode == "GEN");
            type.DefaultCancelStatusId = null;
            type.AllowedReasons.Single(r => r.IsDefault).IsDefault = false;
            await db.SaveChangesAsync();
        }

        var noStatus = await CancelAsync(app, new { job_identifier = new { number = job.Number } });
        var noReason = await CancelAsync(app, new { job_identifier = new { number = job.Number }, status_identifier = new { alternative_code = "CNL" } });

        ApiAssert.Error(noStatus, CancelErrorCodes.NoDefaultStatus, HttpStatusCode.BadRequest);
        ApiAssert.Error(noReason, CancelErrorCodes.NoDefaultReason, HttpStatusCode.BadRequest);
        await AssertUnchangedAsync(app, job);
    }

    [Fact]
    public async Task Many_concurrent_cancels_of_one_job_over_http_succeed_exactly_once()
    {
        await using var app = await factory.CloneAsync();
        var job = await JobAsync(app, LifeCycleState.IN_PROGRESS, withPendingAndProvidedItems: true);
        var agentToken = await app.Api().TokenAsync(Agent);
        var otherToken = await app.Api().TokenAsync("tom.becker@example.com");
        var body = JsonSerializer.Serialize(new { job_identifier = new { number = job.Number }, cancel_provided_items = true });

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            app.Api().PostRawAsync(Cancel, body, i % 2 == 0 ? agentToken : otherToken)));

        Assert.Single(responses, r => r.Status == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.Status != HttpStatusCode.OK),
            r => ApiAssert.Error(r, CancelErrorCodes.JobAlreadyCancelled, HttpStatusCode.Conflict));
        await using var db = await app.Db.CreateDbContextAsync();
        Assert.Equal(1, await db.JobCancellations.CountAsync(c => c.JobId == job.Id));
        Assert.Equal(1, await db.JobEvents.CountAsync(e => e.JobId == job.Id && e.Kind == JobEventKind.CANCELLED));
        Assert.Equal(job.Version + 1, (await db.Jobs.SingleAsync(j => j.Id == job.Id)).Version);
    }
}

// One body of tests, run on each database the app supports.

public sealed class CancelApiSqliteTests(ApiAppFactory factory) : CancelApiTests(factory), IClassFixture<ApiAppFactory>;

public sealed class CancelApiPostgreSqlTests(PostgreSqlApiAppFactory factory) : CancelApiTests(factory), IClassFixture<PostgreSqlApiAppFactory>;
