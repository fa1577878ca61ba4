namespace Superapps.Notifications.Contracts;

/// <summary>
/// Tells people that something needs them: in the portal (live, no reload), and by e-mail or WhatsApp
/// when they chose those channels. Any module may call it; the Notifications module implements it.
/// </summary>
public interface INotifier
{
    /// <summary>
    /// Records the notice for each recipient and queues its delivery on the channels each recipient chose.
    /// Idempotent per recipient and <see cref="Notice.Key"/>: a retried job or a double submit notifies once.
    /// Returns once the notices are stored; e-mail and WhatsApp are delivered in the background with retries.
    /// </summary>
    Task NotifyAsync(Notice notice, CancellationToken cancellationToken = default);
}

/// <summary>One thing to tell one or more people.</summary>
/// <param name="RecipientEmployeeIds">Employees (Organization module ids) to tell.</param>
/// <param name="Topic">What kind of notice this is; users may mute topics per channel.</param>
/// <param name="Key">Identifies the event, for idempotency, e.g. <c>letters.disposition:{id}:given</c>.</param>
/// <param name="Title">Short text, Indonesian and English.</param>
/// <param name="Body">Longer text, Indonesian and English, or null.</param>
/// <param name="Link">Portal-relative link to the item, e.g. <c>/surat/{id}</c>.</param>
/// <param name="Sensitive">
/// True for items whose content must not leave the portal (restricted letters): e-mail and WhatsApp then carry only
/// a neutral title and the link, never the subject.
/// </param>
public sealed record Notice(
    IReadOnlyCollection<Guid> RecipientEmployeeIds,
    NoticeTopic Topic,
    string Key,
    BilingualText Title,
    BilingualText? Body,
    string Link,
    bool Sensitive = false);

/// <summary>A text in Indonesian (first) and English.</summary>
public sealed record BilingualText(string Indonesian, string English);

/// <summary>Kinds of notices. New modules add their own kinds here.</summary>
public enum NoticeTopic
{
    /// <summary>A letter was addressed to the user (registered or delivered internally).</summary>
    NewLetter = 0,

    /// <summary>A disposition was given to the user.</summary>
    NewDisposition = 1,

    /// <summary>A follow-up was reported on a disposition the user gave, or the giver accepted or reopened it.</summary>
    FollowUp = 2,

    /// <summary>A deadline is near (reminder).</summary>
    DeadlineReminder = 3,

    /// <summary>Something is overdue: the user's own item, or one escalated to them.</summary>
    Overdue = 4,

    /// <summary>A complaint ticket changed (Tickets module).</summary>
    Ticket = 5,

    /// <summary>A dataset update is due or was reviewed (DataUpdates module).</summary>
    DataUpdate = 6,

    /// <summary>An outgoing letter needs the user's review (paraf) or signature, or the user's draft was returned, signed or sent (Letters module).</summary>
    DraftLetter = 7,
}
