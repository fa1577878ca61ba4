using Superapps.Organization.Contracts;
using Superapps.SharedKernel;

namespace Superapps.Organization.Pages.Agencies.Components;

/// <summary>How kinds of OPD and position levels are named on screen.</summary>
public static class AgencyKinds
{
    public static string Label(AgencyKind kind) => kind switch
    {
        AgencyKind.KepalaDaerah => Bilingual.T("Kepala Daerah", "Mayor's office"),
        AgencyKind.SekretariatDaerah => Bilingual.T("Sekretariat Daerah", "Regional secretariat"),
        AgencyKind.Sekretariat => Bilingual.T("Sekretariat", "Secretariat"),
        AgencyKind.Inspektorat => Bilingual.T("Inspektorat", "Inspectorate"),
        AgencyKind.Dinas => Bilingual.T("Dinas", "Department"),
        AgencyKind.Badan => Bilingual.T("Badan", "Agency"),
        AgencyKind.Kecamatan => Bilingual.T("Kecamatan", "District"),
        _ => Bilingual.T("Kelurahan", "Urban village"),
    };

    public static string Level(PositionLevel level) => level switch
    {
        PositionLevel.Walikota => "Walikota",
        PositionLevel.WakilWalikota => "Wakil Walikota",
        PositionLevel.Sekda => "Sekretaris Daerah",
        PositionLevel.KepalaOpd => Bilingual.T("Kepala OPD / Camat", "Head of OPD / Camat"),
        PositionLevel.Kabid => Bilingual.T("Sekretaris / Kabid / Lurah", "Secretary / Head of division / Lurah"),
        PositionLevel.Kasi => Bilingual.T("Kasubag / Kasi", "Head of section"),
        _ => Bilingual.T("Staf / fungsional", "Staff / functional"),
    };
}
