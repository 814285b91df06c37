using System.Globalization;
using System.Net;
using JobsPortal.Data.Entities;
using JobsPortal.Features.Api;
using JobsPortal.Features.Cancellation;
using JobsPortal.Shared;
using Microsoft.EntityFrameworkCore;

namespace JobsPortal.Tests.Features.Api;

/// <summary>The read methods: show, list, a type's statuses and reasons; and what answers an unknown method. Nothing here writes.</summary>
public abstract class JobReadApiTests(ApiAppFactory factory)
{
    private async Task<ApiResponse> GetAsync(string methodAndQuery)
    {
        var api = factory.Api();
        return await api.GetAsync(methodAndQuery, await api.TokenAsync());
    }

    private async Task<Job> JobAsync(LifeCycleState state)
    {
        await using var db = await factory.Db.CreateDbContextAsync();
        return await db.Jobs.AsNoTracking().Include(j => j.JobType).Include(j => j.JobStatus).Include(j => j.AssignedUser).Include(j => j.AssignedUnit)
            .Where(j => j.LifeCycleState == state && j.AssignedUserId != null && j.AssignedUnitId != null)
            .OrderBy(j => j.Id).FirstAsync();
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task Show_by_number_gives_the_whole_job_object()
    {
        var job = await JobAsync(LifeCycleState.IN_PROGRESS);

        var response = await GetAsync($"jobs/all_scopes/show?job_identifier=number={job.Number}");

        ApiAssert.Ok(response);
        var data = response.Data;
        Assert.Equal(ApiJob.Fields, data.EnumerateObject().Select(p => p.Name));
        Assert.Equal(Id(job.Id), data.GetProperty("id").GetString());
        Assert.Equal(job.Number, data.GetProperty("number").GetString());
        Assert.Equal(job.Description, data.GetProperty("description").GetString());
        Assert.Equal("IN_PROGRESS", data.GetProperty("life_cycle_state").GetString());
        Assert.Equal(job.RatingState.ToString(), data.GetProperty("rating_state").GetString());
        Assert.Equal(Formats.IsoUtc(job.ScheduledDate), data.GetProperty("scheduled_date").GetString());
        Assert.Equal(Formats.IsoUtc(job.ExpirationDate), data.GetProperty("expiration_date").GetString());
        Assert.Equal(job.AssignedUserId, data.GetProperty("assigned_to").GetProperty("user").GetProperty("id").GetString());
        Assert.Equal(job.AssignedUser!.DisplayName, data.GetProperty("assigned_to").GetProperty("user").GetProperty("name").GetString());
        Assert.Equal(job.AssignedUnit!.Name, data.GetProperty("assigned_to").GetProperty("unit").GetProperty("name").GetString());
        var type = data.GetProperty("type");
        Assert.Equal([Id(job.JobTypeId), job.JobType.Name, job.JobType.AlternativeCode, job.JobType.Description,
                job.JobType.FulfillmentScope.ToString(), job.JobType.FulfillmentMethod.ToString()],
            type.EnumerateObject().Select(p => p.Value.GetString()));
        var status = data.GetProperty("status");
        Assert.Equal([Id(job.JobStatusId), job.JobStatus.Name, job.JobStatus.AlternativeCode, job.JobStatus.Description, "IN_PROGRESS"],
            status.EnumerateObject().Select(p => p.Value.GetString()));
        var log = data.GetProperty("log_information");
        Assert.Equal(["created_date", "updated_date", "created_by_user", "updated_by_user"], log.EnumerateObject().Select(p => p.Name));
        var created = DateTimeOffset.Parse(log.GetProperty("created_date").GetString()!, CultureInfo.InvariantCulture);
        Assert.Equal(TimeSpan.Zero, created.Offset);
        Assert.Equal(new DateTimeOffset(job.CreatedAt).ToUnixTimeSeconds(), created.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task Show_by_id_and_by_lower_case_number_find_the_same_job_and_fields_set_trims_it()
    {
        var job = await JobAsync(LifeCycleState.PENDING);

        var byId = await GetAsync($"jobs/all_scopes/show?job_identifier=id={job.Id}&fields_set=id,number");
        var byLowerNumber = await GetAsync($"jobs/all_scopes/show?job_identifier=number={job.Number.ToLowerInvariant()}&fields_set=number");

        ApiAssert.Ok(byId);
        Assert.Equal(["id", "number"], byId.Data.EnumerateObject().Select(p => p.Name));
        Assert.Equal(job.Number, byId.Data.GetProperty("number").GetString());
        ApiAssert.Ok(byLowerNumber);
        Assert.Equal(job.Number, byLowerNumber.Data.GetProperty("number").GetString());
    }

    [Fact]
    public async Task The_token_query_parameter_works_for_get_methods()
    {
        var api = factory.Api();
        var token = await api.TokenAsync("sara.khan@example.com");

        var response = await api.GetAsync("jobs/all_scopes/show?job_identifier=number=J00000001&token=" + Uri.EscapeDataString(token));

        ApiAssert.Ok(response);
    }

    public static TheoryData<string, string, HttpStatusCode> ShowErrors => new()
    {
        { "jobs/all_scopes/show", ApiErrorCodes.MissingParameter, HttpStatusCode.BadRequest },
        { "jobs/all_scopes/show?job_identifier=", CancelErrorCodes.IdentifierEmpty, HttpStatusCode.BadRequest },
        { "jobs/all_scopes/show?job_identifier=number=", CancelErrorCodes.IdentifierEmpty, HttpStatusCode.BadRequest },
        { "jobs/all_scopes/show?job_identifier=number=J00000001&job_identifier=id=1", CancelErrorCodes.IdentifierAmbiguous, HttpStatusCode.BadRequest },
        { "jobs/all_scopes/show?job_identifier=name=J00000001", CancelErrorCodes.IdentifierUnknownKey, HttpStatusCode.BadRequest },
        { "jobs/all_scopes/show?job_identifier=J00000001", ApiErrorCodes.IdentifierMalformed, HttpStatusCode.BadRequest },
        { "jobs/all_scopes/show?job_identifier=number=J99999999", CancelErrorCodes.JobNotFound, HttpStatusCode.NotFound },
        { "jobs/all_scopes/show?job_identifier=id=abc", CancelErrorCodes.JobNotFound, HttpStatusCode.NotFound },
        { "jobs/all_scopes/show?job_identifier=number=J00000001&fields_set=number,colour", ApiErrorCodes.UnknownField, HttpStatusCode.BadRequest },
        { "jobs/all_scopes/show?job_identifier=number=J00000001&verbose=true", ApiErrorCodes.UnknownParameter, HttpStatusCode.BadRequest },
        { "jobs/all_scopes/show?job_identifier=number=J00000001&fields_set=id&fields_set=number", ApiErrorCodes.DuplicateParameter, HttpStatusCode.BadRequest },
    };

    [Theory]
    [MemberData(nameof(ShowErrors))]
    public async Task Show_errors_get_their_own_code_and_status(string methodAndQuery, string code, HttpStatusCode status)
    {
        ApiAssert.Error(await GetAsync(methodAndQuery), code, status);
    }

    [Fact]
    public async Task List_gives_the_newest_jobs_first_fifty_by_default_and_pages_with_offset()
    {
        await using var db = await factory.Db.CreateDbContextAsync();
        var newest = await db.Jobs.AsNoTracking().OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.Id).Select(j => j.Number).Take(60).ToListAsync();

        var first = await GetAsync("jobs/all_scopes/list?fields_set=number");
        var page = await GetAsync("jobs/all_scopes/list?fields_set=number&number_of_results=5&offset=50");

        ApiAssert.Ok(first);
        Assert.Equal(newest.Take(ApiEndpoints.DefaultResults), first.Data.EnumerateArray().Select(j => j.GetProperty("number").GetString()));
        Assert.All(first.Data.EnumerateArray(), j => Assert.Equal(["number"], j.EnumerateObject().Select(p => p.Name)));
        Assert.Equal(newest.Skip(50).Take(5), page.Data.EnumerateArray().Select(j => j.GetProperty("number").GetString()));
    }

    [Theory]
    [InlineData("alternative_code=SWAP")]
    [InlineData("name=Equipment swap")]
    [InlineData("id={id}")]
    public async Task List_filters_by_type_in_each_identifier_form_and_by_state(string typeIdentifier)
    {
        await using var db = await factory.Db.CreateDbContextAsync();
        var type = await db.JobTypes.SingleAsync(t => t.AlternativeCode == "SWAP");
        var expected = await db.Jobs.CountAsync(j => j.JobTypeId == type.Id && j.LifeCycleState == LifeCycleState.PENDING);

        var response = await GetAsync("jobs/all_scopes/list?number_of_results=500&life_cycle_state=PENDING&type_identifier="
            + Uri.EscapeDataString(typeIdentifier.Replace("{id}", Id(type.Id), StringComparison.Ordinal)));

        ApiAssert.Ok(response);
        Assert.Equal(expected, response.Data.GetArrayLength());
        Assert.True(expected > 0);
        Assert.All(response.Data.EnumerateArray(), j =>
        {
            Assert.Equal("SWAP", j.GetProperty("type").GetProperty("alternative_code").GetString());
            Assert.Equal("PENDING", j.GetProperty("life_cycle_state").GetString());
        });
    }

    [Fact]
    public async Task List_filters_by_accounts_receivable_number()
    {
        await using var db = await factory.Db.CreateDbContextAsync();
        var account = await db.Jobs.Where(j => j.AccountNumber != null).GroupBy(j => j.AccountNumber)
            .OrderByDescending(g => g.Count()).Select(g => new { Number = g.Key!, Count = g.Count() }).FirstAsync();

        var response = await GetAsync($"jobs/all_scopes/list?accounts_receivable_identifier=number={account.Number.ToLowerInvariant()}");

        ApiAssert.Ok(response);
        Assert.Equal(account.Count, response.Data.GetArrayLength());
    }

    [Fact]
    public async Task List_takes_in_progress_written_with_a_space_as_crm_com_pages_do()
    {
        var response = await GetAsync("jobs/all_scopes/list?life_cycle_state=IN%20PROGRESS&number_of_results=3");

        ApiAssert.Ok(response);
        Assert.All(response.Data.EnumerateArray(), j => Assert.Equal("IN_PROGRESS", j.GetProperty("life_cycle_state").GetString()));
    }

    public static TheoryData<string, string, HttpStatusCode> ListErrors => new()
    {
        { "jobs/all_scopes/list?life_cycle_state=OPEN", ApiErrorCodes.InvalidValue, HttpStatusCode.BadRequest },
        { "jobs/all_scopes/list?life_cycle_state=2", ApiErrorCodes.InvalidValue, HttpStatusCode.BadRequest },
        { "jobs/all_scopes/list?number_of_results=0", ApiErrorCodes.InvalidValue, HttpStatusCode.BadRequest },
        { "jobs/all_scopes/list?number_of_results=501", ApiErrorCodes.InvalidValue, HttpStatusCode.BadRequest },
        { "jobs/all_scopes/list?offset=-1", ApiErrorCodes.InvalidValue, HttpStatusCode.BadRequest },
        { "jobs/all_scopes/list?number_of_results=ten", ApiErrorCodes.WrongType, HttpStatusCode.BadRequest },
        { "jobs/all_scopes/list?type_identifier=alternative_code=NOPE", ApiErrorCodes.JobTypeNotFound, HttpStatusCode.NotFound },
        { "jobs/all_scopes/list?type_identifier=number=SWAP", CancelErrorCodes.IdentifierUnknownKey, HttpStatusCode.BadRequest },
        { "jobs/all_scopes/list?type_identifier=SWAP", ApiErrorCodes.IdentifierMalformed, HttpStatusCode.BadRequest },
        { "jobs/all_scopes/list?accounts_receivable_identifier=id=5", CancelErrorCodes.IdentifierUnknownKey, HttpStatusCode.BadRequest },
        { "jobs/all_scopes/list?state=PENDING", ApiErrorCodes.UnknownParameter, HttpStatusCode.BadRequest },
        { "jobs/all_scopes/list?life_cycle_state=PENDING&life_cycle_state=DRAFT", ApiErrorCodes.DuplicateParameter, HttpStatusCode.BadRequest },
        { "jobs/all_scopes/list?fields_set=number,colour", ApiErrorCodes.UnknownField, HttpStatusCode.BadRequest },
    };

    [Theory]
    [MemberData(nameof(ListErrors))]
    public async Task List_errors_get_their_own_code_and_status(string methodAndQuery, string code, HttpStatusCode status)
    {
        ApiAssert.Error(await GetAsync(methodAndQuery), code, status);
    }

    [Fact]
    public async Task Statuses_list_marks_the_types_default_for_start_complete_and_cancel()
    {
        var response = await GetAsync("jobs/configuration/statuses/list?job_type_identifier=alternative_code=INST");

        ApiAssert.Ok(response);
        var rows = response.Data.EnumerateArray().Select(r => new
        {
            Code = r.GetProperty("status").GetProperty("alternative_code").GetString(),
            State = r.GetProperty("status").GetProperty("life_cycle_state").GetString(),
            Default = r.GetProperty("default").GetBoolean(),
            SameId = r.GetProperty("id").GetString() == r.GetProperty("status").GetProperty("id").GetString(),
        }).ToList();
        Assert.Equal(["AWE", "CMP", "CMPP", "CNL", "CNLC", "CNLD", "CNLT", "DRF", "INP", "ONS", "PND"], rows.Select(r => r.Code).Order());
        Assert.Equal(["CMP", "CNLC", "INP"], rows.Where(r => r.Default).Select(r => r.Code).Order());
        Assert.All(rows, r => Assert.True(r.SameId));
    }

    [Theory]
    [InlineData("alternative_code=SWAP")]
    [InlineData("name=Equipment swap")]
    public async Task Statuses_list_filters_by_life_cycle_state(string typeIdentifier)
    {
        var response = await GetAsync($"jobs/configuration/statuses/list?job_type_identifier={Uri.EscapeDataString(typeIdentifier)}&life_cycle_state=CANCELLED");

        ApiAssert.Ok(response);
        Assert.Equal(["CNL", "CNLD", "CNLT"], response.Data.EnumerateArray().Select(r => r.GetProperty("status").GetProperty("alternative_code").GetString()).Order());
        Assert.Equal("CNL", response.Data.EnumerateArray().Single(r => r.GetProperty("default").GetBoolean()).GetProperty("status").GetProperty("alternative_code").GetString());
    }

    [Fact]
    public async Task Cancellation_reasons_list_gives_the_usable_reasons_with_the_default()
    {
        await using var db = await factory.Db.CreateDbContextAsync();
        var swap = await db.JobTypes.SingleAsync(t => t.AlternativeCode == "SWAP");

        var response = await GetAsync($"jobs/configuration/cancellation_reasons/list?job_type_identifier=id={swap.Id}");

        ApiAssert.Ok(response);
        var rows = response.Data.EnumerateArray().ToList();
        Assert.Equal(["CU", "DUP", "R", "TI", "WII"], rows.Select(r => r.GetProperty("cancellation_reason").GetProperty("alternative_code").GetString()).Order());
        Assert.Equal("CU", rows.Single(r => r.GetProperty("default").GetBoolean()).GetProperty("cancellation_reason").GetProperty("alternative_code").GetString());
        Assert.All(rows, r => Assert.Equal(["id", "name", "alternative_code", "description"],
            r.GetProperty("cancellation_reason").EnumerateObject().Select(p => p.Name)));
    }

    public static TheoryData<string, string, HttpStatusCode> ConfigurationErrors => new()
    {
        { "jobs/configuration/statuses/list", ApiErrorCodes.MissingParameter, HttpStatusCode.BadRequest },
        { "jobs/configuration/statuses/list?job_type_identifier=alternative_code=NOPE", ApiErrorCodes.JobTypeNotFound, HttpStatusCode.NotFound },
        { "jobs/configuration/statuses/list?job_type_identifier=alternative_code=SWAP&life_cycle_state=DONE", ApiErrorCodes.InvalidValue, HttpStatusCode.BadRequest },
        { "jobs/configuration/statuses/list?job_type_identifier=id=1&job_type_identifier=name=x", CancelErrorCodes.IdentifierAmbiguous, HttpStatusCode.BadRequest },
        { "jobs/configuration/cancellation_reasons/list", ApiErrorCodes.MissingParameter, HttpStatusCode.BadRequest },
        { "jobs/configuration/cancellation_reasons/list?job_type_identifier=", CancelErrorCodes.IdentifierEmpty, HttpStatusCode.BadRequest },
        { "jobs/configuration/cancellation_reasons/list?job_type_identifier=code=SWAP", CancelErrorCodes.IdentifierUnknownKey, HttpStatusCode.BadRequest },
        { "jobs/configuration/cancellation_reasons/list?job_type_identifier=name=Nothing", ApiErrorCodes.JobTypeNotFound, HttpStatusCode.NotFound },
        { "jobs/configuration/cancellation_reasons/list?job_type_identifier=id=1&life_cycle_state=CANCELLED", ApiErrorCodes.UnknownParameter, HttpStatusCode.BadRequest },
    };

    [Theory]
    [MemberData(nameof(ConfigurationErrors))]
    public async Task Configuration_errors_get_their_own_code_and_status(string methodAndQuery, string code, HttpStatusCode status)
    {
        ApiAssert.Error(await GetAsync(methodAndQuery), code, status);
    }

    [Theory]
    [InlineData("GET", "jobs/all_scopes/cancel")]
    [InlineData("POST", "jobs/all_scopes/show")]
    [InlineData("GET", "jobs/all_scopes/start")]
    [InlineData("DELETE", "authentication/token")]
    public async Task An_unknown_method_gets_404_with_the_envelope(string verb, string method)
    {
        using var request = new HttpRequestMessage(new HttpMethod(verb), ApiClient.Base + method);

        ApiAssert.Error(await factory.Api().SendAsync(request), ApiErrorCodes.MethodNotFound, HttpStatusCode.NotFound);
    }
}

// One body of tests, run on each database the app supports.

public sealed class JobReadApiSqliteTests(ApiAppFactory factory) : JobReadApiTests(factory), IClassFixture<ApiAppFactory>;

public sealed class JobReadApiPostgreSqlTests(PostgreSqlApiAppFactory factory) : JobReadApiTests(factory), IClassFixture<PostgreSqlApiAppFactory>;
