using System.Collections.Concurrent;
using System.Net;
using JobsPortal.Data;
using JobsPortal.Data.Entities;
using JobsPortal.Data.Seeding;
using JobsPortal.Tests.Features.Api;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace JobsPortal.Tests.Security;

/// <summary>
/// The whole app for the hostile cases: the API fixture's seeded database, plus one signed-in browser
/// (cookie) and one API token per person, each got once, so that a hundred cases do not sign in a
/// hundred times. Cases that must not write compare a <see cref="DbSnapshot"/> before and after.
/// </summary>
public sealed class HostileAppFactory : ApiAppFactory
{
    private readonly ConcurrentDictionary<string, Task<HttpClient>> _browsers = new();
    private readonly ConcurrentDictionary<string, Task<string>> _tokens = new();

    /// <summary>A client without cookies or redirects: what an anonymous caller sees.</summary>
    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>A browser signed in as <paramref name="email"/> through the sign-in form; it does not follow redirects.</summary>
    public Task<HttpClient> BrowserAsync(string email) => _browsers.GetOrAdd(email, async e =>
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await HttpSignIn.PostLoginAsync(client, e, DemoCatalog.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    });

    public Task<string> TokenAsync(string email) => _tokens.GetOrAdd(email, e => Api().TokenAsync(e));

    public Task<DbSnapshot> SnapshotAsync() => DbSnapshot.TakeAsync(Db);

    /// <summary>The first pending job, which every refused cancel aims at.</summary>
    public async Task<Job> PendingJobAsync()
    {
        await using var db = await Db.CreateDbContextAsync();
        return await db.Jobs.AsNoTracking().Where(j => j.LifeCycleState == LifeCycleState.PENDING).OrderBy(j => j.Id).FirstAsync();
    }
}

/// <summary>What a refused request must leave as it was: how many jobs, cancellations, reviews and events, and every job's version.</summary>
public sealed record DbSnapshot(int Jobs, int CancelledJobs, int Cancellations, int Reviews, int Events, int Items, long Versions)
{
    public static async Task<DbSnapshot> TakeAsync(IDbContextFactory<JobsPortalDbContext> factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        return new DbSnapshot(
            await db.Jobs.CountAsync(),
            await db.Jobs.CountAsync(j => j.LifeCycleState == LifeCycleState.CANCELLED),
            await db.JobCancellations.CountAsync(),
            await db.CancellationReviews.CountAsync(),
            await db.JobEvents.CountAsync(),
            await db.JobItems.CountAsync(i => i.State == JobItemState.CANCELLED),
            await db.Jobs.SumAsync(j => (long)j.Version));
    }
}
