namespace JobsPortal.Data.Entities;

/// <summary>
/// What cancelling a job does to its items, and the sentence its timeline gets (domain §4): pending
/// items are always cancelled; provided or delivered ones only when the cancel asks for it, and
/// otherwise stay with the customer. The cancel, the dialog's preview and the data generator all
/// ask this one rule, so what the dialog promises is what the cancel does.
/// </summary>
public static class CancellationPlan
{
    /// <summary>Whether a cancel cancels an item in this state.</summary>
    public static bool Cancels(JobItemState state, bool cancelProvidedItems) =>
        state == JobItemState.PENDING || (cancelProvidedItems && state.IsProvided());

    public static CancellationPlan<JobItemState> For(IEnumerable<JobItemState> items, bool cancelProvidedItems) =>
        For(items, state => state, cancelProvidedItems);

    /// <summary>The plan for any kind of item (an entity, a preview row), given how to read its state.</summary>
    public static CancellationPlan<TItem> For<TItem>(IEnumerable<TItem> items, Func<TItem, JobItemState> state, bool cancelProvidedItems)
    {
        List<TItem> toCancel = [], providedLeft = [];
        foreach (var item in items)
        {
            var current = state(item);
            if (Cancels(current, cancelProvidedItems))
            {
                toCancel.Add(item);
            }
            else if (current.IsProvided())
            {
                providedLeft.Add(item);
            }
        }
        return new CancellationPlan<TItem>(cancelProvidedItems, toCancel, providedLeft);
    }
}

/// <summary>One job's cancel, worked out before anything is written.</summary>
public sealed class CancellationPlan<TItem>
{
    internal CancellationPlan(bool cancelProvidedItems, IReadOnlyList<TItem> toCancel, IReadOnlyList<TItem> providedLeft)
    {
        CancelProvidedItems = cancelProvidedItems;
        ToCancel = toCancel;
        ProvidedLeft = providedLeft;
    }

    public bool CancelProvidedItems { get; }

    /// <summary>The items the cancel sets to CANCELLED, in the order given.</summary>
    public IReadOnlyList<TItem> ToCancel { get; }

    /// <summary>The provided or delivered items that stay with the customer, to be removed by hand.</summary>
    public IReadOnlyList<TItem> ProvidedLeft { get; }

    public int ItemsCancelled => ToCancel.Count;

    public int ProvidedItemsLeft => ProvidedLeft.Count;

    /// <summary>The CANCELLED event's summary on the job's timeline.</summary>
    public string Summary(CancellationChannel channel, string statusName, string reasonName, string? note)
    {
        var via = channel == CancellationChannel.API ? "API" : "portal";
        var sentence = $"Cancelled via {via} with status {statusName}, reason {reasonName}: " +
                       $"{ItemsCancelled} item(s) cancelled, {ProvidedItemsLeft} provided item(s) left with the customer";
        return string.IsNullOrWhiteSpace(note) ? sentence : $"{sentence}. Note: {note.Trim()}";
    }
}
