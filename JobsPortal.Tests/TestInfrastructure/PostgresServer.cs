using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using JobsPortal.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace JobsPortal.Tests.TestInfrastructure;

/// <summary>
/// A throwaway PostgreSQL cluster for the whole test run, started the first time a test asks for it:
/// <c>initdb</c> (as the <c>postgres</c> user when the tests run as root, which PostgreSQL refuses to
/// be) into a folder under /tmp, trust authentication, <c>pg_ctl start</c> on a free port on 127.0.0.1
/// only. A watchdog shell started beside it waits for this test process to end, however it ends
/// (finished, crashed or killed), then stops the server and removes the folder, so no run leaves a
/// server behind. Each test gets a database of its own, copied from a migrated template database
/// (<c>CREATE DATABASE ... TEMPLATE</c> copies files, far faster than migrating).
/// </summary>
public sealed class PostgresServer
{
    private const string TemplateDatabase = "jobsportal_template";
    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    private PostgresServer(int port) => Port = port;

    public int Port { get; }

    /// <summary>The run's server, started on first use.</summary>
    public static Task<PostgresServer> GetAsync() => Shared.Value;

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = database,
        IncludeErrorDetail = true,
    }.ConnectionString;

    /// <summary>A new database with the current schema and nothing else (no roles, no data).</summary>
    public Task<string> CreateDatabaseAsync() => CopyDatabaseAsync(TemplateDatabase);

    /// <summary>A new database that is a copy of <paramref name="source"/>, which no one may be connected to.</summary>
    public async Task<string> CopyDatabaseAsync(string source)
    {
        var name = NewName();
        ClearPools(source);
        await ExecuteAsync($"""CREATE DATABASE "{name}" TEMPLATE "{source}" """);
        return name;
    }

    /// <summary>A new database without any schema, as a new installation gets from its administrator.</summary>
    public async Task<string> CreateEmptyDatabaseAsync()
    {
        var name = NewName();
        await ExecuteAsync($"""CREATE DATABASE "{name}" """);
        return name;
    }

    public async Task DropDatabaseAsync(string name)
    {
        ClearPools(name);
        await ExecuteAsync($"""DROP DATABASE IF EXISTS "{name}" WITH (FORCE)""");
    }

    /// <summary>
    /// Closes the idle pooled connections to <paramref name="database"/>: the tests' own (this connection
    /// string) and the app's, whose string <see cref="DatabaseSettings.PostgreSql"/> adds to, so a pool of its own.
    /// </summary>
    public void ClearPools(string database)
    {
        NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString(database)));
        NpgsqlConnection.ClearPool(new NpgsqlConnection(DatabaseSettings.PostgreSql(ConnectionString(database)).ConnectionString));
    }

    private static string NewName() => $"t_{Guid.NewGuid():N}";

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<PostgresServer> StartAsync()
    {
        var bin = FindBinaries();
        var root = Path.Combine(Path.GetTempPath(), $"jobsportal-pg-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
        var data = Path.Combine(root, "data");
        var sockets = Path.Combine(root, "sockets");
        Directory.CreateDirectory(sockets);
        var asPostgres = Environment.UserName == "root";
        if (asPostgres)
        {
            await RunAsync("chown", ["-R", "postgres:postgres", root]);
        }

        // The watchdog first: from here on, whatever happens to this process, the folder goes.
        var ctl = Path.Combine(bin, "pg_ctl");
        var stop = (asPostgres ? "runuser -u postgres -- " : "") + $"'{ctl}' -D '{data}' stop -m immediate";
        await RunAsync("setsid", ["-f", "sh", "-c",
            $"exec </dev/null >/dev/null 2>&1; tail --pid={Environment.ProcessId} -f /dev/null; {stop}; rm -rf '{root}'"]);

        await RunAsync(Path.Combine(bin, "initdb"),
            ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], asPostgres);
        var port = FreePort();
        // A test server: durability off (a crash loses only throwaway data), room for the many small
        // connection pools of parallel tests.
        var options = string.Join(' ',
            $"-p {port}", $"-k {sockets}", "-c listen_addresses=127.0.0.1", "-c fsync=off", "-c synchronous_commit=off",
            "-c full_page_writes=off", "-c max_connections=400");
        await RunAsync(ctl, ["-D", data, "-l", Path.Combine(root, "server.log"), "-w", "-t", "120", "-o", options, "start"], asPostgres);

        var server = new PostgresServer(port);
        await server.ExecuteAsync($"""CREATE DATABASE "{TemplateDatabase}" """);
        await using (var db = PostgreSqlJobsPortalDbContext.Create(server.ConnectionString(TemplateDatabase)))
        {
            await db.Database.MigrateAsync();
        }
        NpgsqlConnection.ClearAllPools();
        return server;
    }

    private static string FindBinaries()
    {
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb")))
                .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0)
                .ToList()
            : [];
        return candidates.FirstOrDefault()
            ?? throw new InvalidOperationException("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): ./test.sh installs it with apt-get install postgresql.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, string[] arguments, bool asPostgres = false)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (asPostgres)
        {
            foreach (var a in new[] { "-u", "postgres", "--", file })
            {
                start.ArgumentList.Add(a);
            }
        }
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await errors}");
        }
    }
}
