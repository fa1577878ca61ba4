using Superapps.Notifications.Contracts;

namespace Superapps.Notifications.Domain;

/// <summary>One notice for one employee, shown in the portal. Unique per recipient and <see cref="Key"/>.</summary>
public sealed class Notification
{
    private Notification()
    {
    }

    public Guid Id { get; private set; }

    public Guid RecipientEmployeeId { get; private set; }

    public NoticeTopic Topic { get; private set; }

    public string Key { get; private set; } = string.Empty;

    public string TitleIndonesian { get; private set; } = string.Empty;

    public string TitleEnglish { get; private set; } = string.Empty;

    public string? BodyIndonesian { get; private set; }

    public string? BodyEnglish { get; private set; }

    public string Link { get; private set; } = string.Empty;

    public bool Sensitive { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ReadAt { get; private set; }

    public const int MaxKeyLength = 300;
    public const int MaxTitleLength = 300;
    public const int MaxBodyLength = 2000;
    public const int MaxLinkLength = 500;
}

/// <summary>An external channel a notice can travel on; the portal itself is always on.</summary>
public enum Channel
{
    Email = 1,
    WhatsApp = 2,
}

public enum DeliveryStatus
{
    /// <summary>Waiting for its (next) attempt.</summary>
    Pending = 0,
    Sent = 1,

    /// <summary>Given up after the last attempt; the last error is kept.</summary>
    Failed = 2,

    /// <summary>Nothing to send to: no address, or the channel was switched off before it went out.</summary>
    Skipped = 3,
}

/// <summary>One notice queued for one external channel: the module's outbox row.</summary>
public sealed class Delivery
{
    private Delivery()
    {
    }

    public Guid Id { get; private set; }

    public Guid NotificationId { get; private set; }

    public Channel Channel { get; private set; }

    public DeliveryStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>Where it went (e-mail address or WhatsApp number), once sent.</summary>
    public string? Address { get; private set; }

    public string? LastError { get; private set; }

    public const int MaxErrorLength = 1000;

    public void Sent(string address, DateTimeOffset now)
    {
        Attempts++;
        Status = DeliveryStatus.Sent;
        SentAt = now;
        Address = address;
        LastError = null;
    }

    public void Skip(string reason)
    {
        Status = DeliveryStatus.Skipped;
        LastError = Truncate(reason);
    }

    /// <summary>Records a failed attempt: tries again after a doubling delay, or gives up after <paramref name="maxAttempts"/>.</summary>
    public void Failed(string error, DateTimeOffset now, int maxAttempts, TimeSpan baseDelay)
    {
        Attempts++;
        LastError = Truncate(error);
        if (Attempts >= maxAttempts)
        {
            Status = DeliveryStatus.Failed;
            return;
        }

        var delay = TimeSpan.FromTicks(Math.Min(baseDelay.Ticks * (1L << Math.Min(Attempts - 1, 20)), TimeSpan.FromHours(6).Ticks));
        NextAttemptAt = now + delay;
    }

    private static string Truncate(string text) => text.Length > MaxErrorLength ? text[..MaxErrorLength] : text;
}
