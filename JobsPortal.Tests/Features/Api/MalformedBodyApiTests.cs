using System.Globalization;
using System.Net;
using System.Text;
using JobsPortal.Data.Entities;
using JobsPortal.Features.Api;
using Microsoft.EntityFrameworkCore;

namespace JobsPortal.Tests.Features.Api;

/// <summary>
/// A body that is JSON in shape but not text: bytes that are not UTF-8, or an escape that leaves half
/// of a surrogate pair (<c>"\ud800"</c>). Wherever such a string is (a name or a value, at the top or
/// inside an identifier) every POST method answers 400 INVALID_JSON with the envelope, never a 500, and
/// changes nothing. Nothing here writes, so the tests share the fixture's database.
/// </summary>
public abstract class MalformedBodyApiTests(ApiAppFactory factory)
{
    private const string Token = "authentication/token";
    private const string Cancel = "jobs/all_scopes/cancel";

    // %XX is a raw byte: %FF is never UTF-8, %C3 starts a two-byte sequence that does not go on,
    // %ED%A0%80 is a surrogate written as UTF-8 (CESU-8), which UTF-8 forbids.
    public static TheoryData<string> TokenBodies => new()
    {
        """{"username":"maria.lopez@example.com","password":"\ud800"}""",
        """{"username":"maria.lopez@example.com\udc00","password":"Demo!2026"}""",
        """{"username":"maria.lopez@example.com","password":"Demo!2026","organisation":"\ud800x"}""",
        """{"username":"maria.lopez@example.com","password":"Demo%FF2026"}""",
        """{"username":"maria.lopez@example.com%C3","password":"Demo!2026"}""",
        """{"username":"maria.lopez@example.com","password":"%ED%A0%80"}""",
        """{"user%FFname":"maria.lopez@example.com","password":"Demo!2026"}""",
        """{"\ud800":"maria.lopez@example.com","password":"Demo!2026"}""",
    };

    [Theory]
    [MemberData(nameof(TokenBodies))]
    public async Task A_token_request_with_a_string_that_is_not_text_is_invalid_json(string body)
    {
        var response = await factory.Api().PostBytesAsync(Token, Bytes(body));

        ApiAssert.Error(response, ApiErrorCodes.InvalidJson, HttpStatusCode.BadRequest);
    }

    public static TheoryData<string> CancelBodies => new()
    {
        """{"job_identifier":{"number":"{number}"},"note":"\ud800"}""",
        """{"job_identifier":{"number":"{number}"},"note":"moved \udfff away"}""",
        """{"job_identifier":{"number":"{number}"},"note":"%FF"}""",
        """{"job_identifier":{"number":"{number}"},"fields_set":"number%C3"}""",
        """{"job_identifier":{"number":"{number}"},"token":"\ud800"}""",
        """{"job_identifier":{"number":"{number}\ud800"}}""",
        """{"job_identifier":{"number":"{number}%ED%A0%80"}}""",
        """{"job_identifier":{"\ud800":"{number}"}}""",
        """{"job_identifier":{"num%FFber":"{number}"}}""",
        """{"job_identifier":{"number":"{number}"},"status_identifier":{"alternative_code":"\udc00"}}""",
        """{"job_identifier":{"number":"{number}"},"cancellation_reason_identifier":{"na\ud800me":"Regret"}}""",
        """{"job_identifier":{"number":"{number}"},"\ud800":true}""",
        """{"job_identifier":{"number":"{number}"},"no%FFte":"x"}""",
    };

    [Theory]
    [MemberData(nameof(CancelBodies))]
    public async Task A_cancel_with_a_string_that_is_not_text_is_invalid_json_and_changes_nothing(string body)
    {
        var job = await PendingJobAsync();
        var api = factory.Api();

        var response = await api.PostBytesAsync(Cancel, Bytes(body.Replace("{number}", job.Number, StringComparison.Ordinal)), await api.TokenAsync());

        ApiAssert.Error(response, ApiErrorCodes.InvalidJson, HttpStatusCode.BadRequest);
        await AssertStillPendingAsync(job);
    }

    [Fact]
    public async Task With_the_token_in_the_body_a_note_that_is_not_text_is_invalid_json_too()
    {
        var job = await PendingJobAsync();
        var api = factory.Api();
        var body = $$$"""{"token":"{{{await api.TokenAsync()}}}","job_identifier":{"number":"{{{job.Number}}}"},"note":"\ud800"}""";

        var response = await api.PostBytesAsync(Cancel, Bytes(body));

        ApiAssert.Error(response, ApiErrorCodes.InvalidJson, HttpStatusCode.BadRequest);
        await AssertStillPendingAsync(job);
    }

    [Fact]
    public async Task A_token_field_that_is_not_text_is_no_token()
    {
        var job = await PendingJobAsync();

        var response = await factory.Api().PostBytesAsync(Cancel, Bytes($$$"""{"token":"\ud800","job_identifier":{"number":"{{{job.Number}}}"}}"""));

        ApiAssert.Error(response, ApiErrorCodes.TokenMissing, HttpStatusCode.Unauthorized);
        await AssertStillPendingAsync(job);
    }

    private static byte[] Bytes(string body)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] == '%')
            {
                bytes.Add(byte.Parse(body.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(body[i].ToString()));
            }
        }
        return [.. bytes];
    }

    private async Task<Job> PendingJobAsync()
    {
        await using var db = await factory.Db.CreateDbContextAsync();
        return await db.Jobs.AsNoTracking().Where(j => j.LifeCycleState == LifeCycleState.PENDING).OrderBy(j => j.Id).FirstAsync();
    }

    private async Task AssertStillPendingAsync(Job job)
    {
        await using var db = await factory.Db.CreateDbContextAsync();
        var after = await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == job.Id);
        Assert.Equal(LifeCycleState.PENDING, after.LifeCycleState);
        Assert.Equal(job.Version, after.Version);
    }
}

// One body of tests, run on each database the app supports.

public sealed class MalformedBodyApiSqliteTests(ApiAppFactory factory) : MalformedBodyApiTests(factory), IClassFixture<ApiAppFactory>;

public sealed class MalformedBodyApiPostgreSqlTests(PostgreSqlApiAppFactory factory) : MalformedBodyApiTests(factory), IClassFixture<PostgreSqlApiAppFactory>;
