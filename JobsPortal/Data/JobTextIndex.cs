using JobsPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace JobsPortal.Data;

/// <summary>
/// The FTS5 full-text index over the words of Jobs.Description that the
/// <c>JobTextSearch</c> migration creates. Its rowid is the job's Id. EF Core knows it only as the
/// keyless <see cref="JobTextMatch"/>, read through SQL; bulk writers rebuild it in one pass.
/// </summary>
public static class JobTextIndex
{
    public const string Table = "JobsSearch";

    /// <summary>
    /// The word starts that the index keeps its own lists for (FTS5's <c>prefix</c> option, set by the
    /// <c>JobTextSearchPrefixes</c> migration): a search for "inst*" reads one list, as a whole word
    /// does, instead of merging the lists of every word that starts so. Two to eight characters: people
    /// type the start of a word, and each length costs about 11 MB of index per million jobs. The
    /// search cuts longer starts to the longest (see SearchText).
    /// </summary>
    public static readonly IReadOnlyList<int> PrefixLengths = [2, 3, 4, 5, 6, 7, 8];

    /// <summary>
    /// Re-reads every job into the index, after a bulk load done with the triggers off, then merges
    /// it into one segment: a search that asks the index about one job after another seeks once per
    /// segment, and a fresh rebuild leaves thousands (one such page went from 86 ms to 8 ms).
    /// </summary>
    public const string RebuildSql = $"""
        INSERT INTO "{Table}"("{Table}") VALUES ('rebuild');
        INSERT INTO "{Table}"("{Table}") VALUES ('optimize');
        """;

    /// <summary>The jobs whose indexed text matches an FTS5 query; composable with the rest of a LINQ query.</summary>
    public static IQueryable<JobTextMatch> Matching(JobsPortalDbContext db, string ftsQuery) =>
        db.JobTextMatches.FromSql($"""SELECT rowid AS "JobId" FROM "JobsSearch" WHERE "JobsSearch" MATCH {ftsQuery}""");
}
