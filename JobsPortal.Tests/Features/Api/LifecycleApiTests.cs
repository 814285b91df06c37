using System.Net;
using System.Text.Json;
using JobsPortal.Data.Entities;
using JobsPortal.Features.Api;
using JobsPortal.Features.Cancellation;
using JobsPortal.Features.Lifecycle;
using Microsoft.EntityFrameworkCore;

namespace JobsPortal.Tests.Features.Api;

/// <summary>POST jobs/generic_purpose/create, jobs/all_scopes/start_progress and jobs/all_scopes/complete: the contract over the life cycle services.</summary>
public abstract class LifecycleApiTests(ApiAppFactory factory)
{
    private const string Create = "jobs/generic_purpose/create";
    private const string Start = "jobs/all_scopes/start_progress";
    private const string Complete = "jobs/all_scopes/complete";

    private static async Task<Job> JobAsync(ApiAppFactory app, LifeCycleState state, string typeCode = "INST")
    {
        await using var db = await app.Db.CreateDbContextAsync();
        return await db.Jobs.AsNoTracking().Where(j => j.LifeCycleState == state && j.JobType.AlternativeCode == typeCode).OrderBy(j => j.Id).FirstAsync();
    }

    private static async Task<ApiResponse> PostAsync(ApiAppFactory app, string method, object body) =>
        await app.Api().PostAsync(method, body, await app.Api().TokenAsync());

    [Fact]
    public async Task Create_makes_a_pending_generic_job_and_returns_it()
    {
        await using var app = await factory.CloneAsync();

        var response = await PostAsync(app, Create, new
        {
            type_identifier = new { alternative_code = "GEN" },
            accounts_receivable_identifier = new { number = "ACR777001" },
            account_name = "Ivy Marsh",
            description = "Tidy the cabinet wiring",
            scheduled_date = "2026-12-01",
            expiration_date = "2026-12-15T17:00:00+02:00",
            assigned_to_unit_identifier = new { name = "North Field Team" },
            items = new object[] { new { product_code = "CBL-RG6", kind = "PHYSICAL_GOOD", quantity = 2 } },
            fields_set = "number,life_cycle_state,status,scheduled_date,expiration_date,assigned_to",
        });

        ApiAssert.Ok(response);
        Assert.Equal("PENDING", response.Data.GetProperty("life_cycle_state").GetString());
        Assert.Equal("PND", response.Data.GetProperty("status").GetProperty("alternative_code").GetString());
        Assert.Equal("2026-12-01T00:00:00+00:00", response.Data.GetProperty("scheduled_date").GetString());
        Assert.Equal("2026-12-15T15:00:00+00:00", response.Data.GetProperty("expiration_date").GetString());
        Assert.Equal("North Field Team", response.Data.GetProperty("assigned_to").GetProperty("unit").GetProperty("name").GetString());
        Assert.False(response.Data.TryGetProperty("description", out _));
        await using var db = await app.Db.CreateDbContextAsync();
        var saved = await db.Jobs.Include(j => j.Items).SingleAsync(j => j.Number == response.Data.GetProperty("number").GetString());
        Assert.Equal(2, Assert.Single(saved.Items).Quantity);
    }

    [Theory]
    [InlineData("INST", "type", LifecycleErrorCodes.TypeNotGenericPurpose, HttpStatusCode.BadRequest)]
    [InlineData("NOPE", "type", LifecycleErrorCodes.TypeNotFound, HttpStatusCode.NotFound)]
    [InlineData("GEN", "date", ApiErrorCodes.InvalidValue, HttpStatusCode.BadRequest)]
    [InlineData("GEN", "kind", ApiErrorCodes.InvalidValue, HttpStatusCode.BadRequest)]
    [InlineData("GEN", "item", ApiErrorCodes.WrongType, HttpStatusCode.BadRequest)]
    [InlineData("GEN", "status", LifecycleErrorCodes.StatusNotOpenStatus, HttpStatusCode.BadRequest)]
    public async Task Create_refuses_mistakes_with_their_codes(string type, string mistake, string code, HttpStatusCode status)
    {
        var body = new Dictionary<string, object>
        {
            ["type_identifier"] = new { alternative_code = type },
            ["accounts_receivable_identifier"] = new { number = "ACR777002" },
            ["description"] = "Anything",
        };
        switch (mistake)
        {
            case "date": body["scheduled_date"] = "next Tuesday"; break;
            case "kind": body["items"] = new object[] { new { product_code = "X", kind = "GADGET" } }; break;
            case "item": body["items"] = new object[] { new { product_code = "X", colour = "red" } }; break;
            case "status": body["status_identifier"] = new { alternative_code = "CMP" }; break;
        }

        var response = await PostAsync(factory, Create, body);

        ApiAssert.Error(response, code, status);
    }

