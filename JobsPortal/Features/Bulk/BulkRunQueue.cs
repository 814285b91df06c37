using System.Collections.Concurrent;
using System.Threading.Channels;

namespace JobsPortal.Features.Bulk;

/// <summary>The runs waiting for the worker, and the stop switch of each running one.</summary>
public sealed class BulkRunQueue
{
    private readonly Channel<int> _work = Channel.CreateUnbounded<int>();
    private readonly ConcurrentDictionary<int, CancellationTokenSource> _running = new();

    public void Enqueue(int runId) => _work.Writer.TryWrite(runId);

    internal IAsyncEnumerable<int> ReadAllAsync(CancellationToken ct) => _work.Reader.ReadAllAsync(ct);

    internal CancellationTokenSource Track(int runId)
    {
        var source = new CancellationTokenSource();
        _running[runId] = source;
        return source;
    }

    internal void Untrack(int runId) => _running.TryRemove(runId, out _);

    /// <summary>Stops a run after the job it is on; false when it is not running in this process.</summary>
    public bool Stop(int runId)
    {
        if (_running.TryGetValue(runId, out var source))
        {
            source.Cancel();
            return true;
        }
        return false;
    }
}

/// <summary>
/// Tells open pages that a run moved on (a batch of jobs done, or the run ended), so its progress
/// shows live. A singleton, like the job change feed; handlers marshal to their component themselves.
/// With several instances on PostgreSQL the same backplane as the job change feed carries it
/// (<see cref="Outbound"/>, <see cref="Deliver"/>), so a run's page on one instance follows the run on another.
/// </summary>
public sealed class BulkRunFeed(ILogger<BulkRunFeed> logger)
{
    private readonly Lock _gate = new();
    private readonly List<Func<int, Task>> _handlers = [];

    public IDisposable Subscribe(Func<int, Task> handler)
    {
        lock (_gate)
        {
            _handlers.Add(handler);
        }
        return new Subscription(() =>
        {
            lock (_gate)
            {
                _handlers.Remove(handler);
            }
        });
    }

    /// <summary>Tells every subscriber without waiting for them: the run does not slow down for a page.</summary>
    public void Publish(int runId)
    {
        Outbound?.Invoke(runId);
        Deliver(runId);
    }

    /// <summary>Where this instance's run changes go besides its pages: the backplane's queue, or nothing with one instance.</summary>
    public Action<int>? Outbound { get; set; }

    /// <summary>Tells this instance's subscribers only: a run that another instance moved on.</summary>
    public void Deliver(int runId)
    {
        Func<int, Task>[] handlers;
        lock (_gate)
        {
            handlers = [.. _handlers];
        }
        foreach (var handler in handlers)
        {
            _ = ObserveAsync(handler, runId);
        }
    }

    private async Task ObserveAsync(Func<int, Task> handler, int runId)
    {
        try
        {
            await handler(runId);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "A bulk run subscriber failed for run {RunId}", runId);
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                dispose();
            }
        }
    }
}
