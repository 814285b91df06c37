using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using JobsPortal.Features.Jobs;

namespace JobsPortal.Bench;

/// <summary>
/// The job search service for the seven cases of the issue (first page and its count), the same
/// query written by hand for cases 1 to 3 (the baseline of each, so Ratio is service / by hand),
/// and the detail load by number.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class SearchBenchmarks
{
    // The word cases of issue 15: prefixes of a common word, of a street, and a whole word with the start of the next.
    private static readonly JobSearchQuery Inst = new() { Text = "inst" };
    private static readonly JobSearchQuery Harb = new() { Text = "harb" };
    private static readonly JobSearchQuery VictoriaRo = new() { Text = "victoria ro" };
    private static readonly JobSearchQuery AccountStart = new() { Text = "ACR39" };

    private BenchDatabase _db = null!;
    private HandWrittenSearch _hand = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _db = await BenchDatabase.OpenAsync();
        _hand = new HandWrittenSearch(_db.ConnectionString);
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await _db.DisposeAsync();

    [Benchmark(Description = "1 no filter, newest first"), BenchmarkCategory("1")]
    public Task<JobSearchPage> Case1() => _db.Search.SearchAsync(_db.Case1);

    [Benchmark(Baseline = true, Description = "1 by hand"), BenchmarkCategory("1")]
    public Task<JobSearchPage> Case1ByHand() => _hand.NewestFirstAsync();

    [Benchmark(Description = "2 one life cycle state"), BenchmarkCategory("2")]
    public Task<JobSearchPage> Case2() => _db.Search.SearchAsync(_db.Case2);

    [Benchmark(Baseline = true, Description = "2 by hand"), BenchmarkCategory("2")]
    public Task<JobSearchPage> Case2ByHand() => _hand.OneStateAsync(_db.Case2.States[0]);

    [Benchmark(Description = "3 type + state by scheduled date"), BenchmarkCategory("3")]
    public Task<JobSearchPage> Case3() => _db.Search.SearchAsync(_db.Case3);

    [Benchmark(Baseline = true, Description = "3 by hand"), BenchmarkCategory("3")]
    public Task<JobSearchPage> Case3ByHand() => _hand.TypeAndStateByScheduledAsync(_db.Case3.TypeId!.Value, _db.Case3.States[0]);

    [Benchmark(Description = "4 a description word"), BenchmarkCategory("4")]
    public Task<JobSearchPage> Case4() => _db.Search.SearchAsync(_db.Case4);

    [Benchmark(Description = "4a word prefix inst"), BenchmarkCategory("4a")]
    public Task<JobSearchPage> Case4Inst() => _db.Search.SearchAsync(Inst);

    [Benchmark(Description = "4b word prefix harb"), BenchmarkCategory("4b")]
    public Task<JobSearchPage> Case4Harb() => _db.Search.SearchAsync(Harb);

    [Benchmark(Description = "4c words victoria ro"), BenchmarkCategory("4c")]
    public Task<JobSearchPage> Case4VictoriaRo() => _db.Search.SearchAsync(VictoriaRo);

    [Benchmark(Description = "4d account start ACR39"), BenchmarkCategory("4d")]
    public Task<JobSearchPage> Case4Account() => _db.Search.SearchAsync(AccountStart);

    [Benchmark(Description = "5 assigned user + created range"), BenchmarkCategory("5")]
    public Task<JobSearchPage> Case5() => _db.Search.SearchAsync(_db.Case5);

    [Benchmark(Description = "6 job number prefix"), BenchmarkCategory("6")]
    public Task<JobSearchPage> Case6() => _db.Search.SearchAsync(_db.Case6);

    [Benchmark(Description = "7 page 200 of case 1"), BenchmarkCategory("7")]
    public Task<JobSearchPage> Case7() => _db.Search.SearchAsync(_db.Case7);

    [Benchmark(Description = "detail by number"), BenchmarkCategory("8")]
    public Task<JobDetail?> Detail() => _db.Detail.GetByNumberAsync(_db.DetailNumber);
}
