using Microsoft.Extensions.Logging;
using Superapps.Letters.Contracts;
using Superapps.Letters.Domain.Drafting;
using Superapps.Notifications.Contracts;
using Superapps.Organization.Contracts;

namespace Superapps.Letters.Features.Drafting;

/// <summary>
/// Tells the people a draft waits for, and its drafter, through <see cref="INotifier"/> (topic <see cref="NoticeTopic.DraftLetter"/>):
/// the next reviewer, the signer, and the drafter when it is returned, signed or sent. Called after the change is saved; a failure
/// is logged and never undoes it. Drafts that are not Biasa are sensitive: a neutral title and no body.
/// </summary>
public sealed partial class DraftingNotices(INotifier notifier, IOrganizationDirectory directory, ILogger<DraftingNotices> logger)
{
    public static string LinkTo(Guid id) => $"/surat/konsep/{id}";

    public Task ReviewRequestedAsync(OutgoingLetter letter) => ToPositionAsync(letter, $"review:{letter.VersionNumber}:{letter.ReviewIndex}",
        ("Konsep surat perlu diperiksa", "A draft letter to review"), ($"Mohon periksa dan paraf konsep dari {letter.DrafterName}.", $"Please review and initial the draft by {letter.DrafterName}."));

    public Task SignatureRequestedAsync(OutgoingLetter letter) => ToPositionAsync(letter, $"sign:{letter.VersionNumber}",
        ("Surat perlu ditandatangani", "A letter to sign"), ($"Nomor {letter.Number} dicadangkan.", $"Number {letter.Number} is reserved."));

    public Task ReturnedAsync(OutgoingLetter letter, DraftingActor by) => ToDrafterAsync(letter, $"returned:{letter.VersionNumber}:{letter.Steps.Count}",
        ("Konsep surat dikembalikan", "Draft letter returned"), ($"Dikembalikan oleh {by.Title}: {letter.Steps[^1].Notes}", $"Returned by {by.Title}: {letter.Steps[^1].Notes}"));

    public Task SignedAsync(OutgoingLetter letter) => ToDrafterAsync(letter, "signed",
        ("Surat ditandatangani", "Letter signed"), ($"Nomor {letter.Number}, ditandatangani {letter.SignedByTitle}.", $"Number {letter.Number}, signed by {letter.SignedByTitle}."));

    public Task SentAsync(OutgoingLetter letter) => ToDrafterAsync(letter, "sent",
        ("Surat terkirim", "Letter sent"), ($"Surat nomor {letter.Number} telah terkirim ke semua tujuan.", $"Letter {letter.Number} was delivered to every addressee."));

    private async Task ToPositionAsync(OutgoingLetter letter, string key, (string Id, string En) title, (string Id, string En) body)
    {
        try
        {
            var holders = letter.CurrentPositionId is { } p ? (await directory.GetPositionAsync(p))?.Holders.Select(h => h.EmployeeId).ToList() ?? [] : [];
            await SendAsync(letter, holders, key, title, body);
        }
#pragma warning disable CA1031 // The user's action is saved; a notification failure is logged, never thrown at them.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogFailed(logger, letter.Id, ex);
        }
    }

    private async Task ToDrafterAsync(OutgoingLetter letter, string key, (string Id, string En) title, (string Id, string En) body)
    {
        try
        {
            await SendAsync(letter, [letter.DrafterEmployeeId], key, title, body);
        }
#pragma warning disable CA1031 // The user's action is saved; a notification failure is logged, never thrown at them.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogFailed(logger, letter.Id, ex);
        }
    }

    private Task SendAsync(OutgoingLetter letter, List<Guid> recipients, string key, (string Id, string En) title, (string Id, string En) body)
    {
        var sensitive = letter.SecurityClass != SecurityClass.Biasa;
        return recipients.Count == 0
            ? Task.CompletedTask
            : notifier.NotifyAsync(new Notice(recipients.Distinct().ToList(), NoticeTopic.DraftLetter, $"letters.draft:{letter.Id}:{key}",
                sensitive ? new BilingualText(title.Id, title.En) : new BilingualText($"{title.Id}: {letter.Subject}", $"{title.En}: {letter.Subject}"),
                sensitive ? null : new BilingualText(body.Id, body.En), LinkTo(letter.Id), sensitive), CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not notify about outgoing letter {LetterId}; the change itself is saved")]
    private static partial void LogFailed(ILogger logger, Guid letterId, Exception exception);
}
