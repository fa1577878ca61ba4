using Microsoft.Extensions.Logging;
using Superapps.Letters.Contracts;
using Superapps.Letters.Domain;
using Superapps.Notifications.Contracts;
using Superapps.Organization.Contracts;
using Superapps.SharedKernel;

namespace Superapps.Letters.Features.Notices;

/// <summary>
/// Tells people what a saved letter action means for them, through <see cref="INotifier"/>: a new letter to the holders of the
/// addressed position (Plt/Plh included), a disposition to the holders of each recipient position, a follow-up report to the
/// giver, an acceptance or a reopening to the recipient. Called after the change is committed; a failure here is logged and
/// never undoes or fails what the user saved. Restricted letters (not Biasa) are sensitive: a neutral title and no body.
/// </summary>
public sealed partial class LetterNotices(INotifier notifier, IOrganizationDirectory directory, ILogger<LetterNotices> logger)
{
    /// <summary>A letter was registered: the holders of the addressed position are told (the clerk too, should they hold it:
    /// registering keeps the agenda, it is not reading the letter).</summary>
    /// <param name="copy">The position receives a copy (tembusan) for information.</param>
    public Task RegisteredAsync(Letter letter, PositionInfo addressee, bool copy = false) =>
        SafelyAsync(letter, async () =>
        {
            var sensitive = IsSensitive(letter);
            await SendAsync(Recipients(addressee.Holders.Select(h => h.EmployeeId), Guid.Empty), NoticeTopic.NewLetter,
                $"letters.letter:{letter.Id}:registered", letter,
                (sensitive, copy) switch
                {
                    (true, false) => Neutral("Surat masuk baru", "New letter", letter),
                    (true, true) => Neutral("Tembusan surat baru", "New copy of a letter", letter),
                    (false, false) => new BilingualText($"Surat masuk baru: {letter.Subject}", $"New letter: {letter.Subject}"),
                    _ => new BilingualText($"Tembusan surat baru: {letter.Subject}", $"New copy of a letter: {letter.Subject}"),
                },
                sensitive ? null : new BilingualText($"Dari {letter.Sender}, nomor {letter.SenderNumber}; agenda {letter.AgendaLabel}.",
                    $"From {letter.Sender}, number {letter.SenderNumber}; agenda {letter.AgendaLabel}."));
        });

    public Task DisposedAsync(Letter letter, IReadOnlyList<Disposition> dispositions, Guid actorEmployeeId) =>
        SafelyAsync(letter, async () =>
        {
            var sensitive = IsSensitive(letter);
            foreach (var disposition in dispositions)
            {
                var holders = await HoldersAsync(disposition.ToPositionId, disposition.ToEmployeeId);
                var deadline = disposition.Deadline is { } d ? Wib.FormatDateTime(d) : null;
                var instructions = string.Join(", ", disposition.Instructions);
                await SendAsync(Recipients(holders, actorEmployeeId), NoticeTopic.NewDisposition, $"letters.disposition:{disposition.Id}:given", letter,
                    sensitive ? Neutral("Disposisi baru", "New disposition", letter)
                        : new BilingualText($"Disposisi baru: {letter.Subject}", $"New disposition: {letter.Subject}"),
                    sensitive ? null : new BilingualText(
                        $"Dari {disposition.FromTitle}: {instructions}{(deadline is null ? string.Empty : $". Batas waktu {deadline}")}",
                        $"From {disposition.FromTitle}: {instructions}{(deadline is null ? string.Empty : $". Deadline {deadline}")}"));
            }
        });

    /// <summary>The recipient reported and completed: the giver is told.</summary>
    public Task ReportedAsync(Letter letter, Disposition disposition, Guid actorEmployeeId) =>
        SafelyAsync(letter, async () =>
        {
            var sensitive = IsSensitive(letter);
            var holders = await HoldersAsync(disposition.FromPositionId, disposition.FromEmployeeId);
            var report = disposition.Report is { Length: > 300 } full ? full[..300] + "…" : disposition.Report;
            await SendAsync(Recipients(holders, actorEmployeeId), NoticeTopic.FollowUp, $"letters.disposition:{disposition.Id}:reported:{disposition.DoneAt?.UtcTicks}", letter,
                sensitive ? Neutral("Tindak lanjut dilaporkan", "Follow-up reported", letter)
                    : new BilingualText($"Tindak lanjut dilaporkan: {letter.Subject}", $"Follow-up reported: {letter.Subject}"),
                sensitive ? null : new BilingualText($"{disposition.ToTitle} melaporkan: {report}", $"{disposition.ToTitle} reported: {report}"));
        });

