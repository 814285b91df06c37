using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace JobsPortal.Data;

/// <summary>
/// The app's model on PostgreSQL, as a type of its own only so that its migrations
/// (<c>Data/Migrations/PostgreSql</c>) are told apart from SQLite's: EF Core finds a context's
/// migrations by the context type they name. It is made for migrating (DatabaseInitializer) and by
/// <c>dotnet ef ... --context PostgreSqlJobsPortalDbContext</c>; everything else, on either engine, uses
/// <see cref="JobsPortalDbContext"/>, whose model on Npgsql is this one's.
/// </summary>
public sealed class PostgreSqlJobsPortalDbContext(DbContextOptions<PostgreSqlJobsPortalDbContext> options)
    : JobsPortalDbContext(options)
{
    public static PostgreSqlJobsPortalDbContext Create(string connectionString) =>
        new(new DbContextOptionsBuilder<PostgreSqlJobsPortalDbContext>().UseNpgsql(connectionString).Options);
}

/// <summary>
/// For <c>dotnet ef</c>: adding a migration or checking for model changes needs no server, so a
/// placeholder connection string is enough; <c>database update</c> takes <c>--connection</c>.
/// </summary>
public sealed class PostgreSqlJobsPortalDbContextDesignFactory : IDesignTimeDbContextFactory<PostgreSqlJobsPortalDbContext>
{
    public PostgreSqlJobsPortalDbContext CreateDbContext(string[] args) =>
        PostgreSqlJobsPortalDbContext.Create("Host=localhost;Database=jobsportal_design");
}
