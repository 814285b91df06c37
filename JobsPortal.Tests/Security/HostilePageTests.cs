using System.Net;
using JobsPortal.Data;
using JobsPortal.Shared;
using JobsPortal.Tests.Features.Review;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace JobsPortal.Tests.Security;

/// <summary>
/// Hostile addresses for the pages and the export, as a supervisor's browser would open them from a
/// link: extreme and malformed dates, huge and odd text, repeated and unknown parameters, huge page
/// numbers and sizes. Each page answers 200 with its own content (never a 500 or a stack trace),
/// stays under 1 MB of HTML, and nothing changes.
/// </summary>
public sealed class HostilePageTests(HostileAppFactory factory) : IClassFixture<HostileAppFactory>
{
    private const int MaxPageBytes = 1_000_000;
    private static readonly string Huge = new('q', 100_000);
    private static readonly string ManyStates = string.Concat(Enumerable.Repeat("state=PENDING&state=X&", 2000));

    // The address, and a text the answer must contain (the page's own content).
    public static TheoryData<string, string> Pages => new()
    {
        { "/cancellations?to=9999-12-31", "cancellations-grid" },
        { "/cancellations?from=0001-01-01", "cancellations-grid" },
        { "/cancellations?from=0001-01-01&to=9999-12-31&review=all", "Per year" },
        { "/cancellations?from=1900-01-01&to=2100-12-31&review=all", "Per year" },
        { "/cancellations?from=2020-01-01&to=2030-12-31&review=all", "Per month" },
        { "/cancellations?from=2026-01-01&to=2026-12-31&review=all", "Per week (from Monday)" },
        { "/cancellations?from=9999-12-31&to=0001-01-01", "cancellations-grid" },
        { "/cancellations?from=2026-02-30&to=2026-13-01", "cancellations-grid" },
        { "/cancellations?from=%2B002026-01-01&to=20260101", "cancellations-grid" },
        { "/cancellations?from=2026-01-01&from=2020-01-01&to=2026-12-31&to=x", "cancellations-grid" },
        { "/cancellations?by=" + Huge, "cancellations-grid" },
        { "/cancellations?by=%27%20OR%201%3D1%20--&reason=-1&type=99999999999&unit=0", "cancellations-grid" },
        { "/cancellations?review=%00&left=%E2%80%AE&channel=API%27--&unknown=1", "cancellations-grid" },
        { "/jobs?created-from=0001-01-01&created-to=9999-12-31&scheduled-from=0001-01-01&scheduled-to=9999-12-31", "job-grid" },
        { "/jobs?q=" + Huge, "job-grid" },
        { "/jobs?q=%27%20OR%201%3D1%20--", "job-grid" },
        { "/jobs?q=NEAR(a%20b)%20AND%20%22x%22%20-y%20%5Ez*%20OR", "job-grid" },
        { "/jobs?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "job-grid" },
        { "/jobs?q=%00%E2%80%AE%E2%80%8B%F0%9F%98%80%ED%A0%80", "job-grid" },
        { "/jobs?" + ManyStates, "job-grid" },
        { "/jobs?page=2147483647&size=100", "job-grid" },
        { "/jobs?page=99999999999999999&size=999999", "job-grid" },
        { "/jobs?page=-1&size=-1&sort=%00&dir=sideways", "job-grid" },
        { "/jobs?q=a&q=b&user=" + Huge + "&type=1&type=2", "job-grid" },
        { "/jobs/%27%20OR%201%3D1%20--", "Job not found" },
        { "/jobs/" + new string('J', 5000), "Job not found" },
        { "/jobs/J00000001%E2%80%AE", "Job not found" },
        { "/jobs/%3Cscript%3Ealert(1)%3C%2Fscript%3E", "Job not found" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_hostile_address_shows_the_page_under_a_megabyte_and_changes_nothing(string address, string expected)
    {
        var browser = await factory.BrowserAsync(ReviewTestData.Supervisor);
        var before = await factory.SnapshotAsync();

        var response = await browser.GetAsync(address);
        var html = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{address[..Math.Min(80, address.Length)]} answered {(int)response.StatusCode}");
        Assert.Contains(expected, html, StringComparison.Ordinal);
        Assert.InRange(html.Length, 1, MaxPageBytes);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        Assert.Equal(before, await factory.SnapshotAsync());
    }

    public static TheoryData<string> Exports => new()
    {
        "from=2020-01-01&to=9999-12-31&review=all",
        "from=0001-01-01&to=9999-12-31&review=all",
        "from=9999-12-31&to=0001-01-01&review=all",
        "from=0001-01-01&to=9999-12-31&review=all&reason=x&type=-1&unit=%00&channel=%E2%80%AE&left=maybe",
    };

    [Theory]
    [MemberData(nameof(Exports))]
    public async Task An_export_with_extreme_dates_completes_with_every_row(string query)
    {
        var browser = await factory.BrowserAsync(ReviewTestData.Supervisor);
        int expected;
        await using (var db = await factory.Db.CreateDbContextAsync())
        {
            expected = await db.JobCancellations.CountAsync();
        }

        var response = await browser.GetAsync($"{AppRoutes.CancellationsExport}?{query}");
        var (_, rows) = await CsvReadBack.ReadAsync(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(expected, rows.Count);
        Assert.EndsWith("_2100-12-31.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
    }
}
