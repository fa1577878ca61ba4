using MudBlazor;
using Superapps.SharedKernel;
using Superapps.Tickets.Domain.Incidents;

namespace Superapps.Tickets.Pages.Incidents;

/// <summary>How incidents and proposals read on screen.</summary>
public static class IncidentLabels
{
    public static string Of(IncidentStatus status)
    {
        var (id, en) = IncidentText.Of(status);
        return Bilingual.T(id, en);
    }

    public static Color ColorOf(IncidentStatus status) => status == IncidentStatus.Open ? Color.Error : Color.Success;

    public static string Title(IncidentProposal proposal)
    {
        var (id, en) = proposal.Title;
        return Bilingual.T(id, en);
    }

    /// <summary>"3 jam 20 menit" since an instant: how long an outage lasts.</summary>
    public static string Since(DateTimeOffset since, DateTimeOffset now)
    {
        var span = now - since;
        if (span < TimeSpan.FromMinutes(1))
        {
            return Bilingual.T("baru saja", "just now");
        }

        var days = (int)span.TotalDays;
        return days > 0
            ? Bilingual.T($"{days} hari {span.Hours} jam", $"{days} d {span.Hours} h")
            : span.Hours > 0 ? Bilingual.T($"{span.Hours} jam {span.Minutes} menit", $"{span.Hours} h {span.Minutes} min") : Bilingual.T($"{span.Minutes} menit", $"{span.Minutes} min");
    }
}
