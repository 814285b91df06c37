namespace JobsPortal.Infrastructure;

/// <summary>
/// What the command-line commands (<c>admin</c>, <c>configure</c>) share: the optional
/// <c>--database PATH</c> and a host over the database it names, or the one the app is configured with.
/// </summary>
internal static class CommandDatabase
{
    /// <summary>Takes <c>--database PATH</c> out of the arguments; the rest are the command's own words.</summary>
    public static (string? Database, List<string> Words) Split(string[] args)
    {
        string? database = null;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--database" && i + 1 < args.Length)
            {
                database = args[++i];
            }
            else
            {
                rest.Add(args[i]);
            }
        }
        return (database, rest);
    }

    /// <summary>A quiet host builder and the connection string of the database to work on.</summary>
    public static (WebApplicationBuilder Builder, string ConnectionString) Builder(string? database)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var connectionString = JobsPortalServiceExtensions.ResolveConnectionString(
            database is null ? builder.Configuration.GetConnectionString(JobsPortalServiceExtensions.ConnectionStringName) : $"Data Source={Path.GetFullPath(database)}",
            builder.Environment.ContentRootPath);
        return (builder, connectionString);
    }
}
