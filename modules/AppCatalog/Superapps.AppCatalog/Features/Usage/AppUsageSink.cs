using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Superapps.AppCatalog.Contracts;
using Superapps.AppCatalog.Data;

namespace Superapps.AppCatalog.Features.Usage;

/// <summary>
/// Stores the proxy's usage counters in one round trip per flush: the batches as arrays, unnested into an upsert of (app, day) that adds
/// requests, errors and the latency buckets element-wise, and an insert of (app, day, user) that ignores users already seen.
/// </summary>
internal sealed class AppUsageSink(IDbContextFactory<AppCatalogDbContext> contexts) : IAppUsageSink
{
    private const string Sql = """
        WITH input AS (
            SELECT t.app_id, t.day, t.requests, t.errors, t.n
            FROM unnest(@apps, @days, @requests, @errors) WITH ORDINALITY AS t(app_id, day, requests, errors, n)),
        days AS (
            INSERT INTO appcatalog.usage_days AS u (app_id, day, requests, errors, latency_buckets)
            SELECT i.app_id, i.day, i.requests, i.errors, @buckets[((i.n - 1) * @width + 1):(i.n * @width)] FROM input i
            ON CONFLICT (app_id, day) DO UPDATE SET
                requests = u.requests + excluded.requests,
                errors = u.errors + excluded.errors,
                latency_buckets = ARRAY(
                    SELECT coalesce(x, 0) + coalesce(y, 0)
                    FROM unnest(u.latency_buckets, excluded.latency_buckets) WITH ORDINALITY AS z(x, y, k) ORDER BY k)
            RETURNING 1)
        INSERT INTO appcatalog.usage_users (app_id, day, user_ref)
        SELECT * FROM unnest(@user_apps, @user_days, @users)
        ON CONFLICT DO NOTHING
        """;

    public async Task RecordAsync(IReadOnlyCollection<AppUsageBatch> batches, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batches);
        if (batches.Count == 0)
        {
            return;
        }

        var width = UsageLatency.BucketUpperBoundsMs.Count;
        // One row per (app, day): an upsert cannot touch the same row twice in one statement.
        var rows = batches.GroupBy(b => (b.AppId, b.Day)).Select(g => (
            g.Key.AppId, g.Key.Day, Requests: g.Sum(b => b.Requests), Errors: g.Sum(b => b.Errors),
            Buckets: Enumerable.Range(0, width).Select(i => g.Sum(b => i < b.LatencyBuckets.Count ? b.LatencyBuckets[i] : 0)
                + (i == width - 1 ? g.Sum(b => b.LatencyBuckets.Skip(width).Sum()) : 0)).ToArray(),
            Users: g.SelectMany(b => b.Users).Where(u => !string.IsNullOrEmpty(u)).Distinct(StringComparer.Ordinal).ToList())).ToList();
        var users = rows.SelectMany(r => r.Users.Select(u => (r.AppId, r.Day, User: u))).ToList();

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync(Sql, [
            new NpgsqlParameter("apps", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = rows.Select(r => r.AppId).ToArray() },
            new NpgsqlParameter("days", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = rows.Select(r => r.Day).ToArray() },
            new NpgsqlParameter("requests", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = rows.Select(r => r.Requests).ToArray() },
            new NpgsqlParameter("errors", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = rows.Select(r => r.Errors).ToArray() },
            new NpgsqlParameter("buckets", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = rows.SelectMany(r => r.Buckets).ToArray() },
            new NpgsqlParameter("width", NpgsqlDbType.Integer) { Value = width },
            new NpgsqlParameter("user_apps", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = users.Select(u => u.AppId).ToArray() },
            new NpgsqlParameter("user_days", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = users.Select(u => u.Day).ToArray() },
            new NpgsqlParameter("users", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = users.Select(u => u.User).ToArray() },
        ], cancellationToken);
    }
}
