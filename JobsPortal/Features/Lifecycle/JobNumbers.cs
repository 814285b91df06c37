using System.Globalization;
using JobsPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace JobsPortal.Features.Lifecycle;

/// <summary>
/// Job numbers as the seed and the generator write them: <c>J</c> and eight digits. The next one is the
/// highest such number plus one, read inside the write transaction (under the app's write gate and
/// SQLite's write lock), so two creates never see the same highest number; the unique index on
/// Jobs.Number backs this up. Imported numbers of another shape are left alone.
/// </summary>
public static class JobNumbers
{
    public const string Prefix = "J";

    public static string Format(long value) => Prefix + value.ToString("D8", CultureInfo.InvariantCulture);

    /// <summary>The highest J-number now in the table, as a number (0 when there is none). The GLOB range uses the unique index.</summary>
    public static async Task<long> HighestAsync(JobsPortalDbContext db, CancellationToken ct)
    {
        var highest = await db.Database
            .SqlQueryRaw<string>("""SELECT MAX("Number") AS "Value" FROM "Jobs" WHERE "Number" GLOB 'J[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'""")
            .SingleOrDefaultAsync(ct);
        return highest is null ? 0 : long.Parse(highest.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture);
    }
}
