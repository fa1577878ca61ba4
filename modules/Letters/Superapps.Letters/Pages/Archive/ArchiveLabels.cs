using MudBlazor;
using Superapps.Letters.Features.Archive;
using Superapps.Letters.Features.Retention;
using Superapps.SharedKernel;

namespace Superapps.Letters.Pages.Archive;

/// <summary>How archive and retention values read on screen, in Indonesian or English.</summary>
public static class ArchiveLabels
{
    public static string Of(ArchiveKind value) => value == ArchiveKind.Outgoing ? Bilingual.T("Keluar", "Outgoing") : Bilingual.T("Masuk", "Incoming");

    public static Color ColorOf(ArchiveKind value) => value == ArchiveKind.Outgoing ? Color.Secondary : Color.Primary;

    public static string Of(RetentionFate? value) => value switch
    {
        RetentionFate.Destroy => Bilingual.T("Musnah", "Destroy"),
        RetentionFate.Permanent => Bilingual.T("Permanen", "Permanent"),
        RetentionFate.Review => Bilingual.T("Dinilai kembali", "Review"),
        _ => Bilingual.T("Belum ada jadwal", "No schedule"),
    };

    public static string Of(DisposalStatus value) => value switch
    {
        DisposalStatus.AtRecordsCentre => Bilingual.T("Di unit kearsipan", "At the records centre"),
        DisposalStatus.Destroyed => Bilingual.T("Dimusnahkan", "Destroyed"),
        DisposalStatus.HandedOver => Bilingual.T("Diserahkan ke LKD", "Handed over"),
        _ => Bilingual.T("Aktif", "Active"),
    };

    public static string Of(RetentionDue value) => value switch
    {
        RetentionDue.Transfer => Bilingual.T("Pindah ke unit kearsipan", "Transfer to the records centre"),
        RetentionDue.ProposeDestruction => Bilingual.T("Usul musnah", "Propose destruction"),
        RetentionDue.HandOver => Bilingual.T("Serahkan ke Lembaga Kearsipan Daerah", "Hand over to the regional archives"),
        _ => Bilingual.T("Dinilai kembali", "To review"),
    };

    public static string Of(RetentionDecisionKind value) => value switch
    {
        RetentionDecisionKind.Transfer => Bilingual.T("Pindahkan ke unit kearsipan", "Transfer to the records centre"),
        RetentionDecisionKind.Destroy => Bilingual.T("Musnahkan", "Destroy"),
        _ => Bilingual.T("Serahkan ke Lembaga Kearsipan Daerah", "Hand over to the regional archives"),
    };
}
