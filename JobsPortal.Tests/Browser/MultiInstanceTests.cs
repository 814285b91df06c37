using System.Diagnostics;
using System.Net;
using System.Text.Json;
using JobsPortal.Data;
using JobsPortal.Data.Entities;
using JobsPortal.Features.Cancellation;
using JobsPortal.Shared;
using JobsPortal.Tests.Features.Api;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace JobsPortal.Tests.Browser;

/// <summary>
/// Two app instances on one PostgreSQL database, each a real Kestrel server on its own port, as two
/// machines behind a load balancer would be: one answer to simultaneous cancels through both, one
/// sign-in and one token good on both, and a change made on one shown live on a page the other serves.
/// </summary>
public sealed class MultiInstanceTests : IAsyncLifetime
{
    private AppFactory _a = null!, _b = null!;
    private string _database = "";
    private string _urlA = "", _urlB = "";

    public async Task InitializeAsync()
    {
        var server = await PostgresServer.GetAsync();
        _database = await server.CreateEmptyDatabaseAsync();
        _a = Instance();
        _b = Instance();
        // A migrates and seeds the new database; B starts on it as a second instance does.
        _urlA = _a.StartKestrel();
        _urlB = _b.StartKestrel();
    }

    private AppFactory Instance()
    {
        var app = new AppFactory { Provider = DatabaseProvider.PostgreSql, PostgreSqlDatabase = _database };
        app.Settings["JobsPortal:Api:TokenRequestsPerWindow"] = "100000";
        return app;
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        await (await PostgresServer.GetAsync()).DropDatabaseAsync(_database);
    }

    private static HttpClient Client(string url, CookieContainer? cookies = null) =>
        new(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(url) };

    private async Task<Job> OpenJobAsync(LifeCycleState state)
    {
        await using var db = await _a.Services.GetRequiredService<IDbContextFactory<JobsPortalDbContext>>().CreateDbContextAsync();
        return await db.Jobs.AsNoTracking().OrderBy(j => j.Id).FirstAsync(j => j.LifeCycleState == state);
    }

