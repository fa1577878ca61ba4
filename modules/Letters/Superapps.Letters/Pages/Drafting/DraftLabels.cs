using Superapps.Letters.Domain.Drafting;
using static Superapps.SharedKernel.Bilingual;

namespace Superapps.Letters.Pages.Drafting;

/// <summary>Names of kinds, states and steps of outgoing letters, Indonesian first.</summary>
public static class DraftLabels
{
    public static string Of(LetterKind kind) => kind switch
    {
        LetterKind.NotaDinas => T("Nota dinas", "Memorandum"),
        LetterKind.SuratUndangan => T("Surat undangan", "Invitation"),
        LetterKind.SuratEdaran => T("Surat edaran", "Circular"),
        LetterKind.SuratTugas => T("Surat tugas", "Assignment letter"),
        _ => T("Surat dinas", "Official letter"),
    };

    public static string Of(OutgoingLetterState state) => state switch
    {
        OutgoingLetterState.InReview => T("Diperiksa", "In review"),
        OutgoingLetterState.AwaitingSignature => T("Menunggu tanda tangan", "Awaiting signature"),
        OutgoingLetterState.Returned => T("Dikembalikan", "Returned"),
        OutgoingLetterState.Signed => T("Ditandatangani, belum terkirim", "Signed, not sent"),
        OutgoingLetterState.Sent => T("Terkirim", "Sent"),
        OutgoingLetterState.Abandoned => T("Dibatalkan", "Abandoned"),
        _ => T("Konsep", "Draft"),
    };

    public static string Of(DraftStepAction action) => action switch
    {
        DraftStepAction.Submitted => T("Diajukan", "Submitted"),
        DraftStepAction.Approved => T("Paraf (disetujui)", "Initialled (approved)"),
        DraftStepAction.Returned => T("Dikembalikan", "Returned"),
        DraftStepAction.Signed => T("Ditandatangani", "Signed"),
        DraftStepAction.Sent => T("Dikirim", "Sent"),
        DraftStepAction.Abandoned => T("Dibatalkan", "Abandoned"),
        _ => T("Dibuat", "Created"),
    };
}
