using JobsPortal.Data.Entities;

namespace JobsPortal.Shared;

public enum JobChangeKind
{
    Cancelled,
    Reviewed,
    Created,
    Started,
    Completed,
    Imported,
    Reopened,
}

/// <summary>What changed on a job, told to every open page that shows it.</summary>
public sealed record JobChanged(int JobId, string Number, JobChangeKind Kind, LifeCycleState LifeCycleState, string? ByUserName, DateTime AtUtc);

/// <summary>
/// In-process publish/subscribe for job changes, so a person who has a job open sees someone
/// else's cancel without reloading. A singleton: every Blazor circuit of this server subscribes to
/// the same instance. Handlers run on the publisher's thread; components marshal with InvokeAsync.
/// It lives outside every feature: Cancellation, Review, Lifecycle and Import publish, the pages of Jobs and Review listen.
/// </summary>
/// <remarks>
/// With several app instances on one PostgreSQL database a backplane (Infrastructure's
/// <c>PostgreSqlChangeFeed</c>) sets <see cref="Outbound"/> to pass this instance's changes on, and
/// hands the other instances' changes to <see cref="DeliverAsync"/>, which tells only the pages here.
/// </remarks>
public sealed class JobChangeNotifier(ILogger<JobChangeNotifier> logger)
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

    /// <summary>
    /// Tells every subscriber and returns without waiting for them: a page reloading its data must
    /// not hold up the person (or API client) whose change it was. Each handler runs synchronously
    /// until its first await, so a handler that only records the change has done so on return.
    /// </summary>
    public Task PublishAsync(JobChanged change)
    {
        Outbound?.Invoke(change);
        return DeliverAsync(change);
    }

    /// <summary>Where this instance's own changes go besides its pages: the backplane's queue, or nothing with one instance.</summary>
    public Action<JobChanged>? Outbound { get; set; }

    /// <summary>Tells this instance's subscribers only: a change that another instance published.</summary>
    public Task DeliverAsync(JobChanged change)
    {
        Func<JobChanged, Task>[] handlers;
        lock (_gate)
        {
            handlers = [.. _handlers];
        }
        foreach (var handler in handlers)
        {
            _ = ObserveAsync(handler, change);
        }
        return Task.CompletedTask;
    }

    private async Task ObserveAsync(Func<JobChanged, Task> handler, JobChanged change)
    {
        try
        {
            await handler(change);
        }
        catch (ObjectDisposedException)
        {
            // A circuit that closed while we were telling it; it unsubscribes on dispose.
        }
        catch (Exception e)
        {
            // One page failing to refresh must not go unnoticed, nor undo anyone's change.
            logger.LogError(e, "A page failed to handle the change of job {Number}", change.Number);
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