    /// <summary>The giver accepted the follow-up: the recipient is told.</summary>
    public Task AcceptedAsync(Letter letter, Disposition disposition, Guid actorEmployeeId) =>
        SafelyAsync(letter, async () =>
        {
            var sensitive = IsSensitive(letter);
            var holders = await HoldersAsync(disposition.ToPositionId, disposition.ToEmployeeId);
            await SendAsync(Recipients(holders, actorEmployeeId), NoticeTopic.FollowUp, $"letters.disposition:{disposition.Id}:accepted:{disposition.AcceptedAt?.UtcTicks}", letter,
                sensitive ? Neutral("Tindak lanjut diterima", "Follow-up accepted", letter)
                    : new BilingualText($"Tindak lanjut diterima: {letter.Subject}", $"Follow-up accepted: {letter.Subject}"),
                sensitive ? null : new BilingualText($"Diterima oleh {disposition.FromTitle}.", $"Accepted by {disposition.FromTitle}."));
        });

    /// <summary>The giver reopened the follow-up: the recipient is told, with the reason.</summary>
    public Task ReopenedAsync(Letter letter, Disposition disposition, string reason, DateTimeOffset at, Guid actorEmployeeId) =>
        SafelyAsync(letter, async () =>
        {
            var sensitive = IsSensitive(letter);
            var holders = await HoldersAsync(disposition.ToPositionId, disposition.ToEmployeeId);
            await SendAsync(Recipients(holders, actorEmployeeId), NoticeTopic.FollowUp, $"letters.disposition:{disposition.Id}:reopened:{at.UtcTicks}", letter,
                sensitive ? Neutral("Tindak lanjut dikembalikan", "Follow-up reopened", letter)
                    : new BilingualText($"Tindak lanjut dikembalikan: {letter.Subject}", $"Follow-up reopened: {letter.Subject}"),
                sensitive ? null : new BilingualText($"Dikembalikan oleh {disposition.FromTitle}: {reason}", $"Reopened by {disposition.FromTitle}: {reason}"));
        });

    public static string LinkTo(Guid letterId) => $"/surat/{letterId}";

    private static bool IsSensitive(Letter letter) => letter.SecurityClass != SecurityClass.Biasa;

    private static BilingualText Neutral(string indonesian, string english, Letter letter) => letter.SecurityClass switch
    {
        SecurityClass.Terbatas => new($"{indonesian} (Terbatas)", $"{english} (Restricted)"),
        SecurityClass.SangatRahasia => new($"{indonesian} (Sangat Rahasia)", $"{english} (Top secret)"),
        _ => new($"{indonesian} (Rahasia)", $"{english} (Secret)"),
    };

    private static List<Guid> Recipients(IEnumerable<Guid> people, Guid actorEmployeeId) =>
        [.. people.Where(id => id != actorEmployeeId && id != Guid.Empty).Distinct()];

    /// <summary>Who holds a position now (definitive, Plt, Plh), and who held it when the disposition was made.</summary>
    private async Task<List<Guid>> HoldersAsync(Guid positionId, Guid? named)
    {
        var holders = (await directory.GetPositionAsync(positionId))?.Holders.Select(h => h.EmployeeId).ToList() ?? [];
        if (named is { } id && !holders.Contains(id))
        {
            holders.Add(id);
        }

        return holders;
    }

    private Task SendAsync(List<Guid> recipients, NoticeTopic topic, string key, Letter letter, BilingualText title, BilingualText? body) =>
        recipients.Count == 0
            ? Task.CompletedTask
            : notifier.NotifyAsync(new Notice(recipients, topic, key, title, body, LinkTo(letter.Id), IsSensitive(letter)), CancellationToken.None);

    private async Task SafelyAsync(Letter letter, Func<Task> send)
    {
        try
        {
            await send();
        }
#pragma warning disable CA1031 // The user's action is saved; a notification failure is logged, never thrown at them.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogFailed(logger, letter.Id, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not notify about letter {LetterId}; the letter's change itself is saved")]
    private static partial void LogFailed(ILogger logger, Guid letterId, Exception exception);
}
