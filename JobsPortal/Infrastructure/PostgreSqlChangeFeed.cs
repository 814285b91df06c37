using System.Text.Json;
using System.Threading.Channels;
using JobsPortal.Data;
using JobsPortal.Features.Bulk;
using JobsPortal.Shared;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace JobsPortal.Infrastructure;

/// <summary>
/// The backplane of the change feeds when several app instances share one PostgreSQL database: a job
/// cancelled (created, reviewed, ...) through one instance shows on the pages every other instance
/// serves, and so does a bulk run's progress. It uses PostgreSQL's LISTEN/NOTIFY, so nothing but the
/// database is needed. On SQLite (one process) it does nothing and the in-process feeds are all there is.
/// </summary>
/// <remarks>
/// <para>Receiving: one long-lived connection of its own (outside the pool) LISTENs on
/// <see cref="ChannelName"/> and waits; when it breaks (the database restarted, a network cut) it is
/// opened again after a second. Notices sent while no connection listened are lost: a page then shows
/// the change at its next reload, as it would have before this backplane.</para>
/// <para>Sending: publishers call the feeds after their transaction has committed; the feeds queue the
/// notice here (<see cref="JobChangeNotifier.Outbound"/>), and one loop sends the queue in order with
/// <c>pg_notify</c>, so a cancel and its reopen arrive in that order and no publisher waits for it.</para>
/// <para>Every notice carries the sending instance's id: an instance delivers its own changes to its
/// pages at once, in process, and ignores them when they come back through the database.</para>
/// </remarks>
public sealed class PostgreSqlChangeFeed(
    IDbContextFactory<JobsPortalDbContext> dbFactory,
    AppInstance instance,
    JobChangeNotifier jobs,
    BulkRunFeed runs,
    ILogger<PostgreSqlChangeFeed> logger)
    : BackgroundService
{
    public const string ChannelName = "jobsportal_changes";
    private static readonly TimeSpan ReconnectAfter = TimeSpan.FromSeconds(1);
    private const int SendAttempts = 3;

    private readonly Channel<string> _outbox = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>One notice: who sent it, and either a job's change or a bulk run's id.</summary>
    internal sealed record Notice(string From, JobChanged? Job, int? BulkRunId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        string connectionString;
        await using (var db = await dbFactory.CreateDbContextAsync(stoppingToken))
        {
            if (!db.Database.IsNpgsql())
            {
                return;
            }
            connectionString = db.Database.GetConnectionString() ?? db.Database.GetDbConnection().ConnectionString;
        }

        jobs.Outbound = change => _outbox.Writer.TryWrite(JsonSerializer.Serialize(new Notice(instance.Id, change, null)));
        runs.Outbound = runId => _outbox.Writer.TryWrite(JsonSerializer.Serialize(new Notice(instance.Id, null, runId)));
        try
        {
            await Task.WhenAll(ListenAsync(connectionString, stoppingToken), SendAsync(connectionString, stoppingToken));
        }
        finally
        {
            jobs.Outbound = null;
            runs.Outbound = null;
        }
    }

    private async Task ListenAsync(string connectionString, CancellationToken ct)
    {
        // Its own physical connection: a pooled one would go back to the pool still listening.
        var listen = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 30 }.ConnectionString;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(listen);
                connection.Notification += (_, e) => Receive(e.Payload);
                await connection.OpenAsync(ct);
                await using (var command = new NpgsqlCommand($"LISTEN {ChannelName}", connection))
                {
                    await command.ExecuteNonQueryAsync(ct);
                }
                logger.LogInformation("Listening for other instances' changes on {Channel}", ChannelName);
                while (true)
                {
                    await connection.WaitAsync(ct);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "The change feed's listening connection failed; opening it again in {Delay}", ReconnectAfter);
                await DelayAsync(ct);
            }
        }
    }

    private void Receive(string payload)
    {
        Notice? notice;
        try
        {
            notice = JsonSerializer.Deserialize<Notice>(payload);
        }
        catch (JsonException e)
        {
            logger.LogWarning(e, "A change notice could not be read: {Payload}", payload);
            return;
        }
        if (notice is null || notice.From == instance.Id)
        {
            return;
        }
        if (notice.Job is { } change)
        {
            _ = jobs.DeliverAsync(change);
        }
        if (notice.BulkRunId is { } runId)
        {
            runs.Deliver(runId);
        }
    }

    private async Task SendAsync(string connectionString, CancellationToken ct)
    {
        await using var source = NpgsqlDataSource.Create(connectionString);
        try
        {
            await foreach (var payload in _outbox.Reader.ReadAllAsync(ct))
            {
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        await using var command = source.CreateCommand("SELECT pg_notify($1, $2)");
                        command.Parameters.Add(new NpgsqlParameter { Value = ChannelName });
                        command.Parameters.Add(new NpgsqlParameter { Value = payload });
                        await command.ExecuteNonQueryAsync(ct);
                        break;
                    }
                    catch (Exception e) when (e is not OperationCanceledException && attempt < SendAttempts)
                    {
                        logger.LogWarning(e, "A change notice could not be sent (attempt {Attempt}); trying again", attempt);
                        await DelayAsync(ct);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        // The change itself is committed; only other instances' pages miss it until they reload.
                        logger.LogError(e, "A change notice was not sent to the other instances: {Payload}", payload);
                        break;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private static async Task DelayAsync(CancellationToken ct)
    {
        try
        {
            await Task.Delay(ReconnectAfter, ct);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
