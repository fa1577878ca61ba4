using MudBlazor;
using Superapps.Letters.Contracts;
using Superapps.Letters.Domain;
using Superapps.SharedKernel;

namespace Superapps.Letters.Pages;

/// <summary>How letter attributes read on screen, in Indonesian or English, and their colours.</summary>
public static class LetterLabels
{
    public static string Of(SecurityClass value) => value switch
    {
        SecurityClass.Terbatas => Bilingual.T("Terbatas", "Restricted"),
        SecurityClass.Rahasia => Bilingual.T("Rahasia", "Secret"),
        SecurityClass.SangatRahasia => Bilingual.T("Sangat Rahasia", "Top secret"),
        _ => Bilingual.T("Biasa", "Ordinary"),
    };

    /// <summary>What stands in an agenda line for a restricted letter's subject and sender: "[Rahasia]".</summary>
    public static string Masked(SecurityClass value) => $"[{Of(value)}]";

    public static string Of(LetterStatus value) => value == LetterStatus.Closed ? Bilingual.T("Selesai", "Closed") : Bilingual.T("Berjalan", "Open");

    public static string Of(Urgency value) => value switch
    {
        Urgency.Segera => Bilingual.T("Segera", "Urgent"),
        Urgency.SangatSegera => Bilingual.T("Sangat Segera", "Very urgent"),
        _ => Bilingual.T("Biasa", "Normal"),
    };

    public static string Of(NodeState value) => value switch
    {
        NodeState.Unread => Bilingual.T("Belum dibaca", "Unread"),
        NodeState.Read => Bilingual.T("Dibaca", "Read"),
        NodeState.InProgress => Bilingual.T("Dikerjakan", "In progress"),
        NodeState.Done => Bilingual.T("Selesai", "Done"),
        NodeState.Cancelled => Bilingual.T("Dibatalkan", "Cancelled"),
        NodeState.DueSoon => Bilingual.T("Mendekati batas", "Due soon"),
        _ => Bilingual.T("Terlambat", "Overdue"),
    };

    public static Color ColorOf(NodeState value) => value switch
    {
        NodeState.Done => Color.Success,
        NodeState.DueSoon => Color.Warning,
        NodeState.Overdue => Color.Error,
        NodeState.Cancelled => Color.Default,
        NodeState.InProgress => Color.Info,
        _ => Color.Primary,
    };

    /// <summary>How a position is named on a letter: "Kepada" (addressed) or "Tembusan" (a copy, for information).</summary>
    public static string Of(RecipientKind value) => value == RecipientKind.Cc ? Copy : Bilingual.T("Kepada", "To");

    /// <summary>The mark of a letter the viewer receives as a copy (tembusan), in the inbox and on the letter.</summary>
    public static string Copy => Bilingual.T("Tembusan", "Copy");

    public static Color ColorOf(Urgency value) => value switch
    {
        Urgency.SangatSegera => Color.Error,
        Urgency.Segera => Color.Warning,
        _ => Color.Default,
    };
}
