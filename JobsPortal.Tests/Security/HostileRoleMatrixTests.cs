using System.Net;
using JobsPortal.Features.Api;
using JobsPortal.Features.Cancellation;
using JobsPortal.Shared;
using JobsPortal.Tests.Features.Api;
using JobsPortal.Tests.TestInfrastructure;

namespace JobsPortal.Tests.Security;

/// <summary>
/// Who reaches what: anonymous, agent, supervisor and admin against every page, the export and every
/// API method. Pages answer 200, a redirect to sign-in (anonymous) or to the not-allowed page; API
/// methods answer 401 without a token and never take a browser's cookie in place of one.
/// </summary>
public sealed class HostileRoleMatrixTests(HostileAppFactory factory) : IClassFixture<HostileAppFactory>
{
    private const string Anonymous = "anonymous";
    private const string Export = AppRoutes.CancellationsExport + "?from=2026-01-01&to=2026-01-31";

    // The expected answer: 200, "login" (302 to the sign-in page) or "denied" (302 to the not-allowed page).
    public static TheoryData<string, string, string> Pages()
    {
        var data = new TheoryData<string, string, string>();
        var people = new[] { Anonymous, DemoPeople.Agent, DemoPeople.Supervisor, DemoPeople.Admin };
        var pages = new (string Path, bool Anonymous, bool Agent)[]
        {
            ("/", false, true),
            (AppRoutes.Jobs, false, true),
            (AppRoutes.Jobs + "?state=PENDING&q=harbour", false, true),
            (AppRoutes.Job("J00000001"), false, true),
            (AppRoutes.Job("J99999999"), false, true),
            (AppRoutes.Cancellations, false, false),
            (Export, false, false),
            ("/api-docs/", true, true),
            ("/openapi/v1.json", true, true),
            ("/health", true, true),
        };
        foreach (var person in people)
        {
            foreach (var (path, anonymous, agent) in pages)
            {
                var expected = person == Anonymous
                    ? anonymous ? "200" : "login"
                    : person == DemoPeople.Agent && !agent ? "denied" : "200";
                data.Add(person, path, expected);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_page_answers_each_role_as_its_policy_says(string person, string path, string expected)
    {
        var client = person == Anonymous ? factory.Anonymous() : await factory.BrowserAsync(person);

        var response = await client.GetAsync(path);

        switch (expected)
        {
            case "200":
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                break;
            case "login":
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.StartsWith(AppRoutes.Login, response.Headers.Location!.OriginalString.Split('?')[0].Replace("http://localhost", "", StringComparison.Ordinal), StringComparison.Ordinal);
                break;
            default:
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.Contains(AppRoutes.NotAllowed, response.Headers.Location!.OriginalString, StringComparison.Ordinal);
                break;
        }
        Assert.NotEqual("text/csv", expected == "200" ? null : response.Content.Headers.ContentType?.MediaType);
    }

    // Each API method with a request that changes nothing when it is allowed (the job does not exist).
    public static TheoryData<string, string, string> Methods()
    {
        var data = new TheoryData<string, string, string>();
        var methods = new[]
        {
            ("GET", "jobs/all_scopes/show?job_identifier=number=J00000001"),
            ("GET", "jobs/all_scopes/list?number_of_results=1"),
            ("GET", "jobs/configuration/statuses/list?job_type_identifier=id=1"),
            ("GET", "jobs/configuration/cancellation_reasons/list?job_type_identifier=id=1"),
            ("POST", "jobs/all_scopes/cancel"),
        };
        foreach (var person in new[] { Anonymous, "cookie", DemoPeople.Agent, DemoPeople.Supervisor, DemoPeople.Admin })
        {
            foreach (var (verb, path) in methods)
            {
                data.Add(person, verb, path);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task Every_api_method_needs_a_staff_token(string person, string verb, string path)
    {
        var before = await factory.SnapshotAsync();
        // "cookie": a supervisor's signed-in browser, which is no API token.
        var http = person == "cookie" ? await factory.BrowserAsync(DemoPeople.Supervisor) : factory.Anonymous();
        var api = new ApiClient(http);
        var token = person is Anonymous or "cookie" ? null : await factory.TokenAsync(person);

        var response = verb == "GET"
            ? await api.GetAsync(path, token)
            : await api.PostAsync(path, new { job_identifier = new { number = "J99999999" } }, token);

        if (token is null)
        {
            ApiAssert.Error(response, ApiErrorCodes.TokenMissing, HttpStatusCode.Unauthorized);
        }
        else if (verb == "POST")
        {
            ApiAssert.Error(response, CancelErrorCodes.JobNotFound, HttpStatusCode.NotFound);
        }
        else
        {
            ApiAssert.Ok(response);
        }
        Assert.Equal(before, await factory.SnapshotAsync());
    }

    [Fact]
    public async Task A_signed_in_account_without_a_staff_role_is_not_allowed_any_method()
    {
        await factory.CreateUserAsync("no.role@example.com");
        var token = await factory.TokenAsync("no.role@example.com");
        var before = await factory.SnapshotAsync();

        var show = await factory.Api().GetAsync("jobs/all_scopes/show?job_identifier=number=J00000001", token);
        var cancel = await factory.Api().PostAsync("jobs/all_scopes/cancel", new { job_identifier = new { number = "J00000001" } }, token);

        ApiAssert.Error(show, CancelErrorCodes.NotAllowed, HttpStatusCode.Forbidden);
        ApiAssert.Error(cancel, CancelErrorCodes.NotAllowed, HttpStatusCode.Forbidden);
        Assert.Equal(before, await factory.SnapshotAsync());
    }
}
