using Superapps.Notifications.Contracts;
using static Superapps.SharedKernel.Bilingual;

namespace Superapps.Notifications.Pages;

/// <summary>Names of the notice topics, Indonesian first.</summary>
public static class TopicLabels
{
    public static string Of(NoticeTopic topic) => topic switch
    {
        NoticeTopic.NewLetter => T("Surat masuk baru", "New letters"),
        NoticeTopic.NewDisposition => T("Disposisi baru", "New dispositions"),
        NoticeTopic.FollowUp => T("Tindak lanjut disposisi", "Disposition follow-ups"),
        NoticeTopic.DeadlineReminder => T("Pengingat batas waktu", "Deadline reminders"),
        NoticeTopic.Overdue => T("Lewat batas waktu", "Overdue items"),
        NoticeTopic.Ticket => T("Tiket pengaduan TIK", "ICT complaint tickets"),
        NoticeTopic.DataUpdate => T("Pembaruan data OPD", "OPD data updates"),
        NoticeTopic.DraftLetter => T("Konsep surat keluar", "Outgoing letter drafts"),
        _ => topic.ToString(),
    };
}
