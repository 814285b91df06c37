using System.Diagnostics;
using JobsPortal.Features.Jobs;

namespace JobsPortal.Bench;

/// <summary>
/// --cpu: the process's CPU time per search for cases 1 to 3, the service against the same query by
/// hand, one search after another on one thread. On a shared machine the wall-clock medians follow the
/// neighbours' load (a preempted search counts their time); CPU time counts only the work this process
/// did for a search, the garbage collector's included, so the service / by hand ratio holds under load.
/// Rounds alternate service and by hand, so a change in the machine's state touches both alike.
/// </summary>
public static class CpuPerSearch
{
    public static async Task RunAsync(int searches, int rounds)
    {
        await using var db = await BenchDatabase.OpenAsync();
        var hand = new HandWrittenSearch(db.ConnectionString);
        var cases = new (string Name, Func<Task<JobSearchPage>> Service, Func<Task<JobSearchPage>> ByHand)[]
        {
            ("1 no filter, newest first", () => db.Search.SearchAsync(db.Case1), hand.NewestFirstAsync),
            ("2 one life cycle state", () => db.Search.SearchAsync(db.Case2), () => hand.OneStateAsync(db.Case2.States[0])),
            ("3 type + state by scheduled date", () => db.Search.SearchAsync(db.Case3),
                () => hand.TypeAndStateByScheduledAsync(db.Case3.TypeId!.Value, db.Case3.States[0])),
        };
        Console.WriteLine($"CPU time per search (µs), {searches} searches per round, {rounds} rounds; median of the rounds (min-max)");
        Console.WriteLine("case | service | by hand | ratio (medians)");
        foreach (var (name, service, byHand) in cases)
        {
            // Warm-up: tiered JIT, EF Core's caches, SQLite's page cache.
            await RunAsync(service, searches);
            await RunAsync(byHand, searches);
            var serviceRounds = new List<double>();
            var handRounds = new List<double>();
            for (var round = 0; round < rounds; round++)
            {
                serviceRounds.Add(await RunAsync(service, searches));
                handRounds.Add(await RunAsync(byHand, searches));
            }
            var serviceMedian = Median(serviceRounds);
            var handMedian = Median(handRounds);
            Console.WriteLine($"{name} | {serviceMedian:F0} ({serviceRounds.Min():F0}-{serviceRounds.Max():F0}) | " +
                $"{handMedian:F0} ({handRounds.Min():F0}-{handRounds.Max():F0}) | {serviceMedian / handMedian:F2}");
        }
    }

    /// <returns>Microseconds of this process's CPU time per search.</returns>
    private static async Task<double> RunAsync(Func<Task<JobSearchPage>> search, int count)
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var before = process.TotalProcessorTime;
        for (var i = 0; i < count; i++)
        {
            await search();
        }
        process.Refresh();
        return (process.TotalProcessorTime - before).TotalMicroseconds / count;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
