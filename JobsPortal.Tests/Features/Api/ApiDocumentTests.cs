using System.Net;
using System.Text.Json;
using JobsPortal.Features.Api;
using JobsPortal.Tests.TestInfrastructure;

namespace JobsPortal.Tests.Features.Api;

/// <summary>The OpenAPI document and the reference page: both anonymous, both from this server.</summary>
public abstract class ApiDocumentTests(AppFactory factory)
{
    [Fact]
    public async Task The_openapi_document_is_anonymous_and_describes_every_method()
    {
        var response = await factory.CreateClient().GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths");
        Assert.Equal(
            ["/crmapi/rest/v2/authentication/token", "/crmapi/rest/v2/jobs/all_scopes/cancel", "/crmapi/rest/v2/jobs/all_scopes/complete",
             "/crmapi/rest/v2/jobs/all_scopes/list", "/crmapi/rest/v2/jobs/all_scopes/reopen", "/crmapi/rest/v2/jobs/all_scopes/show",
             "/crmapi/rest/v2/jobs/all_scopes/start_progress",
             "/crmapi/rest/v2/jobs/configuration/cancellation_reasons/list", "/crmapi/rest/v2/jobs/configuration/statuses/list",
             "/crmapi/rest/v2/jobs/generic_purpose/create"],
            paths.EnumerateObject().Select(p => p.Name).Order());
        var show = paths.GetProperty("/crmapi/rest/v2/jobs/all_scopes/show").GetProperty("get");
        Assert.Contains(show.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "job_identifier");
        var cancelBody = paths.GetProperty("/crmapi/rest/v2/jobs/all_scopes/cancel").GetProperty("post").GetProperty("requestBody");
        Assert.Contains("cancel_provided_items", cancelBody.GetRawText(), StringComparison.Ordinal);
        var description = document.RootElement.GetProperty("info").GetProperty("description").GetString()!;
        Assert.All(ApiErrorCatalog.All, e => Assert.Contains($"`{e.Code}`", description, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_reference_page_is_anonymous_and_loads_its_script_from_this_server()
    {
        var client = factory.CreateClient();

        var page = await client.GetAsync("/api-docs/");
        var html = await page.Content.ReadAsStringAsync();
        var script = await client.GetAsync("/api-docs/scalar.js");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<script src=\"scalar.js\"", html, StringComparison.Ordinal); // then its CSP nonce
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.True((await script.Content.ReadAsByteArrayAsync()).Length > 100_000);
    }
}

// One body of tests, run on each database the app supports.

public sealed class ApiDocumentSqliteTests(AppFactory factory) : ApiDocumentTests(factory), IClassFixture<AppFactory>;

public sealed class ApiDocumentPostgreSqlTests(PostgreSqlAppFactory factory) : ApiDocumentTests(factory), IClassFixture<PostgreSqlAppFactory>;
