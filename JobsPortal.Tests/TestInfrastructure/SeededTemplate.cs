using JobsPortal.Data;

namespace JobsPortal.Tests.TestInfrastructure;

/// <summary>
/// A demo-seeded database made once per test class; tests that write take their own copy with CloneAsync.
/// A test class that must hold on every database is abstract and has one small derived class per
/// provider, each with its own template (<see cref="PostgreSqlSeededTemplate"/> for PostgreSQL).
/// </summary>
public class SeededTemplate : IAsyncLifetime
{
    public TestDatabase Db { get; private set; } = null!;

    public virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public async Task InitializeAsync() => Db = await TestDatabase.CreateAsync(demoJobs: 600, provider: Provider);

    public Task<TestDatabase> CloneAsync() => Db.CloneAsync();

    public async Task DisposeAsync() => await Db.DisposeAsync();
}

/// <summary>The same seeded template on the test run's PostgreSQL server.</summary>
public sealed class PostgreSqlSeededTemplate : SeededTemplate
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
