namespace Superapps.Tickets.Features.MailIntake;

/// <summary>What became of an inbound e-mail.</summary>
public enum InboundOutcome
{
    /// <summary>Claimed by a run that has not finished with it (a crash leaves it so; the next run sets it aside as rejected).</summary>
    Processing = 0,

    /// <summary>Became a ticket.</summary>
    Ticketed = 1,

    /// <summary>Could not be mapped to a reporter or a site: set aside in the rejected folder with the reason.</summary>
    Rejected = 2,
}

/// <summary>An e-mail the intake has seen, by its Message-ID: what makes the intake idempotent.</summary>
public sealed class InboundMessage
{
    private InboundMessage()
    {
    }

    public InboundMessage(string messageId, string fileName, string? sender, string? subject, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        MessageId = messageId;
        FileName = Clip(fileName, 300)!;
        Sender = Clip(sender, 320);
        Subject = Clip(subject, 300);
        ReceivedAt = now;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }

    /// <summary>The Message-ID header, or <c>sha256:</c> and the file's hash when the message has none.</summary>
    public string MessageId { get; private set; } = string.Empty;

    public string FileName { get; private set; } = string.Empty;

    public string? Sender { get; private set; }

    public string? Subject { get; private set; }

    public InboundOutcome Outcome { get; private set; }

    public Guid? TicketId { get; private set; }

    public string? TicketNumber { get; private set; }

    public string? Reason { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public void Claim(string fileName, DateTimeOffset now)
    {
        Outcome = InboundOutcome.Processing;
        FileName = Clip(fileName, 300)!;
        Reason = null;
        UpdatedAt = now;
    }

    public void Ticketed(Guid ticketId, string number, DateTimeOffset now)
    {
        Outcome = InboundOutcome.Ticketed;
        TicketId = ticketId;
        TicketNumber = number;
        UpdatedAt = now;
    }

    public void Rejected(string reason, DateTimeOffset now)
    {
        Outcome = InboundOutcome.Rejected;
        Reason = Clip(reason, 1000);
        UpdatedAt = now;
    }

    private static string? Clip(string? text, int length) => text is null ? null : text.Length > length ? text[..length] : text;
}
