using System.Net;
using System.Net.Http.Headers;
using System.Text;
using JobsPortal.Features.Api;
using JobsPortal.Features.Cancellation;
using JobsPortal.Tests.Features.Api;
using JobsPortal.Tests.TestInfrastructure;

namespace JobsPortal.Tests.Security;

/// <summary>
/// Hostile query strings for the GET methods, tampered tokens, and odd sign-in names: each answers
/// its own code with the envelope, never a 500, and changes nothing.
/// </summary>
public sealed class HostileApiQueryTests(HostileAppFactory factory) : IClassFixture<HostileAppFactory>
{
    private const string Show = "jobs/all_scopes/show?job_identifier=number=J00000001";
    private const string List = "jobs/all_scopes/list";

    public static TheoryData<string, string, HttpStatusCode> Queries => new()
    {
        { "jobs/all_scopes/show?job_identifier=number=%00", CancelErrorCodes.JobNotFound, HttpStatusCode.NotFound },
        { "jobs/all_scopes/show?job_identifier=number=%E2%80%AEJ00000001", CancelErrorCodes.JobNotFound, HttpStatusCode.NotFound },
        { "jobs/all_scopes/show?job_identifier=number=J00000001%E2%80%8B", CancelErrorCodes.JobNotFound, HttpStatusCode.NotFound },
        { "jobs/all_scopes/show?job_identifier=number=%F0%9F%98%80", CancelErrorCodes.JobNotFound, HttpStatusCode.NotFound },
        { "jobs/all_scopes/show?job_identifier=number=%ED%A0%80", CancelErrorCodes.JobNotFound, HttpStatusCode.NotFound },
        { "jobs/all_scopes/show?job_identifier=number=%27%20OR%201%3D1%20--", CancelErrorCodes.JobNotFound, HttpStatusCode.NotFound },
        { "jobs/all_scopes/show?job_identifier=id=99999999999999999999", CancelErrorCodes.JobNotFound, HttpStatusCode.NotFound },
        { "jobs/all_scopes/show?job_identifier=number", ApiErrorCodes.IdentifierMalformed, HttpStatusCode.BadRequest },
        { "jobs/all_scopes/show?job_identifier=sql=1", CancelErrorCodes.IdentifierUnknownKey, HttpStatusCode.BadRequest },
        { "jobs/all_scopes/show?job_identifier=number=J00000001&job_identifier=id=1", CancelErrorCodes.IdentifierAmbiguous, HttpStatusCode.BadRequest },
        { "jobs/all_scopes/show", ApiErrorCodes.MissingParameter, HttpStatusCode.BadRequest },
        { Show + "&fields_set=,,,", ApiErrorCodes.InvalidValue, HttpStatusCode.BadRequest },
        { Show + "&fields_set=%2C", ApiErrorCodes.InvalidValue, HttpStatusCode.BadRequest },
        { Show + "&fields_set=number&fields_set=id", ApiErrorCodes.DuplicateParameter, HttpStatusCode.BadRequest },
        { Show + "&fields_set=%00", ApiErrorCodes.UnknownField, HttpStatusCode.BadRequest },
        { Show + "&fields_set=number,<script>", ApiErrorCodes.UnknownField, HttpStatusCode.BadRequest },
        { Show + "&Job_Identifier=number=J00000001", ApiErrorCodes.UnknownParameter, HttpStatusCode.BadRequest },
        { Show + "&debug=true", ApiErrorCodes.UnknownParameter, HttpStatusCode.BadRequest },
        { List + "?number_of_results=0", ApiErrorCodes.InvalidValue, HttpStatusCode.BadRequest },
        { List + "?number_of_results=501", ApiErrorCodes.InvalidValue, HttpStatusCode.BadRequest },
        { List + "?number_of_results=-1", ApiErrorCodes.InvalidValue, HttpStatusCode.BadRequest },
        { List + "?number_of_results=1e3", ApiErrorCodes.WrongType, HttpStatusCode.BadRequest },
        { List + "?number_of_results=99999999999", ApiErrorCodes.WrongType, HttpStatusCode.BadRequest },
        { List + "?number_of_results=1&number_of_results=2", ApiErrorCodes.DuplicateParameter, HttpStatusCode.BadRequest },
        { List + "?offset=-1", ApiErrorCodes.InvalidValue, HttpStatusCode.BadRequest },
        { List + "?life_cycle_state=CANCELLED%27%20OR%20%271%27%3D%271", ApiErrorCodes.InvalidValue, HttpStatusCode.BadRequest },
        { List + "?life_cycle_state=%00", ApiErrorCodes.InvalidValue, HttpStatusCode.BadRequest },
        { List + "?type_identifier=name=*", ApiErrorCodes.JobTypeNotFound, HttpStatusCode.NotFound },
        { "jobs/configuration/statuses/list?job_type_identifier=id=1%3BDROP%20TABLE%20Jobs", ApiErrorCodes.JobTypeNotFound, HttpStatusCode.NotFound },
        { "jobs/configuration/cancellation_reasons/list", ApiErrorCodes.MissingParameter, HttpStatusCode.BadRequest },
        { "jobs/all_scopes/delete?job_identifier=number=J00000001", ApiErrorCodes.MethodNotFound, HttpStatusCode.NotFound },
        { "..%2F..%2Fetc%2Fpasswd", ApiErrorCodes.MethodNotFound, HttpStatusCode.NotFound },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task A_hostile_query_gets_its_code_and_changes_nothing(string methodAndQuery, string code, HttpStatusCode status)
    {
        var token = await factory.TokenAsync(DemoPeople.Agent);
        var before = await factory.SnapshotAsync();

        var response = await factory.Api().GetAsync(methodAndQuery, token);

        ApiAssert.Error(response, code, status);
        Assert.Equal(before, await factory.SnapshotAsync());
    }

    public static TheoryData<string, string> Reads => new()
    {
        { List + "?offset=2147483647", "[]" },
        { List + "?accounts_receivable_identifier=number=%25", "[]" },
        { List + "?accounts_receivable_identifier=number=%27%20OR%20%271%27%3D%271", "[]" },
        { Show + "&fields_set=number,,,number", """{"number":"J00000001"}""" },
        { Show + "&fields_set=%20number%20", """{"number":"J00000001"}""" },
    };

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task An_odd_but_harmless_query_answers_exactly_what_it_asks(string methodAndQuery, string data)
    {
        var response = await factory.Api().GetAsync(methodAndQuery, await factory.TokenAsync(DemoPeople.Agent));

        ApiAssert.Ok(response);
        Assert.Equal(data, response.Data.GetRawText());
    }

    // How each tampered token is sent: the scheme and the token.
    public static TheoryData<string, string, string> Tokens => new()
    {
        { "truncated", "Bearer", ApiErrorCodes.TokenInvalid },
        { "altered", "Bearer", ApiErrorCodes.TokenInvalid },
        { "appended", "Bearer", ApiErrorCodes.TokenInvalid },
        { "garbage", "Bearer", ApiErrorCodes.TokenInvalid },
        { "valid", "Basic", ApiErrorCodes.TokenMissing },
        { "valid", "Token", ApiErrorCodes.TokenMissing },
        { "empty", "Bearer", ApiErrorCodes.TokenMissing },
    };

    [Theory]
    [MemberData(nameof(Tokens))]
    public async Task A_tampered_token_or_another_scheme_is_refused(string how, string scheme, string code)
    {
        var valid = await factory.TokenAsync(DemoPeople.Agent);
        var token = how switch
        {
            "truncated" => valid[..^12],
            "altered" => valid[..(valid.Length / 2)] + (valid[valid.Length / 2] == 'A' ? 'B' : 'A') + valid[(valid.Length / 2 + 1)..],
            "appended" => valid + "AAAA",
            "garbage" => Convert.ToBase64String(Encoding.UTF8.GetBytes("' OR 1=1 -- " + new string('x', 100))),
            "empty" => "",
            _ => valid,
        };
        using var request = new HttpRequestMessage(HttpMethod.Get, ApiClient.Base + Show);
        request.Headers.TryAddWithoutValidation("Authorization", $"{scheme} {token}");

        var response = await factory.Api().SendAsync(request);

        ApiAssert.Error(response, code, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_in_a_posts_query_string_is_not_taken()
    {
        var job = await factory.PendingJobAsync();
        var token = await factory.TokenAsync(DemoPeople.Agent);
        var before = await factory.SnapshotAsync();

        var response = await factory.Api().PostAsync($"jobs/all_scopes/cancel?token={Uri.EscapeDataString(token)}",
            new { job_identifier = new { number = job.Number } });

        ApiAssert.Error(response, ApiErrorCodes.TokenMissing, HttpStatusCode.Unauthorized);
        Assert.Equal(before, await factory.SnapshotAsync());
    }

    public static TheoryData<string, string> SignIns => new()
    {
        { "' OR 1=1 --", "x" },
        { "admin@example.com' --", "x" },
        { "nobody\u0000@example.com", "Demo!2026" },
        { "\u202emoc.elpmaxe@nimda", "Demo!2026" },
        { "nobody\u200b@example.com", "Demo!2026" },
        { "😀@example.com", "😀" },
        { new string('a', 5000) + "@example.com", "x" },
    };

    [Theory]
    [MemberData(nameof(SignIns))]
    public async Task An_odd_username_gets_invalid_credentials(string username, string password)
    {
        var response = await factory.Api().PostAsync("authentication/token", new { username, password });

        ApiAssert.Error(response, ApiErrorCodes.InvalidCredentials, HttpStatusCode.Unauthorized);
    }
}
