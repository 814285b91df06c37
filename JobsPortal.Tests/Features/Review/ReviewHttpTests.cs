using System.Net;
using JobsPortal.Data;
using JobsPortal.Data.Seeding;
using JobsPortal.Shared;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JobsPortal.Tests.Features.Review;

/// <summary>The page and the export over HTTP, as a browser or a script would call them.</summary>
public abstract class ReviewHttpTests(AppFactory factory)
{
    private const string WholeHistory = "from=2020-01-01&to=2030-12-31&review=all";

    private HttpClient NewClient() =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = NewClient();
        var response = await HttpSignIn.PostLoginAsync(client, email, DemoCatalog.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    [Theory]
    [InlineData("/cancellations")]
    [InlineData(AppRoutes.CancellationsExport + "?" + WholeHistory)]
    public async Task Anonymous_caller_is_sent_to_sign_in(string path)
    {
        var response = await NewClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", new Uri(factory.Server.BaseAddress, response.Headers.Location!).PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/cancellations")]
    [InlineData(AppRoutes.CancellationsExport + "?" + WholeHistory)]
    public async Task Agent_gets_the_not_allowed_page_instead_of_the_page_or_the_export(string path)
    {
        var client = await SignedInAsync(ReviewTestData.Agent);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(AppRoutes.NotAllowed, new Uri(factory.Server.BaseAddress, response.Headers.Location!).AbsolutePath);
        Assert.DoesNotContain("text/csv", response.Content.Headers.ContentType?.MediaType ?? "", StringComparison.Ordinal);
        var shown = await client.GetAsync(new Uri(factory.Server.BaseAddress, response.Headers.Location!));
        Assert.Equal(HttpStatusCode.Forbidden, shown.StatusCode);
        var html = await shown.Content.ReadAsStringAsync();
        Assert.Contains("Not allowed", html, StringComparison.Ordinal);
        // Inside the app's shell: its bar and navigation, and a way back.
        Assert.Contains("mud-appbar", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/jobs\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("cancellations-grid", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Supervisor_gets_the_page()
    {
        var client = await SignedInAsync(ReviewTestData.Supervisor);

        var response = await client.GetAsync("/cancellations");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1", html, StringComparison.Ordinal);
        Assert.Contains("Cancellations", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Supervisor_downloads_every_row_of_the_filter_as_a_utf8_csv_named_after_the_dates()
    {
        var client = await SignedInAsync(ReviewTestData.Admin);
        int reasonId;
        List<string> expected;
        await using (var db = await factory.Services.GetRequiredService<IDbContextFactory<JobsPortalDbContext>>().CreateDbContextAsync())
        {
            reasonId = await db.JobCancellations.GroupBy(c => c.CancellationReasonId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
            expected = await db.JobCancellations.Where(c => c.CancellationReasonId == reasonId).Select(c => c.Job.Number).OrderBy(n => n).ToListAsync();
        }

        var response = await client.GetAsync($"{AppRoutes.CancellationsExport}?{WholeHistory}&reason={reasonId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("cancellations_2020-01-01_2030-12-31.csv", response.Content.Headers.ContentDisposition.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(CsvReadBack.StartsWithUtf8ByteOrderMark(bytes));
        var (_, rows) = await CsvReadBack.ReadAsync(bytes);
        Assert.True(expected.Count > 10);
        Assert.Equal(expected, rows.Select(r => r["Job number"]).Order(StringComparer.Ordinal).ToList());
    }
}

// One body of tests, run on each database the app supports.

public sealed class ReviewHttpSqliteTests(AppFactory factory) : ReviewHttpTests(factory), IClassFixture<AppFactory>;

public sealed class ReviewHttpPostgreSqlTests(PostgreSqlAppFactory factory) : ReviewHttpTests(factory), IClassFixture<PostgreSqlAppFactory>;
