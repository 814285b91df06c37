using System.Text;
using JobsPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace JobsPortal.Data;

/// <summary>
/// The words of Jobs.Description on PostgreSQL, as <see cref="JobTextIndex"/> is on SQLite: a stored
/// <c>tsvector</c> column, <c>Jobs."SearchVector"</c>, with a GIN index, made by the PostgreSQL
/// migration <c>PostgreSqlJobText</c> and unknown to the EF Core model (the database computes it, and
/// only this class reads it).
/// </summary>
/// <remarks>
/// <para>The text search configuration <see cref="Configuration"/> cuts and folds words as SQLite's FTS5
/// <c>unicode61 remove_diacritics 2</c> tokenizer does: the <c>simple</c> dictionary (lower case, no
/// stemming, no stop words) after <c>unaccent</c> ("Café" is found by "cafe"). PostgreSQL's parser
/// would keep "v2.1", "-12", "12/3" or an e-mail address as one token where FTS5 sees two words, so
/// ASCII punctuation becomes spaces before parsing (<see cref="Punctuation"/>): a word is then a run
/// of letters and digits on both databases.</para>
/// <para>A word's start is a <c>:*</c> prefix term, which the GIN index answers by a range scan of its
/// sorted keys. Starts are cut to the same eight characters as on SQLite, so that both databases give
/// the same answer to the same search (<see cref="Features.Jobs.SearchText"/> owns that rule).</para>
/// </remarks>
public static class PostgreSqlJobText
{
    public const string Configuration = "jobs_text";

    public const string Column = "SearchVector";

    /// <summary>The ASCII characters that separate words, as FTS5's tokenizer treats them.</summary>
    public const string Punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    /// <summary>
    /// A regular expression matching any one of <see cref="Punctuation"/>: a bracket expression with each character
    /// escaped (in PostgreSQL's regular expressions a backslash before a character that is not a letter or digit
    /// stands for that character, inside brackets too).
    /// </summary>
    public static readonly string PunctuationPattern = "[" + string.Concat(Punctuation.Select(c => "\\" + c)) + "]";

    /// <summary>
    /// The expression the column is generated from (an immutable one: a fixed configuration, <c>regexp_replace</c>).
    /// <c>regexp_replace</c> rather than <c>translate</c>, which gives the same text: <c>translate</c> compares each
    /// character with all 32 of <see cref="Punctuation"/> in turn, which made computing the column, which every row
    /// written to Jobs pays, cost more: a COPY of 1M jobs took 23.9 s with it against 14.9 s (medians of three, 0.62x).
    /// </summary>
    public static string VectorSql =>
        $"""to_tsvector('{Configuration}'::regconfig, regexp_replace("Description", {Literal(PunctuationPattern)}, ' ', 'g'))""";

    /// <summary>The first expression of the column, with <c>translate</c>; the migration that replaced it goes back to it.</summary>
    public static string TranslateVectorSql =>
        $"""to_tsvector('{Configuration}'::regconfig, translate("Description", {Literal(Punctuation)}, {Literal(new string(' ', Punctuation.Length))}))""";

    /// <summary>The statements that make the column again from another expression, with its index (a rewrite of Jobs).</summary>
    public static string[] ReplaceVectorSql(string expression) =>
    [
        """DROP INDEX IF EXISTS "IX_Jobs_SearchVector";""",
        $"""ALTER TABLE "Jobs" DROP COLUMN IF EXISTS "{Column}";""",
        $"""ALTER TABLE "Jobs" ADD "{Column}" tsvector GENERATED ALWAYS AS ({expression}) STORED;""",
        $"""CREATE INDEX "IX_Jobs_SearchVector" ON "Jobs" USING GIN ("{Column}");""",
    ];

    /// <summary>The jobs whose description matches a <c>to_tsquery</c> expression from <see cref="TsQuery"/>; composable with LINQ.</summary>
    public static IQueryable<JobTextMatch> Matching(JobsPortalDbContext db, string tsQuery) =>
        db.JobTextMatches.FromSql(
            $"""SELECT "Id" AS "JobId" FROM "Jobs" WHERE "SearchVector" @@ to_tsquery('jobs_text'::regconfig, {tsQuery})""");

    /// <summary>
    /// The <c>to_tsquery</c> text for the words of a search: every word must match (<c>&amp;</c>), a start
    /// as a prefix (<c>:*</c>). Words are letters and digits only (<see cref="Features.Jobs.SearchText"/>
    /// cuts them so), and each is quoted besides, so nothing typed can be read as a query operator.
    /// </summary>
    public static string TsQuery(IEnumerable<(string Word, bool IsPrefix)> terms)
    {
        var query = new StringBuilder();
        foreach (var (word, isPrefix) in terms)
        {
            if (query.Length > 0)
            {
                query.Append(" & ");
            }
            query.Append('\'').Append(word.Replace("'", "''", StringComparison.Ordinal)).Append('\'');
            if (isPrefix)
            {
                query.Append(":*");
            }
        }
        return query.ToString();
    }

    /// <summary>The migration's statements: unaccent, the configuration, the generated column and its index, and the
    /// pattern indexes that serve a number or account start (<c>LIKE 'ACR39%'</c>) under any collation.</summary>
    public static readonly string[] CreateSql =
    [
        "CREATE EXTENSION IF NOT EXISTS unaccent;",
        $"CREATE TEXT SEARCH CONFIGURATION {Configuration} (COPY = simple);",
        $"ALTER TEXT SEARCH CONFIGURATION {Configuration} ALTER MAPPING FOR word, numword, hword, hword_part, numhword, hword_numpart WITH unaccent, simple;",
        $"""ALTER TABLE "Jobs" ADD "{Column}" tsvector GENERATED ALWAYS AS ({VectorSql}) STORED;""",
        $"""CREATE INDEX "IX_Jobs_SearchVector" ON "Jobs" USING GIN ("{Column}");""",
        """CREATE INDEX "IX_Jobs_Number_Pattern" ON "Jobs" ("Number" text_pattern_ops);""",
        """CREATE INDEX "IX_Jobs_AccountNumber_Pattern" ON "Jobs" ("AccountNumber" text_pattern_ops);""",
    ];

    public static readonly string[] DropSql =
    [
        """DROP INDEX IF EXISTS "IX_Jobs_AccountNumber_Pattern";""",
        """DROP INDEX IF EXISTS "IX_Jobs_Number_Pattern";""",
        """DROP INDEX IF EXISTS "IX_Jobs_SearchVector";""",
        $"""ALTER TABLE "Jobs" DROP COLUMN IF EXISTS "{Column}";""",
        $"DROP TEXT SEARCH CONFIGURATION IF EXISTS {Configuration};",
    ];

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
