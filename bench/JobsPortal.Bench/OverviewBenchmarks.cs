using System.Security.Claims;
using BenchmarkDotNet.Attributes;
using JobsPortal.Data.Entities;
using JobsPortal.Features.Overview;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace JobsPortal.Bench;

/// <summary>
/// The overview's service calls as a person arriving waits for them: an agent's (their open jobs due in
/// the next 7 days, assigned to them or their unit, and their cancellations of the last 7 days) and a
/// supervisor's (the same, then the review queue's size and the last 7 days' cancellations by reason).
/// The demo agent and supervisor of the generated data; "today" is the machine's, in UTC.
/// </summary>
public class OverviewBenchmarks
{
    private BenchDatabase _db = null!;
    private ClaimsPrincipal _agent = null!;
    private ClaimsPrincipal _supervisor = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _db = await BenchDatabase.OpenAsync();
        _agent = await PrincipalAsync("maria.lopez@example.com");
        _supervisor = await PrincipalAsync("sara.khan@example.com");
    }

    private async Task<ClaimsPrincipal> PrincipalAsync(string email)
    {
        await using var scope = _db.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email)
            ?? throw new InvalidOperationException($"The database has no {email}; make it with the generate command.");
        return await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(user);
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await _db.DisposeAsync();

    [Benchmark(Description = "overview of an agent")]
    public Task<OverviewModel> Agent() => GetAsync(_agent);

    [Benchmark(Description = "overview of a supervisor")]
    public Task<OverviewModel> Supervisor() => GetAsync(_supervisor);

    private async Task<OverviewModel> GetAsync(ClaimsPrincipal user)
    {
        await using var scope = _db.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OverviewService>().GetAsync(user, TimeZoneInfo.Utc);
    }
}
