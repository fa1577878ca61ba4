using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Superapps.Notifications.Features.Live;

/// <summary>
/// Listens on PostgreSQL channel <see cref="Channel"/> and passes each notification (an employee id) to the
/// <see cref="NoticeStream"/> and the <see cref="DeliverySignal"/> of this instance. NOTIFY is delivered on commit,
/// so pages reload only when there is something committed to show.
/// </summary>
public sealed partial class NoticeListener(NpgsqlDataSource dataSource, NoticeStream stream, DeliverySignal signal, ILogger<NoticeListener> logger)
    : BackgroundService
{
    /// <summary>The channel the notifier and the read marks notify on, with the employee id as the payload.</summary>
    public const string Channel = "superapps_notifications";

    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the first LISTEN is in place.</summary>
    public Task Listening => _listening.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += OnNotification;
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // Anything committed while this instance was not listening: open pages reload, the dispatcher looks.
                stream.PublishAll();
                signal.Wake();
                _listening.TrySetResult();
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or IOException or TimeoutException)
            {
                LogLost(logger, ex);
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
            }
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs e)
    {
        if (Guid.TryParse(e.Payload, out var employeeId))
        {
            stream.Publish(employeeId);
        }

        signal.Wake();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the notifications listener connection; reconnecting in 5 s")]
    private static partial void LogLost(ILogger logger, Exception exception);
}
