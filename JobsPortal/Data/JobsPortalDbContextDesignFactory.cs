using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace JobsPortal.Data;

/// <summary>
/// For <c>dotnet ef ... --context JobsPortalDbContext</c>: the SQLite model, owner of the migrations in
/// <c>Data/Migrations</c>. Without it <c>dotnet ef</c> looked for any design-time factory whose context
/// is a <see cref="JobsPortalDbContext"/>, found <see cref="PostgreSqlJobsPortalDbContextDesignFactory"/>
/// (the factory interface is covariant, and the PostgreSQL context derives from this one) and wrote
/// PostgreSQL's column types into SQLite's migrations. A factory for this exact type is taken first.
/// Adding a migration opens no database; <c>database update</c> takes <c>--connection</c>.
/// </summary>
public sealed class JobsPortalDbContextDesignFactory : IDesignTimeDbContextFactory<JobsPortalDbContext>
{
    public JobsPortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<JobsPortalDbContext>().UseSqlite(DatabaseSettings.DefaultSqlite).Options);
}
