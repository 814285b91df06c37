namespace JobsPortal.Tests.TestInfrastructure;

/// <summary>A demo-seeded database made once per test class; tests that write take their own copy with CloneAsync.</summary>
public sealed class SeededTemplate : IAsyncLifetime
{
    public TestDatabase Db { get; private set; } = null!;

    public async Task InitializeAsync() => Db = await TestDatabase.CreateAsync(demoJobs: 600);

    public Task<TestDatabase> CloneAsync() => Db.CloneAsync();

    public async Task DisposeAsync() => await Db.DisposeAsync();
}
