using System.Globalization;
using JobsPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace JobsPortal.Features.Lifecycle;

/// <summary>
/// Job numbers as the seed and the generator write them: <c>J</c> and eight digits. The next one is the
/// highest such number plus one, read inside the write transaction (under the app's write gate and
/// SQLite's write lock; on PostgreSQL, after a transaction-scoped advisory lock that creates on every
/// instance take in turn), so two creates never see the same highest number; the unique index on
/// Jobs.Number backs this up. Imported numbers of another shape are left alone.
/// </summary>
public static class JobNumbers
{
    public const string Prefix = "J";

    public static string Format(long value) => Prefix + value.ToString("D8", CultureInfo.InvariantCulture);

    private const long NumberingLockKey = 0x4A6F_6273_4E75_6D62; // "JobsNumb"

    /// <summary>
    /// The highest J-number now in the table, as a number (0 when there is none); call it inside the
    /// create's write transaction. SQLite's GLOB range uses the unique index; PostgreSQL has no GLOB (it
    /// was a syntax error there, so no job could be created), and walks the same index backwards from
    /// 'K' to the first number of the right shape.
    /// </summary>
    public static async Task<long> HighestAsync(JobsPortalDbContext db, CancellationToken ct)
    {
        string? highest;
        if (db.Database.IsNpgsql())
        {
            // Held until the transaction ends: the next create reads the highest number only after this one committed.
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock({NumberingLockKey})", ct);
            highest = await db.Database
                .SqlQueryRaw<string>("""
                    SELECT "Number" AS "Value" FROM "Jobs"
                    WHERE "Number" >= 'J' AND "Number" < 'K' AND "Number" ~ '^J[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]$'
                    ORDER BY "Number" DESC LIMIT 1
                    """)
                .SingleOrDefaultAsync(ct);
        }
        else
        {
            highest = await db.Database
                .SqlQueryRaw<string>("""SELECT MAX("Number") AS "Value" FROM "Jobs" WHERE "Number" GLOB 'J[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'""")
                .SingleOrDefaultAsync(ct);
        }
        return highest is null ? 0 : long.Parse(highest.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture);
    }
}
