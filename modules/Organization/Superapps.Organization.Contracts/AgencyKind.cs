namespace Superapps.Organization.Contracts;

/// <summary>Kinds of OPD (perangkat daerah) and territorial units.</summary>
public enum AgencyKind
{
    /// <summary>The mayor's office (Walikota and Wakil Walikota).</summary>
    KepalaDaerah = 0,
    SekretariatDaerah = 1,
    Sekretariat = 2,
    Inspektorat = 3,
    Dinas = 4,
    Badan = 5,
    Kecamatan = 6,
    Kelurahan = 7,
}
