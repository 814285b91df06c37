using JobsPortal.Data.Entities;

namespace JobsPortal.Features.Jobs;

public enum JobChangeKind
{
    Cancelled,
    Reviewed,
}

/// <summary>What changed on a job, told to every open page that shows it.</summary>
public sealed record JobChanged(int JobId, string Number, JobChangeKind Kind, LifeCycleState LifeCycleState, string? ByUserName, DateTime AtUtc);

/// <summary>
/// In-process publish/subscribe for job changes, so a person who has a job open sees someone
/// else's cancel without reloading. A singleton: every Blazor circuit of this server subscribes to
/// the same instance. Handlers run on the publisher's thread; components marshal with InvokeAsync.
/// (One server process; several servers would need a backplane such as SignalR's.)
/// </summary>
public sealed class JobChangeNotifier
{
    private readonly Lock _gate = new();
    private readonly List<Func<JobChanged, Task>> _handlers = [];

    public IDisposable Subscribe(Func<JobChanged, Task> handler)
    {
        lock (_gate)
        {
            _handlers.Add(handler);
        }
        return new Subscription(this, handler);
    }

    public async Task PublishAsync(JobChanged change)
    {
        Func<JobChanged, Task>[] handlers;
        lock (_gate)
        {
            handlers = [.. _handlers];
        }
        foreach (var handler in handlers)
        {
            try
            {
                await handler(change);
            }
            catch (ObjectDisposedException)
            {
                // A circuit that closed while we were telling it; it unsubscribes on dispose.
            }
        }
    }

    private void Unsubscribe(Func<JobChanged, Task> handler)
    {
        lock (_gate)
        {
            _handlers.Remove(handler);
        }
    }

    private sealed class Subscription(JobChangeNotifier owner, Func<JobChanged, Task> handler) : IDisposable
    {
        public void Dispose() => owner.Unsubscribe(handler);
    }
}
