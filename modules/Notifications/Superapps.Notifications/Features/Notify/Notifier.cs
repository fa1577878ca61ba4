using Npgsql;
using NpgsqlTypes;
using Superapps.Notifications.Contracts;
using Superapps.Notifications.Data;
using Superapps.Notifications.Domain;
using Superapps.Notifications.Features.Delivery;
using Superapps.Notifications.Features.Live;

namespace Superapps.Notifications.Features.Notify;

/// <summary>
/// Stores a notice once per recipient and key (<c>INSERT … ON CONFLICT DO NOTHING</c>), queues one delivery per external
/// channel the recipient chose (the outbox), and notifies <see cref="NoticeListener.Channel"/> in the same transaction, so
/// open pages and the dispatcher hear of it exactly when it is committed.
/// </summary>
internal sealed class Notifier(NpgsqlDataSource dataSource, IWhatsAppGateway whatsApp, TimeProvider clock) : INotifier
{
    private const string Schema = NotificationsDbContext.Schema;

    public async Task NotifyAsync(Notice notice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentException.ThrowIfNullOrWhiteSpace(notice.Key);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(notice.Key.Length, Notification.MaxKeyLength);
        var recipients = notice.RecipientEmployeeIds.Where(id => id != Guid.Empty).Distinct().ToList();
        if (recipients.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var preferences = await LoadPreferencesAsync(connection, recipients, cancellationToken);
        foreach (var recipient in recipients)
        {
            var id = Guid.CreateVersion7();
            await using (var insert = new NpgsqlCommand($"""
                INSERT INTO {Schema}.notices (id, recipient_employee_id, topic, key, title_indonesian, title_english, body_indonesian, body_english,
                    link, sensitive, created_at, read_at)
                VALUES (@id, @recipient, @topic, @key, @titleId, @titleEn, @bodyId, @bodyEn, @link, @sensitive, @now, NULL)
                ON CONFLICT (recipient_employee_id, key) DO NOTHING
                """, connection))
            {
                insert.Parameters.AddWithValue("id", id);
                insert.Parameters.AddWithValue("recipient", recipient);
                insert.Parameters.AddWithValue("topic", (int)notice.Topic);
                insert.Parameters.AddWithValue("key", notice.Key);
                insert.Parameters.AddWithValue("titleId", Cut(notice.Title.Indonesian, Notification.MaxTitleLength));
                insert.Parameters.AddWithValue("titleEn", Cut(notice.Title.English, Notification.MaxTitleLength));
                insert.Parameters.Add(new NpgsqlParameter("bodyId", NpgsqlDbType.Text) { Value = (object?)CutOrNull(notice.Body?.Indonesian, Notification.MaxBodyLength) ?? DBNull.Value });
                insert.Parameters.Add(new NpgsqlParameter("bodyEn", NpgsqlDbType.Text) { Value = (object?)CutOrNull(notice.Body?.English, Notification.MaxBodyLength) ?? DBNull.Value });
                insert.Parameters.AddWithValue("link", Cut(notice.Link, Notification.MaxLinkLength));
                insert.Parameters.AddWithValue("sensitive", notice.Sensitive);
                insert.Parameters.AddWithValue("now", now);
                if (await insert.ExecuteNonQueryAsync(cancellationToken) == 0)
                {
                    continue; // Already told about this event.
                }
            }

            var preference = preferences.GetValueOrDefault(recipient) ?? Preference.Default(recipient);
            foreach (var channel in Enum.GetValues<Channel>())
            {
                if (!preference.Wants(channel, notice.Topic) || (channel == Channel.WhatsApp && !whatsApp.IsEnabled))
                {
                    continue;
                }

                await using var queue = new NpgsqlCommand($"""
                    INSERT INTO {Schema}.deliveries (id, notification_id, channel, status, attempts, created_at, next_attempt_at)
                    VALUES (@id, @notice, @channel, 0, 0, @now, @now)
                    """, connection);
                queue.Parameters.AddWithValue("id", Guid.CreateVersion7());
                queue.Parameters.AddWithValue("notice", id);
                queue.Parameters.AddWithValue("channel", (int)channel);
                queue.Parameters.AddWithValue("now", now);
                await queue.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
            notify.Parameters.AddWithValue("channel", NoticeListener.Channel);
            notify.Parameters.AddWithValue("payload", recipient.ToString());
            await notify.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<Dictionary<Guid, Preference>> LoadPreferencesAsync(NpgsqlConnection connection, List<Guid> recipients, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""
            SELECT employee_id, email_enabled, whats_app_enabled, whats_app_number, email_muted_topics, whats_app_muted_topics
            FROM {Schema}.preferences WHERE employee_id = ANY(@ids)
            """, connection);
        command.Parameters.AddWithValue("ids", recipients.ToArray());
        var result = new Dictionary<Guid, Preference>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var preference = new Preference(reader.GetGuid(0));
            preference.Change(reader.GetBoolean(1), reader.GetBoolean(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetFieldValue<int[]>(4).Select(t => (NoticeTopic)t), reader.GetFieldValue<int[]>(5).Select(t => (NoticeTopic)t), default);
            result[preference.EmployeeId] = preference;
        }

        return result;
    }

    private static string Cut(string text, int max) => text.Length > max ? text[..max] : text;

    private static string? CutOrNull(string? text, int max) => text is null ? null : Cut(text, max);
}