    [Fact]
    public async Task A_hundred_simultaneous_api_cancels_of_one_job_through_two_instances_give_one_OK_and_99_conflicts()
    {
        var job = await OpenJobAsync(LifeCycleState.IN_PROGRESS);
        using var httpA = Client(_urlA);
        using var httpB = Client(_urlB);
        var apiA = new ApiClient(httpA);
        var apiB = new ApiClient(httpB);
        var tokenA = await apiA.TokenAsync(DemoPeople.Agent);
        var tokenB = await apiB.TokenAsync("tom.becker@example.com");
        var body = JsonSerializer.Serialize(new { job_identifier = new { number = job.Number }, cancel_provided_items = true });

        using var go = new SemaphoreSlim(0);
        var calls = Enumerable.Range(0, 100).Select(async i =>
        {
            await go.WaitAsync();
            return i % 2 == 0 ? await apiA.PostRawAsync("jobs/all_scopes/cancel", body, tokenA) : await apiB.PostRawAsync("jobs/all_scopes/cancel", body, tokenB);
        }).ToList();
        go.Release(100);
        var responses = await Task.WhenAll(calls);

        Assert.Single(responses, r => r.Status == HttpStatusCode.OK);
        Assert.Equal(99, responses.Count(r => r.Status == HttpStatusCode.Conflict));
        Assert.All(responses.Where(r => r.Status != HttpStatusCode.OK), r => ApiAssert.Error(r, CancelErrorCodes.JobAlreadyCancelled, HttpStatusCode.Conflict));
        await using var db = await _b.Services.GetRequiredService<IDbContextFactory<JobsPortalDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, await db.JobCancellations.CountAsync(c => c.JobId == job.Id));
        Assert.Equal(1, await db.JobEvents.CountAsync(e => e.JobId == job.Id && e.Kind == JobEventKind.CANCELLED));
    }

    [Fact]
    public async Task Both_instances_read_one_key_ring_from_the_database_and_none_from_a_folder()
    {
        await using var db = await _a.Services.GetRequiredService<IDbContextFactory<JobsPortalDbContext>>().CreateDbContextAsync();
        // The first instance made the ring's one key at start-up; the second found it there and made none.
        var stored = Assert.Single(await db.DataProtectionKeys.AsNoTracking().ToListAsync());
        foreach (var app in new[] { _a, _b })
        {
            // The key repository is the database's, so no key folder (shared or not) takes part in what follows.
            var repository = app.Services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlRepository;
            Assert.IsType<EntityFrameworkCoreXmlRepository<JobsPortalDbContext>>(repository);
            var key = Assert.Single(app.Services.GetRequiredService<IKeyManager>().GetAllKeys());
            Assert.Equal($"key-{key.KeyId}", stored.FriendlyName);
        }
    }

    [Fact]
    public async Task A_cookie_signed_in_on_one_instance_opens_jobs_on_the_other_and_its_forms_and_tokens_work_there()
    {
        var cookies = new CookieContainer();
        using var httpA = Client(_urlA, cookies);
        var signedIn = await HttpSignIn.PostLoginAsync(httpA, DemoPeople.Agent, Data.Seeding.DemoCatalog.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        // The same cookies sent to B (the host is localhost on both, only the port differs).
        using var httpB = Client(_urlB, cookies);
        var jobs = await httpB.GetAsync("/jobs");
        Assert.Equal(HttpStatusCode.OK, jobs.StatusCode);
        Assert.Contains("Maria Lopez", await jobs.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A form rendered by A (its antiforgery token, in a cookie and a field) posted to B: sign-out is such a form.
        var page = await httpA.GetStringAsync("/jobs");
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = HttpSignIn.AntiforgeryTokenOf(page),
            ["ReturnUrl"] = "",
        });
        var signedOut = await httpB.PostAsync("/Account/Logout", form);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        // An API token issued by one instance is taken by the other, both ways.
        using var apiHttpB = Client(_urlB);
        using var apiHttpA = Client(_urlA);
        var job = await OpenJobAsync(LifeCycleState.PENDING);
        var show = $"jobs/all_scopes/show?job_identifier=number={job.Number}";
        var tokenFromB = await new ApiClient(apiHttpB).TokenAsync(DemoPeople.Agent);
        Assert.Equal(HttpStatusCode.OK, (await new ApiClient(apiHttpA).GetAsync(show, tokenFromB)).Status);
        var tokenFromA = await new ApiClient(apiHttpA).TokenAsync(DemoPeople.Agent);
        Assert.Equal(HttpStatusCode.OK, (await new ApiClient(apiHttpB).GetAsync(show, tokenFromA)).Status);
    }

    [Fact]
    public async Task A_cancel_through_one_instance_shows_live_on_a_job_page_the_other_serves()
    {
        var job = await OpenJobAsync(LifeCycleState.PENDING);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFixture.ChromiumPath, Headless = true, Args = ["--disable-gpu", "--disable-quic"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _urlB });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await BrowserFixture.SignInAsync(page, DemoPeople.Supervisor, path: $"/jobs/{job.Number}");
        await Assertions.Expect(page.GetByTestId("job-number")).ToHaveTextAsync(job.Number);
        await Assertions.Expect(page.GetByTestId("cancel-job")).ToBeVisibleAsync();

        using var httpA = Client(_urlA);
        var apiA = new ApiClient(httpA);
        var token = await apiA.TokenAsync(DemoPeople.Agent);
        var cancelled = Stopwatch.StartNew();
        ApiAssert.Ok(await apiA.PostAsync("jobs/all_scopes/cancel", new { job_identifier = new { number = job.Number } }, token));

        // B's page reloads the job when A's notice arrives: no navigation, no reload by the test.
        await Assertions.Expect(page.GetByTestId("cancel-job")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("job-header")).ToContainTextAsync("Cancelled");
        cancelled.Stop();
        // Within a second on a quiet machine; the bound here leaves room for a loaded one (the wait above is the test).
        Assert.True(cancelled.Elapsed < TimeSpan.FromSeconds(10), $"B showed the cancel after {cancelled.Elapsed}");
    }

    [Fact]
    public async Task An_instance_delivers_its_own_change_once_and_another_instances_change_once()
    {
        var job = await OpenJobAsync(LifeCycleState.PENDING);
        var seenOnA = new List<JobChanged>();
        var seenOnB = new List<JobChanged>();
        var arrivedOnB = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var otherArrivedOnA = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var otherId = 0;
        using var onA = _a.Services.GetRequiredService<JobChangeNotifier>().Subscribe(c =>
        {
            lock (seenOnA) { seenOnA.Add(c); }
            if (c.JobId == Volatile.Read(ref otherId) && c.Kind == JobChangeKind.Cancelled)
            {
                otherArrivedOnA.TrySetResult();
            }
            return Task.CompletedTask;
        });
        using var onB = _b.Services.GetRequiredService<JobChangeNotifier>().Subscribe(c =>
        {
            lock (seenOnB) { seenOnB.Add(c); }
            arrivedOnB.TrySetResult();
            return Task.CompletedTask;
        });
        using var httpA = Client(_urlA);
        var apiA = new ApiClient(httpA);
        ApiAssert.Ok(await apiA.PostAsync("jobs/all_scopes/cancel", new { job_identifier = new { number = job.Number } }, await apiA.TokenAsync(DemoPeople.Agent)));

        await arrivedOnB.Task.WaitAsync(TimeSpan.FromSeconds(30));
        // A second cancel notice for the same job, had A taken its own back from the database, would come
        // before or with this marker: a reopen-free second change through B, seen once on each side.
        var other = await OpenJobAsync(LifeCycleState.DRAFT);
        Volatile.Write(ref otherId, other.Id);
        using var httpB = Client(_urlB);
        var apiB = new ApiClient(httpB);
        ApiAssert.Ok(await apiB.PostAsync("jobs/all_scopes/cancel", new { job_identifier = new { number = other.Number } }, await apiB.TokenAsync(DemoPeople.Agent)));
        await otherArrivedOnA.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, Count(seenOnA, job.Id));
        Assert.Equal(1, Count(seenOnB, job.Id));
        Assert.Equal(1, Count(seenOnA, other.Id));
        Assert.Equal(1, Count(seenOnB, other.Id));
    }

    private static int Count(List<JobChanged> seen, int jobId)
    {
        lock (seen)
        {
            return seen.Count(c => c.JobId == jobId && c.Kind == JobChangeKind.Cancelled);
        }
    }
}
