using System.Text;
using Superapps.Notifications.Contracts;
using Superapps.Notifications.Domain;

namespace Superapps.Notifications.Features.Delivery;

/// <summary>
/// What e-mail and WhatsApp say: both languages, Indonesian first, and the link. A sensitive notice travels with a neutral
/// title from its topic and the link only: never its title or body, which may carry a restricted letter's subject.
/// </summary>
public static class MessageComposer
{
    public static (string Subject, string Text) Email(Notification notice, Uri? portalUrl)
    {
        var (title, body) = Content(notice);
        var link = Link(notice.Link, portalUrl);
        var text = new StringBuilder()
            .AppendLine(title.Indonesian);
        if (body is not null)
        {
            text.AppendLine().AppendLine(body.Indonesian);
        }

        text.AppendLine().AppendLine("Buka di Superapps: " + link).AppendLine().AppendLine("—").AppendLine(title.English);
        if (body is not null)
        {
            text.AppendLine().AppendLine(body.English);
        }

        text.AppendLine().AppendLine("Open in Superapps: " + link)
            .AppendLine().AppendLine("Pesan ini dikirim otomatis; atur pemberitahuan Anda di /notifikasi/pengaturan. "
                + "This message was sent automatically; choose your notices at /notifikasi/pengaturan.");
        return ($"[Superapps] {title.Indonesian} / {title.English}", text.ToString());
    }

    public static string WhatsApp(Notification notice, Uri? portalUrl)
    {
        var (title, body) = Content(notice);
        var text = new StringBuilder().Append('*').Append(title.Indonesian).AppendLine("*");
        if (body is not null)
        {
            text.AppendLine(body.Indonesian);
        }

        return text.AppendLine(Link(notice.Link, portalUrl)).AppendLine().Append('_').Append(title.English).Append('_').ToString();
    }

    private static (BilingualText Title, BilingualText? Body) Content(Notification notice) =>
        notice.Sensitive
            ? (Neutral(notice.Topic), new BilingualText("Isinya hanya dapat dibaca di portal.", "It can be read in the portal only."))
            : (new BilingualText(notice.TitleIndonesian, notice.TitleEnglish),
                notice.BodyIndonesian is null ? null : new BilingualText(notice.BodyIndonesian, notice.BodyEnglish ?? notice.BodyIndonesian));

    /// <summary>A title that says what kind of thing happened and nothing about it.</summary>
    public static BilingualText Neutral(NoticeTopic topic) => topic switch
    {
        NoticeTopic.NewLetter => new("Ada surat baru untuk Anda", "A new letter for you"),
        NoticeTopic.NewDisposition => new("Ada disposisi baru untuk Anda", "A new disposition for you"),
        NoticeTopic.FollowUp => new("Ada tindak lanjut disposisi", "A disposition follow-up"),
        NoticeTopic.DeadlineReminder => new("Pengingat batas waktu", "Deadline reminder"),
        NoticeTopic.Overdue => new("Ada yang melewati batas waktu", "Something is overdue"),
        NoticeTopic.Ticket => new("Pembaruan tiket", "Ticket update"),
        NoticeTopic.DataUpdate => new("Pembaruan data", "Data update"),
        NoticeTopic.DraftLetter => new("Ada konsep surat untuk Anda", "A letter draft for you"),
        _ => new("Pemberitahuan baru", "New notice"),
    };

    private static string Link(string link, Uri? portalUrl) =>
        portalUrl is null || !link.StartsWith('/') ? link : new Uri(portalUrl, link.TrimStart('/')).ToString();
}
