namespace JobsPortal.Features.Bulk;

/// <summary>
/// The jobs a person has ticked on the search, kept across pages and sorts until they clear it or a
/// bulk cancel is started. The grid asks it per row and per page; "select all N matching" replaces it
/// with the search's matches (at most <see cref="BulkCancelService.MaxJobs"/>).
/// </summary>
public sealed class BulkSelection
{
    private readonly HashSet<int> _ids = [];

    public int Count => _ids.Count;

    public IReadOnlyList<int> Ids => [.. _ids];

    /// <summary>Why the last "select all matching" was refused (too many matches); null otherwise.</summary>
    public string? Notice { get; private set; }

    /// <summary>Raised after every change, for the bar above the grid.</summary>
    public event Action? Changed;

    public bool Contains(int id) => _ids.Contains(id);

    public void Set(int id, bool selected)
    {
        if (selected ? _ids.Add(id) : _ids.Remove(id))
        {
            Notice = null;
            Changed?.Invoke();
        }
    }

    /// <summary>True when every job on the page is selected, false when none is, null when some are (the header checkbox's three states).</summary>
    public bool? PageState(IReadOnlyCollection<int> page)
    {
        var selected = page.Count(_ids.Contains);
        return selected == 0 ? false : selected == page.Count ? true : null;
    }

    /// <summary>"Select all on this page": ticks every row of the page, or unticks them all when all are ticked.</summary>
    public void SetPage(IReadOnlyCollection<int> page, bool selected)
    {
        foreach (var id in page)
        {
            if (selected) { _ids.Add(id); } else { _ids.Remove(id); }
        }
        Notice = null;
        Changed?.Invoke();
    }

    /// <summary>
    /// "Select all N matching this search": <paramref name="matching"/> holds at most one more than the
    /// limit, so a search over the limit is refused with a sentence and leaves the selection as it was.
    /// </summary>
    public bool SelectAll(IReadOnlyCollection<int> matching)
    {
        if (matching.Count > BulkCancelService.MaxJobs)
        {
            Notice = $"More than {BulkCancelService.MaxJobs:N0} jobs match this search; a bulk cancel takes at most {BulkCancelService.MaxJobs:N0}. Narrow the search first.";
            Changed?.Invoke();
            return false;
        }
        _ids.Clear();
        _ids.UnionWith(matching);
        Notice = null;
        Changed?.Invoke();
        return true;
    }

    public void Clear()
    {
        _ids.Clear();
        Notice = null;
        Changed?.Invoke();
    }
}
