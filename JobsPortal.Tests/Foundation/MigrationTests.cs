using JobsPortal.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace JobsPortal.Tests.Foundation;

public sealed class MigrationTests
{
    [Fact]
    public async Task Model_has_no_changes_missing_a_migration()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var context = db.CreateContext();

        Assert.False(context.Database.HasPendingModelChanges(), "run 'dotnet ef migrations add <Name> --project JobsPortal'");
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task Database_runs_in_wal_mode()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var context = db.CreateContext();

        var mode = await context.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync();

        Assert.Equal("wal", Assert.Single(mode));
    }
}
