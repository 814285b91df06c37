using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace JobsPortal.Bench;

/// <summary>
/// Every iteration is one search, as a person would wait for it (no batching of many calls into an
/// iteration), so the median and the 95th percentile are those of single searches on a warm cache.
/// In process: the database path travels in an environment variable, and there is nothing to gain
/// from a separate build of the benchmark.
/// </summary>
public sealed class BenchConfig : ManualConfig
{
    public BenchConfig()
    {
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithStrategy(RunStrategy.Monitoring)
            .WithWarmupCount(5)
            .WithIterationCount(60)
            .WithInvocationCount(1)
            .WithUnrollFactor(1));
        AddColumnProvider(DefaultColumnProviders.Instance);
        AddColumn(StatisticColumn.Median, StatisticColumn.P95, StatisticColumn.Min, StatisticColumn.Max);
        AddLogger(DefaultConfig.Instance.GetLoggers().ToArray());
        AddExporter(DefaultConfig.Instance.GetExporters().ToArray());
        AddAnalyser(DefaultConfig.Instance.GetAnalysers().ToArray());
        AddValidator(DefaultConfig.Instance.GetValidators().ToArray());
        WithOptions(ConfigOptions.JoinSummary);
    }
}
