using BenchmarkDotNet.Running;
using JobsPortal.Bench;

// dotnet run -c Release --project bench/JobsPortal.Bench -- --database /tmp/search-1m.db [BenchmarkDotNet options]
// (--filter '*Overview*' for the overview's service calls alone.)
// The database may also come from JOBSPORTAL_BENCH_DB. --explain prints each case's SQL and SQLite's
// plan instead of measuring. --cpu prints the CPU time per search of cases 1 to 3, service and by hand. --bulk measures a bulk cancel of 1,000 jobs (on copies of the database) instead.
// --postgres "Host=...;Database=..." measures the same cases on PostgreSQL (a database made with
// generate --postgres); the hand-written SQLite baselines of cases 1 to 3 are left out there.
var rest = new List<string>();
var explain = false;
var bulk = false;
var cpu = false;
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--database" && i + 1 < args.Length)
    {
        Environment.SetEnvironmentVariable(BenchDatabase.Variable, args[++i]);
    }
    else if (args[i] == "--postgres" && i + 1 < args.Length)
    {
        Environment.SetEnvironmentVariable(BenchDatabase.PostgreSqlVariable, args[++i]);
    }
    else if (args[i] == "--bulk")
    {
        bulk = true;
    }
    else if (args[i] == "--cpu")
    {
        cpu = true;
    }
    else if (args[i] == "--explain")
    {
        explain = true;
    }
    else
    {
        rest.Add(args[i]);
    }
}

if (BenchDatabase.Path is null && BenchDatabase.PostgreSql is null)
{
    Console.Error.WriteLine($"Give the database: --database PATH or {BenchDatabase.Variable}=PATH (make one with the app's generate command).");
    return 2;
}

if (explain)
{
    await Explain.RunAsync();
    return 0;
}

if (cpu)
{
    await CpuPerSearch.RunAsync(searches: 500, rounds: 7);
    return 0;
}

if (bulk)
{
    BenchmarkRunner.Run<BulkCancelBenchmarks>(args: [.. rest]);
    return 0;
}

// Without a --filter BenchmarkDotNet would ask which benchmarks to run: run them all.
if (!rest.Contains("--filter"))
{
    // On PostgreSQL every case but the SQLite-only hand-written baselines (their SQL is SQLite's).
    rest.AddRange(BenchDatabase.PostgreSql is null ? ["--filter", "*"] : ["--filter", "*SearchBenchmarks.Case?", "*SearchBenchmarks.Case4*", "*SearchBenchmarks.Detail"]);
}
BenchmarkSwitcher.FromTypes([typeof(SearchBenchmarks), typeof(SortBenchmarks), typeof(OverviewBenchmarks)]).Run([.. rest], new BenchConfig());
return 0;
