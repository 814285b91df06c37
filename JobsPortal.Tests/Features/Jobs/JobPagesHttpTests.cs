using System.Net;
using JobsPortal.Data.Seeding;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace JobsPortal.Tests.Features.Jobs;

public sealed class JobPagesHttpTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private async Task<HttpClient> SignedInClientAsync()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await HttpSignIn.PostLoginAsync(client, "maria.lopez@example.com", DemoCatalog.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    [Fact]
    public async Task A_job_page_is_titled_with_the_job()
    {
        var client = await SignedInClientAsync();

        var response = await client.GetAsync("/jobs/J00000007");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Matches(@"<title>J00000007 · [^<]+ · JobsPortal</title>", html);
        Assert.Contains("data-testid=\"job-actions\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_job_is_said_to_be_unknown_with_a_way_back_to_the_search()
    {
        var client = await SignedInClientAsync();

        // Answered 200: in .NET 10 a 404 set while rendering drops the page's own body in favour of
        // the status-code page, which would lose the way back to the search (see README).
        var response = await client.GetAsync("/jobs/J99999999");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Job not found", html, StringComparison.Ordinal);
        Assert.Contains("<title>Job not found · JobsPortal</title>", html, StringComparison.Ordinal);
        Assert.Matches("<a [^>]*href=\"/jobs\"[^>]*data-testid=\"back-to-search\"|<a [^>]*data-testid=\"back-to-search\"[^>]*href=\"/jobs\"", html);
    }

    [Fact]
    public async Task The_search_page_is_where_signing_in_leads()
    {
        var client = await SignedInClientAsync();

        var response = await client.GetAsync("/jobs?state=PENDING");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<title>Jobs · JobsPortal</title>", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"job-grid\"", html, StringComparison.Ordinal);
    }
}
