using JobsPortal.Data.Entities;
using JobsPortal.Features.Jobs;
using Microsoft.Data.Sqlite;

namespace JobsPortal.Bench;

/// <summary>
/// Cases 1 to 3 written by hand with Microsoft.Data.Sqlite: the same capped count, the same page
/// and the same rows as <see cref="JobSearchService"/>, to show what EF Core costs on top.
/// </summary>
public sealed class HandWrittenSearch(string connectionString)
{
    private const string Columns = """
        SELECT j."Id", j."Number", j."Description", t."Name", s."Name", j."LifeCycleState", u."DisplayName", un."Name",
               j."ScheduledDate", j."ExpirationDate", j."CreatedAt", j."UpdatedAt"
        FROM "Jobs" AS j
        JOIN "JobTypes" AS t ON t."Id" = j."JobTypeId"
        JOIN "JobStatuses" AS s ON s."Id" = j."JobStatusId"
        LEFT JOIN "AspNetUsers" AS u ON u."Id" = j."AssignedUserId"
        LEFT JOIN "Units" AS un ON un."Id" = j."AssignedUnitId"
        """;

    public Task<JobSearchPage> NewestFirstAsync() => RunAsync(
        """SELECT COUNT(*) FROM (SELECT 1 FROM "Jobs" LIMIT $cap)""",
        Columns + """ ORDER BY j."CreatedAt" DESC, j."Id" DESC LIMIT 25""");

    public Task<JobSearchPage> OneStateAsync(LifeCycleState state) => RunAsync(
        """SELECT COUNT(*) FROM (SELECT 1 FROM "Jobs" WHERE "LifeCycleState" = $state LIMIT $cap)""",
        Columns + """ WHERE j."LifeCycleState" = $state ORDER BY j."CreatedAt" DESC, j."Id" DESC LIMIT 25""",
        ("$state", state.ToString()));

    public Task<JobSearchPage> TypeAndStateByScheduledAsync(int typeId, LifeCycleState state) => RunAsync(
        """SELECT COUNT(*) FROM (SELECT 1 FROM "Jobs" WHERE "JobTypeId" = $type AND "LifeCycleState" = $state LIMIT $cap)""",
        Columns + """ WHERE j."JobTypeId" = $type AND j."LifeCycleState" = $state ORDER BY j."ScheduledDate", j."Id" LIMIT 25""",
        ("$type", typeId), ("$state", state.ToString()));

    private async Task<JobSearchPage> RunAsync(string countSql, string pageSql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();

        int count;
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = countSql;
            command.Parameters.AddWithValue("$cap", JobSearchService.DefaultCountCap + 1);
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }
            count = Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }

        var rows = new List<JobSearchRow>(25);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = pageSql;
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add(new JobSearchRow(
                    reader.GetInt32(0),
                    reader.GetString(1),
                    reader.GetString(2),
                    reader.GetString(3),
                    reader.GetString(4),
                    Enum.Parse<LifeCycleState>(reader.GetString(5)),
                    reader.IsDBNull(6) ? null : reader.GetString(6),
                    reader.IsDBNull(7) ? null : reader.GetString(7),
                    reader.IsDBNull(8) ? null : Utc(reader.GetDateTime(8)),
                    reader.IsDBNull(9) ? null : Utc(reader.GetDateTime(9)),
                    Utc(reader.GetDateTime(10)),
                    Utc(reader.GetDateTime(11))));
            }
        }
        return new JobSearchPage(rows, Math.Min(count, JobSearchService.DefaultCountCap), count > JobSearchService.DefaultCountCap);
    }

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
