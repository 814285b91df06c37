using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

// Load test of POST jobs/all_scopes/cancel against a JobsPortal on this machine (loopback only):
// one token, fresh cancellable jobs listed through the API, N concurrent clients each cancelling
// different jobs, bounded by a count and a time. Prints throughput and latency percentiles.
// Several instances of the app on one database: --url takes them comma-separated, and the requests
// go to each in turn (the token from the first is good on all, their keys being in the database).

var options = LoadOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("""
        Usage: JobsPortal.ApiLoad [--url http://127.0.0.1:5099[,http://127.0.0.1:5100...]] [--clients 8] [--cancels 4000] [--warmup 3000]
                                  [--max-seconds 60] [--request-seconds 30] [--user maria.lopez@example.com] [--password Demo!2026]
        """);
    return 2;
}
var baseUris = options.Url.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
    .Select(u => new Uri(u.TrimEnd('/') + "/crmapi/rest/v2/")).ToList();
if (baseUris.Count == 0 || baseUris.Any(u => !u.IsLoopback))
{
    Console.Error.WriteLine($"Refusing {options.Url}: this tool only sends traffic to loopback addresses.");
    return 2;
}
var instances = baseUris.Select(u => new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Clients, UseProxy = false })
{
    BaseAddress = u,
    // A setting: an app run under nice 19 on a busy machine can keep one request waiting longer than 30 s.
    Timeout = TimeSpan.FromSeconds(options.RequestSeconds),
}).ToList();
var http = instances[0];

var tokenResponse = await http.PostAsJsonAsync("authentication/token", new { username = options.User, password = options.Password });
using var tokenJson = JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync());
if (!tokenResponse.IsSuccessStatusCode)
{
    Console.Error.WriteLine($"Could not get a token: {(int)tokenResponse.StatusCode} {tokenJson.RootElement}");
    return 1;
}
var token = tokenJson.RootElement.GetProperty("data").GetProperty("token").GetString()!;
foreach (var instance in instances)
{
    instance.DefaultRequestHeaders.Authorization = new("Bearer", token);
}

var needed = options.Warmup + options.Cancels;
var numbers = new List<string>(needed);
foreach (var state in new[] { "PENDING", "DRAFT", "IN_PROGRESS" })
{
    for (var offset = 0; numbers.Count < needed; offset += 500)
    {
        using var page = JsonDocument.Parse(await http.GetStringAsync(
            $"jobs/all_scopes/list?life_cycle_state={state}&number_of_results=500&offset={offset}&fields_set=number"));
        var data = page.RootElement.GetProperty("data");
        numbers.AddRange(data.EnumerateArray().Select(j => j.GetProperty("number").GetString()!).Take(needed - numbers.Count));
        if (data.GetArrayLength() < 500)
        {
            break;
        }
    }
}
if (numbers.Count < needed)
{
    Console.Error.WriteLine($"Only {numbers.Count} cancellable jobs were found; {needed} are needed. Use a fresh database.");
    return 1;
}
Console.WriteLine($"Target {string.Join(" + ", baseUris)}, {options.Clients} clients, {options.Warmup} warm-up + {options.Cancels} measured cancels of distinct jobs.");

await RunAsync(numbers.Take(options.Warmup), options.Clients, TimeSpan.FromSeconds(options.MaxSeconds));
Console.WriteLine("warm-up done; measuring"); // a profiler attached now sees only the measured cancels
var clientCpu = Process.GetCurrentProcess().TotalProcessorTime;
var result = await RunAsync(numbers.Skip(options.Warmup), options.Clients, TimeSpan.FromSeconds(options.MaxSeconds));
result.Print();
// The client's own share of the machine: with the app on the same two cores, what it spends is not the app's.
var clientMs = (Process.GetCurrentProcess().TotalProcessorTime - clientCpu).TotalMilliseconds;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"client CPU during the measured cancels: {clientMs:F0} ms = {clientMs / Math.Max(1, result.Latencies.Length):F2} ms per cancel"));
return result.Failures == 0 ? 0 : 1;

async Task<RunResult> RunAsync(IEnumerable<string> jobs, int clients, TimeSpan limit)
{
    var queue = new ConcurrentQueue<string>(jobs);
    var latencies = new ConcurrentBag<double>();
    var failures = new ConcurrentDictionary<string, int>();
    using var stop = new CancellationTokenSource(limit);
    var clock = Stopwatch.StartNew();
    var sent = 0;
    var workers = Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
    {
        while (!stop.IsCancellationRequested && queue.TryDequeue(out var number))
        {
            var target = instances[Interlocked.Increment(ref sent) % instances.Count];
            var body = $$"""{"job_identifier":{"number":"{{number}}"},"fields_set":"number,life_cycle_state"}""";
            var started = Stopwatch.GetTimestamp();
            using var response = await target.PostAsync("jobs/all_scopes/cancel", new StringContent(body, Encoding.UTF8, "application/json"));
            var text = await response.Content.ReadAsStringAsync();
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                var code = JsonDocument.Parse(text).RootElement.GetProperty("status").GetProperty("code").GetString() ?? "?";
                failures.AddOrUpdate($"{(int)response.StatusCode} {code}", 1, (_, n) => n + 1);
            }
        }
    })).ToList();
    await Task.WhenAll(workers);
    return new RunResult(clock.Elapsed, [.. latencies.Order()], failures);
}

internal sealed record RunResult(TimeSpan Elapsed, double[] Latencies, ConcurrentDictionary<string, int> FailureCounts)
{
    public int Failures => FailureCounts.Values.Sum();

    private double Percentile(double p) => Latencies.Length == 0 ? 0 : Latencies[Math.Min(Latencies.Length - 1, (int)Math.Ceiling(p / 100 * Latencies.Length) - 1)];

    public void Print()
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"cancels: {Latencies.Length} in {Elapsed.TotalSeconds:F2} s = {Latencies.Length / Elapsed.TotalSeconds:F0} per second"));
        Console.WriteLine(string.Create(c, $"latency ms: p50 {Percentile(50):F1}  p95 {Percentile(95):F1}  p99 {Percentile(99):F1}  max {Latencies.LastOrDefault():F1}"));
        Console.WriteLine(Failures == 0 ? "failures: none" : "failures: " + string.Join(", ", FailureCounts.Select(f => $"{f.Value} x {f.Key}")));
    }
}

internal sealed record LoadOptions(string Url, int Clients, int Cancels, int Warmup, int MaxSeconds, string User, string Password)
{
    public int RequestSeconds { get; init; } = 30;

    public static LoadOptions? Parse(string[] args)
    {
        var o = new LoadOptions("http://127.0.0.1:5099", 8, 4000, 3000, 60, "maria.lopez@example.com", "Demo!2026");
        for (var i = 0; i < args.Length; i++)
        {
            if (i + 1 >= args.Length)
            {
                return null;
            }
            var value = args[++i];
            int Number() => int.Parse(value, CultureInfo.InvariantCulture);
            o = args[i - 1] switch
            {
                "--url" => o with { Url = value },
                "--clients" => o with { Clients = Number() },
                "--cancels" => o with { Cancels = Number() },
                "--warmup" => o with { Warmup = Number() },
                "--max-seconds" => o with { MaxSeconds = Number() },
                "--request-seconds" => o with { RequestSeconds = Number() },
                "--user" => o with { User = value },
                "--password" => o with { Password = value },
                _ => null,
            };
            if (o is null)
            {
                return null;
            }
        }
        return o;
    }
}