    [Fact]
    public async Task Create_without_a_description_is_a_missing_parameter()
    {
        var response = await PostAsync(factory, Create, new { type_identifier = new { id = "1" }, accounts_receivable_identifier = new { number = "A" } });

        ApiAssert.Error(response, ApiErrorCodes.MissingParameter, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Start_then_complete_move_a_pending_job_through_with_the_types_defaults()
    {
        await using var app = await factory.CloneAsync();
        var job = await JobAsync(app, LifeCycleState.PENDING);

        var started = await PostAsync(app, Start, new { job_identifier = new { number = job.Number } });
        var completed = await PostAsync(app, Complete, new { job_identifier = new { id = job.Id.ToString() }, fields_set = "status" });

        ApiAssert.Ok(started);
        Assert.Equal("IN_PROGRESS", started.Data.GetProperty("life_cycle_state").GetString());
        Assert.Equal("INP", started.Data.GetProperty("status").GetProperty("alternative_code").GetString());
        ApiAssert.Ok(completed);
        Assert.Equal("CMP", completed.Data.GetProperty("status").GetProperty("alternative_code").GetString());
        await using var db = await app.Db.CreateDbContextAsync();
        Assert.DoesNotContain(await db.JobItems.Where(i => i.JobId == job.Id).Select(i => i.State).ToListAsync(), s => s == JobItemState.PENDING);
    }

    [Fact]
    public async Task Start_and_complete_refuse_jobs_in_the_wrong_state_and_wrong_statuses()
    {
        var inProgress = await JobAsync(factory, LifeCycleState.IN_PROGRESS);
        var pending = await JobAsync(factory, LifeCycleState.PENDING);
        var cancelled = await JobAsync(factory, LifeCycleState.CANCELLED);

        ApiAssert.Error(await PostAsync(factory, Start, new { job_identifier = new { number = inProgress.Number } }), LifecycleErrorCodes.JobNotPending, HttpStatusCode.Conflict);
        ApiAssert.Error(await PostAsync(factory, Complete, new { job_identifier = new { number = pending.Number } }), LifecycleErrorCodes.JobNotInProgress, HttpStatusCode.Conflict);
        ApiAssert.Error(await PostAsync(factory, Complete, new { job_identifier = new { number = cancelled.Number } }), CancelErrorCodes.JobAlreadyCancelled, HttpStatusCode.Conflict);
        ApiAssert.Error(await PostAsync(factory, Start, new { job_identifier = new { number = pending.Number }, status_identifier = new { alternative_code = "CMP" } }),
            LifecycleErrorCodes.StatusNotStartStatus, HttpStatusCode.BadRequest);
        ApiAssert.Error(await PostAsync(factory, Start, new { job_identifier = new { number = "J99999999" } }), CancelErrorCodes.JobNotFound, HttpStatusCode.NotFound);
        ApiAssert.Error(await PostAsync(factory, Complete, new { job_identifier = new { number = pending.Number }, reason = "x" }), ApiErrorCodes.UnknownParameter, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_methods_need_a_token()
    {
        var response = await factory.Api().PostAsync(Start, new { job_identifier = new { number = "J00000001" } });

        ApiAssert.Error(response, ApiErrorCodes.TokenMissing, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_complete_racing_a_cancel_over_http_one_wins_and_the_other_is_told()
    {
        await using var app = await factory.CloneAsync();
        var job = await JobAsync(app, LifeCycleState.IN_PROGRESS);
        var token = await app.Api().TokenAsync();
        var body = new { job_identifier = new { number = job.Number } };

        var answers = await Task.WhenAll(
            app.Api().PostAsync(Complete, body, token), app.Api().PostAsync("jobs/all_scopes/cancel", body, token),
            app.Api().PostAsync(Complete, body, token), app.Api().PostAsync("jobs/all_scopes/cancel", body, token));

        Assert.Single(answers, a => a.Code == "OK");
        Assert.All(answers.Where(a => a.Code != "OK"), a => Assert.Equal(HttpStatusCode.Conflict, a.Status));
    }

    [Fact]
    public async Task The_openapi_document_lists_the_three_methods_with_their_bodies()
    {
        using var response = await factory.CreateClient().GetAsync("/openapi/v1.json");
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths");

        foreach (var method in new[] { Create, Start, Complete })
        {
            Assert.True(paths.TryGetProperty("/crmapi/rest/v2/" + method, out var path), method);
            Assert.True(path.GetProperty("post").TryGetProperty("requestBody", out _), method);
        }
    }
}

// One body of tests, run on each database the app supports.

public sealed class LifecycleApiSqliteTests(ApiAppFactory factory) : LifecycleApiTests(factory), IClassFixture<ApiAppFactory>;

public sealed class LifecycleApiPostgreSqlTests(PostgreSqlApiAppFactory factory) : LifecycleApiTests(factory), IClassFixture<PostgreSqlApiAppFactory>;
