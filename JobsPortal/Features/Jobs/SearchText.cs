using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using JobsPortal.Data;

namespace JobsPortal.Features.Jobs;

/// <summary>
/// What the one search box means: the one home of these rules (the SQLite full-text query is built
/// here; another database builds its own from <see cref="Terms"/>). "J00000418" is that job and
/// "J0000" every number that starts so; letters then digits, three characters or more ("ACR39"), are
/// the start of an account number; anything else is words that the description must all contain
/// (case and accents do not matter):
/// <list type="bullet">
/// <item>a word of three or more letters or digits also matches as the start of a word ("inst" finds
/// "installation");</item>
/// <item>the last of several words does from two ("victoria ro" finds "Victoria Road");</item>
/// <item>any other word of one or two characters matches only that whole word ("12 harbour", and
/// "ro" alone finds only the word "ro"): a one- or two-letter start alone would match most jobs.</item>
/// </list>
/// </summary>
/// <remarks>
/// Prefixes are answered by the FTS5 index's own prefix indexes (<see cref="JobTextIndex.PrefixLengths"/>),
/// so "does job N contain a word starting with inst?" is one seek, like a whole word. A start longer
/// than the longest prefix index is cut to it ("installation" looks for words that begin "installa"):
/// FTS5 would otherwise merge the lists of every matching word on each such question, which made a
/// page of a common word take seconds.
/// </remarks>
public sealed partial record SearchText
{
    private SearchText(string? numberPrefix, bool numberIsComplete, string? accountPrefix, IReadOnlyList<SearchTerm> terms)
    {
        NumberPrefix = numberPrefix;
        NumberIsComplete = numberIsComplete;
        AccountPrefix = accountPrefix;
        Terms = terms;
        FtsQuery = terms.Count == 0 ? null : FtsQueryOf(terms);
        TsQuery = terms.Count == 0 ? null : PostgreSqlJobText.TsQuery(terms.Select(t => (t.IsPrefix ? CutToLongestPrefixIndex(t.Word) : t.Word, t.IsPrefix)));
    }

    /// <summary>The shortest word that matches as the start of a word, and the shortest last word of several that does.</summary>
    public const int PrefixFrom = 3, LastWordPrefixFrom = 2;

    /// <summary>Upper-cased job number or number prefix, when the box holds one.</summary>
    public string? NumberPrefix { get; }

    /// <summary>True when the box holds a whole job number (J and eight digits).</summary>
    public bool NumberIsComplete { get; }

    /// <summary>Upper-cased account number or its start, when the box holds one.</summary>
    public string? AccountPrefix { get; }

    /// <summary>The words the description must all contain, lower-cased, each whole or as a word's start.</summary>
    public IReadOnlyList<SearchTerm> Terms { get; }

    /// <summary>The FTS5 MATCH expression for <see cref="Terms"/>, when the box holds words.</summary>
    public string? FtsQuery { get; }

    /// <summary>The same words as a PostgreSQL <c>to_tsquery</c> expression (<see cref="PostgreSqlJobText"/>), starts cut alike.</summary>
    public string? TsQuery { get; }

    public static SearchText Parse(string? text)
    {
        var trimmed = text?.Trim() ?? "";
        if (JobNumberPrefix().IsMatch(trimmed))
        {
            var number = trimmed.ToUpperInvariant();
            return new SearchText(number, number.Length == 9, null, []);
        }
        if (trimmed.Length >= 3 && AccountNumberPrefix().IsMatch(trimmed))
        {
            return new SearchText(null, false, trimmed.ToUpperInvariant(), []);
        }

        var words = Words().Matches(trimmed).Select(m => m.Value.ToLowerInvariant()).ToList();
        var terms = new List<SearchTerm>(words.Count);
        for (var i = 0; i < words.Count; i++)
        {
            var length = words[i].EnumerateRunes().Count();
            var isLastOfSeveral = i == words.Count - 1 && words.Count > 1;
            var term = new SearchTerm(words[i], length >= PrefixFrom || (isLastOfSeveral && length >= LastWordPrefixFrom));
            if (!terms.Contains(term))
            {
                terms.Add(term);
            }
        }
        return new SearchText(null, false, null, terms);
    }

    /// <summary>
    /// Each word becomes a quoted term (quoting keeps FTS5's operators, AND, OR, NEAR, column filters
    /// and *, out of what people type), a start with * after it; terms side by side must all match.
    /// </summary>
    private static string FtsQueryOf(IReadOnlyList<SearchTerm> terms)
    {
        var fts = new StringBuilder();
        foreach (var term in terms)
        {
            var word = term.IsPrefix ? CutToLongestPrefixIndex(term.Word) : term.Word;
            fts.Append(fts.Length == 0 ? "\"" : " \"").Append(word).Append(term.IsPrefix ? "\"*" : "\"");
        }
        return fts.ToString();
    }

    private static string CutToLongestPrefixIndex(string word)
    {
        var longest = JobTextIndex.PrefixLengths[^1];
        var runes = word.EnumerateRunes().ToList();
        return runes.Count <= longest ? word : string.Concat(runes.Take(longest).Select(r => r.ToString()));
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

    // Letters then at least one digit; with the length check above, "ACR39" but not "A1".
    [GeneratedRegex(@"^[A-Za-z]{1,6}\d+$")]
    private static partial Regex AccountNumberPrefix();

    // Letters and digits, as FTS5's unicode61 tokenizer cuts words (so no quote can appear in one).
    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Words();
}

/// <summary>One word of the search box, lower-cased: matched as a whole word, or as the start of one.</summary>
public sealed record SearchTerm(string Word, bool IsPrefix);
