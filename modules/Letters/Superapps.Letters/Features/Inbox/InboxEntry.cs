using Superapps.Letters.Contracts;
using Superapps.Letters.Domain;

namespace Superapps.Letters.Features.Inbox;

/// <summary>
/// One line of one position's inbox (<c>letters.inbox_entries</c>): the position is named on the letter, with copies of the
/// letter's columns the inbox sorts and filters on. Written only by <see cref="InboxProjection"/>.
/// </summary>
internal sealed class InboxEntry
{
    private InboxEntry()
    {
    }

    public Guid PositionId { get; private set; }

    public Guid LetterId { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    public LetterStatus Status { get; private set; }

    public Urgency Urgency { get; private set; }

    public SecurityClass SecurityClass { get; private set; }

    public DateOnly SenderDate { get; private set; }

    /// <summary>The letter is addressed to the position (not a copy, not a disposition).</summary>
    public bool Addressed { get; private set; }

    /// <summary>The position is named on the letter only as a copy (tembusan): for information, listed as "Tembusan".</summary>
    public bool Copy { get; private set; }

    /// <summary>The position gave a live disposition on the letter: it followed the letter up.</summary>
    public bool FollowedUp { get; private set; }
}
