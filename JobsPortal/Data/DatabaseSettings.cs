using Microsoft.Data.Sqlite;

namespace JobsPortal.Data;

/// <summary>Which database engine the app runs on.</summary>
public enum DatabaseProvider
{
    /// <summary>One SQLite file beside one app process: the default.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database that several app instances can share.</summary>
    PostgreSql,
}

/// <summary>
/// The database the app works on: <c>JobsPortal:Database:Provider</c> (<c>Sqlite</c>, the default, or
/// <c>PostgreSql</c>) and the connection string <c>ConnectionStrings:JobsPortal</c>. Registered as a
/// singleton, so code that must speak the engine's own SQL asks it rather than the connection.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string ProviderKey = "JobsPortal:Database:Provider";
    public const string ConnectionStringName = "JobsPortal";
    public const string DefaultSqlite = "Data Source=data/jobsportal.db";

    public bool IsPostgreSql => Provider == DatabaseProvider.PostgreSql;

    public static DatabaseSettings Sqlite(string connectionString) => new(DatabaseProvider.Sqlite, connectionString);

    /// <summary>
    /// Reads the two settings. An unknown provider, or PostgreSQL without a connection string, stops
    /// the start with a sentence that says what to set, rather than running on a database nobody chose.
    /// A relative SQLite file is placed under <paramref name="contentRoot"/>, not wherever the shell happens to be.
    /// </summary>
    public static DatabaseSettings From(IConfiguration configuration, string contentRoot)
    {
        var provider = ParseProvider(configuration[ProviderKey]);
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (provider == DatabaseProvider.PostgreSql)
        {
            if (string.IsNullOrWhiteSpace(connectionString) || connectionString.Equals(DefaultSqlite, StringComparison.Ordinal))
            {
                throw new InvalidOperationException(
                    $"{ProviderKey} is PostgreSql, so ConnectionStrings:{ConnectionStringName} must name a PostgreSQL database, " +
                    "e.g. \"Host=localhost;Database=jobsportal;Username=jobsportal;Password=...\".");
            }
            return PostgreSql(connectionString);
        }
        return Sqlite(ResolveSqlitePath(connectionString, contentRoot));
    }

    /// <summary>Statements Npgsql keeps prepared per connection unless the connection string says how many.</summary>
    public const int DefaultMaxAutoPrepare = 200;

    /// <summary>
    /// PostgreSQL settings. Unless the connection string sets <c>Max Auto Prepare</c> (0 turns it off, as a
    /// pooler in transaction mode needs), Npgsql prepares a statement on the server once a connection has
    /// run it a few times, so the server plans it once: the job page's queries join eight tables, and
    /// planning them anew was most of their time (docs/performance.md, "Search cases on PostgreSQL").
    /// </summary>
    public static DatabaseSettings PostgreSql(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Max Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = DefaultMaxAutoPrepare;
        }
        return new DatabaseSettings(DatabaseProvider.PostgreSql, builder.ConnectionString);
    }

    public static DatabaseProvider ParseProvider(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            return DatabaseProvider.Sqlite;
        }
        // Names only: Enum.TryParse would also take "1" or "Sqlite,PostgreSql".
        foreach (var provider in Enum.GetValues<DatabaseProvider>())
        {
            if (string.Equals(configured.Trim(), provider.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                return provider;
            }
        }
        throw new InvalidOperationException(
            $"{ProviderKey} is '{configured}', which is not a database this app runs on: use Sqlite (the default) or PostgreSql.");
    }

    /// <summary>A relative SQLite file is placed under the app's content root.</summary>
    public static string ResolveSqlitePath(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(configured ?? DefaultSqlite);
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:"
            && builder.Mode != SqliteOpenMode.Memory && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
        }
        return builder.ToString();
    }

    /// <summary>Where the data is, for messages: the SQLite file, or the PostgreSQL host and database (never the password).</summary>
    public string Describe()
    {
        if (IsPostgreSql)
        {
            var pg = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString);
            return $"PostgreSQL database {pg.Database} on {pg.Host}:{pg.Port}";
        }
        return new SqliteConnectionStringBuilder(ConnectionString).DataSource;
    }
}
