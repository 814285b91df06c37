using BenchmarkDotNet.Attributes;
using JobsPortal.Features.Jobs;

namespace JobsPortal.Bench;

/// <summary>
/// Every sort the /jobs grid offers, over all jobs (no filter): the first page of 25 and its capped
/// count, in the sort's first direction (the one a click on the column header asks for).
/// </summary>
public class SortBenchmarks
{
    private BenchDatabase _db = null!;
    private JobSearchQuery _query = null!;

    [ParamsAllValues]
    public JobSortColumn Sort { get; set; }

    [ParamsAllValues]
    public bool Descending { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _db = await BenchDatabase.OpenAsync();
        _query = new JobSearchQuery { Sort = Sort, Descending = Descending };
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await _db.DisposeAsync();

    [Benchmark(Description = "sort, no filter")]
    public Task<JobSearchPage> SortAll() => _db.Search.SearchAsync(_query);
}
