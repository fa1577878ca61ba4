using Superapps.SharedKernel;

namespace Superapps.Tickets.Pages.Reports;

/// <summary>The report page's words, in Indonesian or English.</summary>
public static class ReportLabels
{
    public static string Title => Bilingual.T("Laporan Tiket", "Ticket reports");

    public static string Reported => Bilingual.T("Dilaporkan", "Reported");

    public static string Resolved => Bilingual.T("Selesai", "Resolved");

    public static string MttrBusiness => Bilingual.T("MTTR (jam kerja)", "MTTR (business hours)");

    public static string MttrWall => Bilingual.T("MTTR (jam kalender)", "MTTR (wall-clock)");

    public static string ResponseMet => Bilingual.T("Respons tepat waktu", "Response within target");

    public static string ResolutionMet => Bilingual.T("Penyelesaian tepat waktu", "Resolution within target");

    public static string WithinTarget => Bilingual.T("Tepat waktu", "Within target");

    public static string Breached => Bilingual.T("Terlambat", "Breached");

    public static string Month(int year, int month) =>
        new DateTime(year, month, 1).ToString("MMM yy", Bilingual.IsEnglish ? System.Globalization.CultureInfo.GetCultureInfo("en-US") : Wib.Indonesian);
}
