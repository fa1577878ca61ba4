using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Superapps.Notifications.Data;
using Superapps.Notifications.Domain;
using Superapps.Notifications.Features.Live;
using Superapps.Organization.Contracts;

namespace Superapps.Notifications.Features.Delivery;

/// <summary>
/// One round of delivery: claims due outbox rows with <c>FOR UPDATE SKIP LOCKED</c> (so several portal instances never send
/// the same one), sends each, and records the result: sent with its time, skipped, or failed and retried later with a
/// doubling delay until <see cref="NotificationsOptions.MaxAttempts"/>, keeping the last error.
/// </summary>
public sealed partial class DeliveryDispatcher(
    IDbContextFactory<NotificationsDbContext> contexts,
    IOrganizationDirectory directory,
    IEmailSender email,
    IWhatsAppGateway whatsApp,
    IOptions<NotificationsOptions> options,
    TimeProvider clock,
    ILogger<DeliveryDispatcher> logger)
{
    /// <summary>Sends one batch of due deliveries; returns how many it handled (0 when nothing was due).</summary>
    public async Task<int> ProcessDueAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var batch = await db.Deliveries.FromSql($"""
            SELECT * FROM notifications.deliveries
            WHERE status = 0 AND next_attempt_at <= {now}
            ORDER BY next_attempt_at
            LIMIT {settings.BatchSize}
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(cancellationToken);
        if (batch.Count == 0)
        {
            return 0;
        }

        var noticeIds = batch.Select(d => d.NotificationId).Distinct().ToList();
        var notices = await db.Notifications.AsNoTracking().Where(n => noticeIds.Contains(n.Id)).ToDictionaryAsync(n => n.Id, cancellationToken);
        var recipients = notices.Values.Select(n => n.RecipientEmployeeId).Distinct().ToList();
        var preferences = await db.Preferences.AsNoTracking().Where(p => recipients.Contains(p.EmployeeId)).ToDictionaryAsync(p => p.EmployeeId, cancellationToken);
        foreach (var delivery in batch)
        {
            var notice = notices[delivery.NotificationId];
            var preference = preferences.GetValueOrDefault(notice.RecipientEmployeeId) ?? Preference.Default(notice.RecipientEmployeeId);
            try
            {
                await SendAsync(delivery, notice, preference, settings, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // Any failure of a gateway or a mail server is recorded on the row and retried.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                delivery.Failed($"{ex.GetType().Name}: {ex.Message}", clock.GetUtcNow(), settings.MaxAttempts, settings.RetryBaseDelay);
                LogFailed(logger, delivery.Channel, delivery.Id, delivery.Attempts, ex);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return batch.Count;
    }

    private async Task SendAsync(Domain.Delivery delivery, Notification notice, Preference preference, NotificationsOptions settings, CancellationToken cancellationToken)
    {
        if (!preference.Wants(delivery.Channel, notice.Topic))
        {
            delivery.Skip("The recipient switched this channel off before it was sent.");
            return;
        }

        switch (delivery.Channel)
        {
            case Channel.Email:
                var address = (await directory.GetEmployeeAsync(notice.RecipientEmployeeId, cancellationToken))?.Email;
                if (string.IsNullOrWhiteSpace(address))
                {
                    delivery.Skip("The employee has no e-mail address in the organisation directory.");
                    return;
                }

                var (subject, text) = MessageComposer.Email(notice, settings.PortalUrl);
                await email.SendAsync(address, subject, text, cancellationToken);
                delivery.Sent(address, clock.GetUtcNow());
                return;

            case Channel.WhatsApp:
                if (!whatsApp.IsEnabled)
                {
                    delivery.Skip("No WhatsApp gateway is configured.");
                    return;
                }

                await whatsApp.SendAsync(preference.WhatsAppNumber!, MessageComposer.WhatsApp(notice, settings.PortalUrl), cancellationToken);
                delivery.Sent(preference.WhatsAppNumber!, clock.GetUtcNow());
                return;

            default:
                delivery.Skip($"Unknown channel {delivery.Channel}.");
                return;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification delivery {Channel} {DeliveryId} failed (attempt {Attempts})")]
    private static partial void LogFailed(ILogger logger, Channel channel, Guid deliveryId, int attempts, Exception exception);
}

/// <summary>Runs <see cref="DeliveryDispatcher"/> rounds: at once when woken by a new notice, otherwise every poll interval
/// (which also picks up retries that came due).</summary>
internal sealed partial class DeliveryWorker(IServiceScopeFactory scopes, DeliverySignal signal, IOptions<NotificationsOptions> options, ILogger<DeliveryWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                int handled;
                do
                {
                    await using var scope = scopes.CreateAsyncScope();
                    handled = await scope.ServiceProvider.GetRequiredService<DeliveryDispatcher>().ProcessDueAsync(stoppingToken);
                }
                while (handled > 0 && !stoppingToken.IsCancellationRequested);

                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The database may be away for a moment; the worker keeps going.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogRoundFailed(logger, ex);
                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A notification delivery round failed")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
