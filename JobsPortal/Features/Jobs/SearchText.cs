using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace JobsPortal.Features.Jobs;

/// <summary>
/// What the one search box means. "J00000418" is that job and "J0000" every number that starts so;
/// "ACR000123" (letters then at least three digits) is an account number or the start of one;
/// anything else is words, each of which the description must contain as a whole word (through the
/// full-text index; case and accents do not matter).
/// </summary>
/// <remarks>
/// Whole words, not word prefixes: FTS5 answers "does job N contain this word?" with one seek, which
/// lets a search for a common word walk the sort order and stop after one page. A prefix query has
/// to merge the lists of every word it covers on each such question, about a thousand times slower.
/// </remarks>
public sealed partial record SearchText
{
    private SearchText(string? numberPrefix, bool numberIsComplete, string? accountPrefix, string? ftsQuery)
    {
        NumberPrefix = numberPrefix;
        NumberIsComplete = numberIsComplete;
        AccountPrefix = accountPrefix;
        FtsQuery = ftsQuery;
    }

    /// <summary>Upper-cased job number or number prefix, when the box holds one.</summary>
    public string? NumberPrefix { get; }

    /// <summary>True when the box holds a whole job number (J and eight digits).</summary>
    public bool NumberIsComplete { get; }

    /// <summary>Upper-cased account number or its start, when the box holds one.</summary>
    public string? AccountPrefix { get; }

    /// <summary>The FTS5 MATCH expression for the words, when the box holds words.</summary>
    public string? FtsQuery { get; }

    public static SearchText Parse(string? text)
    {
        var trimmed = text?.Trim() ?? "";
        if (JobNumberPrefix().IsMatch(trimmed))
        {
            var number = trimmed.ToUpperInvariant();
            return new SearchText(number, number.Length == 9, null, null);
        }
        if (AccountNumberPrefix().IsMatch(trimmed))
        {
            return new SearchText(null, false, trimmed.ToUpperInvariant(), null);
        }

        var words = Words().Matches(trimmed).Select(m => m.Value.ToLowerInvariant()).Distinct().ToList();
        if (words.Count == 0)
        {
            return new SearchText(null, false, null, null);
        }
        // Each word becomes a quoted term: quoting keeps FTS5's operators (AND, OR, NEAR, column
        // filters, *) out of what people type. Terms side by side must all match.
        var fts = new StringBuilder();
        foreach (var word in words)
        {
            fts.Append(fts.Length == 0 ? "\"" : " \"").Append(word).Append('"');
        }
        return new SearchText(null, false, null, fts.ToString());
    }

    /// <summary>True when the text is a complete job number, which the search page opens directly.</summary>
    public static bool IsCompleteJobNumber(string? text, out string number)
    {
        var parsed = Parse(text);
        number = parsed.NumberIsComplete ? parsed.NumberPrefix! : "";
        return parsed.NumberIsComplete;
    }

    /// <summary>The smallest string greater than every string that starts with <paramref name="prefix"/>.</summary>
    internal static string UpperBound(string prefix) =>
        string.Concat(prefix.AsSpan(0, prefix.Length - 1), ((char)(prefix[^1] + 1)).ToString(CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^[Jj]\d{1,8}$")]
    private static partial Regex JobNumberPrefix();

    [GeneratedRegex(@"^[A-Za-z]{1,6}\d{3,}$")]
    private static partial Regex AccountNumberPrefix();

    // Letters and digits, as FTS5's unicode61 tokenizer cuts words (so no quote can appear in one).
    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Words();
}
